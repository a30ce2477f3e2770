package dev.oktaentra.examples.cli;

import static dev.oktaentra.examples.fixtures.TenantFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.examples.fixtures.TenantFixture;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI in a JVM of its own with a small heap, as {@code java -Xmx64m -jar oktaentra.jar validate} runs: a huge
 * field is an input error with its file and line, and running out of memory anyway is one line and exit 3, never
 * a stack trace and exit 1 (which means "findings").
 */
class LowMemoryTest {

    private static final String HEADER = "DistinguishedName,UserPrincipalName,ObjectGUID,Description";

    @TempDir
    Path dir;

    record Run(int exit, List<String> lines) {
    }

    @Test
    void validate_aSixtyMegabyteField_isAnInputErrorNamingFileAndLine() throws Exception {
        Path ad = export("adusers.csv", 1, 60_000_000);

        Run run = validate(ad);

        assertThat(run.exit()).as(String.join("\n", run.lines())).isEqualTo(2);
        assertThat(run.lines()).hasSize(1);
        assertThat(run.lines().get(0)).startsWith("oktaentra validate: adusers.csv: line 3: a field is longer than "
                + "1,048,576 characters");
    }

    @Test
    void validate_runningOutOfMemoryAnyway_isOneLineAndExit3() throws Exception {
        Path ad = export("wide.csv", 96, 1_000_000);  // every field within the limit, the row 96 MB

        Run run = validate(ad);

        assertThat(run.exit()).as(String.join("\n", run.lines())).isEqualTo(3);
        assertThat(run.lines()).hasSize(1);
        assertThat(run.lines().get(0)).startsWith("oktaentra validate: out of memory (Java heap space)")
                .contains("-Xmx").contains("--debug");
    }

    /** An on-prem export whose third line has {@code fields} extra fields of {@code chars} characters each. */
    private Path export(String name, int fields, int chars) throws IOException {
        Path file = dir.resolve(name);
        String value = "x".repeat(chars);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\r\n");
            out.write("\"CN=ann,DC=x\",ann@contoso.com," + TenantFixture.guid("ann") + ",hello\r\n");
            out.write("\"CN=bob,DC=x\",bob@contoso.com," + TenantFixture.guid("bob"));
            for (int i = 0; i < fields; i++) {
                out.write(",\"");
                out.write(value);
                out.write('"');
            }
            out.write("\r\n");
        }
        return file;
    }

    private Run validate(Path onPrem) throws Exception {
        Path cloud = tenant().matched("ann").writeCloud(dir.resolve("entrausers.csv"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "validate", "--onprem", onPrem.toString(), "--cloud", cloud.toString(), "--out",
                dir.resolve("report").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output.lines().toList());
    }
}
