package dev.oktaentra.examples;

import static dev.oktaentra.examples.fixtures.TenantFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.export.CloudCsvExport;
import dev.oktaentra.core.export.OnPremCsvExport;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.report.html.HtmlReport;
import dev.oktaentra.core.validation.Validation;
import dev.oktaentra.core.validation.ValidationReport;
import dev.oktaentra.examples.embedding.CutoverCheck;
import dev.oktaentra.examples.embedding.CutoverDecision;
import dev.oktaentra.examples.fixtures.TenantFixture;
import dev.oktaentra.examples.rules.EmployeeIdRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples-module snippet, kept here between the markers so that it compiles and runs; the test also
 * checks that the README shows exactly these lines.
 */
class ReadmeSnippetsTest {

    private static final Path SOURCE = Path.of("src/test/java/dev/oktaentra/examples/ReadmeSnippetsTest.java");
    private static final Path README = Path.of("../README.md");

    @TempDir
    Path dir;

    @Test
    void readmeSnippet_runsOnExampleExports() {
        TenantFixture tenant = tenant().matched("ann").byteOrderMismatch("dee");
        Path adusers = tenant.writeOnPrem(dir.resolve("adusers.csv"));
        Path entrausers = tenant.writeCloud(dir.resolve("entrausers.csv"));
        Path out = dir.resolve("cutover-check");

        CutoverDecision decision = readme(adusers, entrausers, out);

        assertThat(decision.go()).isFalse();
        assertThat(decision.fixes()).isEqualTo(1);
        assertThat(out.resolve("validation.html")).isNotEmptyFile();
        assertThat(out.resolve(CutoverCheck.FIX_LIST)).isNotEmptyFile();
    }

    private static CutoverDecision readme(Path adusers, Path entrausers, Path out) {
        // README begin
        // A gate in your own tooling: detect the anchor, validate, derive ImmutableID fixes, decide.
        CutoverDecision decision = CutoverCheck.of(adusers, entrausers).run(out);   // writes immutableid-fixes.csv
        if (!decision.go()) {
            decision.blockers().forEach(System.out::println);
        }

        // Your own match rule, after Entra Connect's: employee numbers, zero-padded or not.
        Validation validation = Validation.configure()
                .rules(MatchRule.hardMatch(SourceAnchor.objectGuid()), MatchRule.softMatchUserPrincipalName(),
                        EmployeeIdRule.standard())
                .build();
        try (OnPremDirectory ad = OnPremCsvExport.of(adusers);
             CloudDirectory entra = CloudCsvExport.of(entrausers);
             ValidationReport report = validation.run(ad, entra)) {
            report.writeCsv(out.resolve("validation.csv"));
            HtmlReport.forValidation(report, "validation.csv", HtmlReport.DEFAULT_MAX_ROWS_PER_OUTCOME)
                    .write(out.resolve("validation.html"));                    // one self-contained page
        }
        // README end
        return decision;
    }

    @Test
    void readme_showsTheSnippetAsItIsHere() throws IOException {
        List<String> source = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        List<String> snippet = source.subList(source.indexOf("        // README begin") + 1,
                source.indexOf("        // README end")).stream().map(line -> line.replaceFirst("^ {8}", ""))
                .toList();

        assertThat(Files.readString(README, StandardCharsets.UTF_8)).contains(String.join("\n", snippet));
    }
}
