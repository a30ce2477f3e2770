package dev.oktaentra.examples.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every script of {@code examples/jshell} as a person does: through the launcher {@code oktaentra-jshell.sh}
 * and the real {@code jshell} tool of the running JDK, in a process of its own. The launcher gets this JVM's class
 * path in place of the executable jar, which the build makes only after the tests (the jar holds the same classes).
 * A snippet the tool rejects, an exception, a method left waiting for a name, or a missing line of output fails it.
 */
class JShellScriptsTest {

    static final Path DIR = Path.of(System.getProperty("oktaentra.jshell.dir", "jshell")).toAbsolutePath();

    /** What each script must print, besides running cleanly. */
    private static final Map<String, List<String>> PRINTS = Map.of(
            "convert-anchors.jsh", List.of(
                    "ImmutableID of 3ab39606-c642-489b-84b6-58c038d3ef39: BpazOkLGm0iEtljAONPvOQ==",
                    "from 0x + toHex():   3ab39606-c642-489b-84b6-58c038d3ef39",
                    "from the DN again:   3ab39606-c642-489b-84b6-58c038d3ef39",
                    "OrOWBsZCSJuEtljAONPvOQ== is BYTE_ORDER",
                    "BpazOkLGm0iEtljAONPvOQ is MISSING_PADDING",
                    "has 31 hex digits"),
            "validate-exports.jsh", List.of(
                    "objectGUID explains",
                    "ANCHOR_MISMATCH BYTE_ORDER  dee.roy@contoso.com",
                    "CLOUD_ONLY  gus.old@contoso.com",
                    "needs attention: true"),
            "employee-id-rule.jsh", List.of(
                    "Entra Connect's rules: {",
                    "ivy.cho@contoso.com pairs with ivy.chong@contoso.com: CUSTOM_MATCH_ONLY",
                    "EmployeeIdRule.canonical(\" e-000109 \") = E109"),
            "rehearsal.jsh", List.of(
                    "planted: 10 anchor mismatches, 5 soft matches, 5 on-prem only, 4 cloud orphans",
                    "objectGUID explains 97.2% of 493 cloud ImmutableIDs",
                    "ANCHOR_MISMATCH=10",
                    "BYTE_ORDER=4, GUID_TEXT_BASE64=1",
                    "soft matches to an admin: 1",
                    "Microsoft Office 365: provisioning ENABLED",
                    "Microsoft Office 365 (EMEA): provisioning ENABLED"));

    /**
     * Typed after the script, as a person would: {@code /methods} and {@code /types} name a declaration that waits
     * for a missing name ("which cannot be invoked until…"), which jshell does not report while it loads a file.
     */
    private static final String AFTER_THE_SCRIPT = "/methods\n/types\n/exit\n";

    @TempDir
    Path work;

    static Stream<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".jsh") && !f.endsWith("startup.jsh")).sorted()
                    .toList().stream();
        }
    }

    @Test
    void folder_holdsBothLaunchersTheExportsAndAnExpectationForEveryScript() throws IOException {
        assertThat(scripts().map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(PRINTS.keySet());
        assertThat(DIR.resolve("oktaentra-jshell.sh")).isExecutable();
        assertThat(DIR.resolve("oktaentra-jshell.cmd")).isNotEmptyFile();
        assertThat(DIR.resolve("adusers.csv")).isNotEmptyFile();
        assertThat(DIR.resolve("entrausers.csv")).isNotEmptyFile();
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void script_runsInTheRealJShellThroughTheLauncher(Path script) throws IOException, InterruptedException {
        Launched run = launch(script.getFileName().toString());

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.stderr().lines()).as(run.describe())
                .noneMatch(line -> line.startsWith("Error:") || line.startsWith("Exception ")
                        || line.startsWith("Caused by"));
        assertThat(run.stdout()).as(run.describe()).doesNotContain("cannot be invoked until")
                .doesNotContain("cannot be referenced until").doesNotContain("cannot be instantiated until");
        for (String expected : PRINTS.get(script.getFileName().toString())) {
            assertThat(run.stdout()).as(run.describe()).contains(expected);
        }
        if (script.endsWith("validate-exports.jsh")) {
            Path reports = work.resolve("oktaentra-report");
            assertThat(reports.resolve("validation.csv")).isNotEmptyFile();
            assertThat(reports.resolve("validation.json")).isNotEmptyFile();
            assertThat(reports.resolve("validation.html")).isNotEmptyFile();
        }
    }

    /**
     * The Windows launcher cannot run here; what can be checked is that it starts the same jshell as the POSIX one
     * (same class path, options and startup, with a script or without) and honours the same variables.
     */
    @Test
    void windowsLauncher_startsTheSameJShellAsThePosixOne() throws IOException {
        String posix = Files.readString(DIR.resolve("oktaentra-jshell.sh"), StandardCharsets.UTF_8)
                .replace("\\\n", " ");
        String windows = Files.readString(DIR.resolve("oktaentra-jshell.cmd"), StandardCharsets.UTF_8)
                .replace("%here%", "$here").replace("%classpath%", "$classpath").replace("%jshell%", "$jshell")
                .replace("%script%", "$script").replace("%JAVA_HOME%", "$JAVA_HOME").replace('\\', '/');
        String command = commandLine(posix, "exec \"$jshell\" --class-path").replaceFirst("^exec ", "")
                .replaceFirst(" \"\\$@\"$", "");

        assertThat(command).startsWith("\"$jshell\" --class-path \"$classpath\" -R-D").endsWith("startup.jsh\"");
        assertThat(windows.lines().map(String::strip).toList())
                .contains(command, command + " \"$script\"",
                        "if not defined classpath set \"classpath=$here/../target/oktaentra.jar\"",
                        "if defined JAVA_HOME set \"jshell=$JAVA_HOME/bin/jshell\"");
        assertThat(posix).contains("classpath=${OKTAENTRA_CLASS_PATH:-\"$here/../target/oktaentra.jar\"}",
                "jshell=\"$JAVA_HOME/bin/jshell\"");
        assertThat(windows).contains("set \"classpath=%OKTAENTRA_CLASS_PATH%\"");
    }

    /** The line of {@code text} that starts with {@code start}, its runs of blanks made one space. */
    private static String commandLine(String text, String start) {
        return text.lines().map(l -> l.strip().replaceAll("\\s+", " ")).filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting " + start));
    }

    /**
     * The launcher with this JDK ({@code JAVA_HOME}) and this class path; its own home, so that a developer's JShell
     * preferences (a saved startup, a feedback mode) stay out; the working folder a scratch folder.
     */
    private Launched launch(String script) throws IOException, InterruptedException {
        Path stdout = work.resolve("stdout.txt");
        Path stderr = work.resolve("stderr.txt");
        Path input = Files.writeString(work.resolve("stdin.txt"), AFTER_THE_SCRIPT);
        ProcessBuilder builder = new ProcessBuilder("sh", DIR.resolve("oktaentra-jshell.sh").toString(),
                "-J-Duser.home=" + work.resolve("home"), script)
                .directory(work.toFile()).redirectInput(input.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("OKTAENTRA_CLASS_PATH", System.getProperty("java.class.path"));
        Process jshell = builder.start();
        boolean ended = jshell.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            jshell.destroyForcibly().waitFor();
        }
        return new Launched(script, ended ? jshell.exitValue() : -1, Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private record Launched(String script, int exit, String stdout, String stderr) {

        String describe() {
            return script + " in jshell, exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
