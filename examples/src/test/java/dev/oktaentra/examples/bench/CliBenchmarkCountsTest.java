package dev.oktaentra.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.bench.PowerShellExports;
import dev.oktaentra.core.bench.PowerShellExports.Tally;
import dev.oktaentra.examples.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI benchmark's check of each run's counts: what the generator says its files hold must be what {@code validate}
 * counts in them, or the benchmark would fail a correct CLI (or pass a wrong one).
 */
class CliBenchmarkCountsTest {

    @TempDir
    Path dir;

    private Tally tally;
    private String json;

    @BeforeEach
    void validateGeneratedExports() throws Exception {
        Path onPrem = dir.resolve(CliBenchmarkMain.ON_PREM);
        Path cloud = dir.resolve(CliBenchmarkMain.CLOUD);
        tally = PowerShellExports.generate(3_000, onPrem, cloud);
        StringWriter out = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", "--onprem",
                onPrem.toString(), "--cloud", cloud.toString(), "--out", dir.resolve("report").toString(), "--json");
        assertThat(exit).isEqualTo(1);  // the generated tenant has mismatches, so findings need attention
        json = out.toString();
    }

    @Test
    void generatedExportsHoldEveryKindOfUserTheTallySays() {
        assertThat(tally.matched()).isPositive();
        assertThat(tally.byteOrder()).isPositive();
        assertThat(tally.unstamped()).isPositive();
        assertThat(tally.onPremOnly()).isPositive();
        assertThat(tally.cloudOnly()).isPositive();
        assertThat(tally.onPremUsers() + tally.cloudOnly()).isEqualTo(3_000);
        assertThatCode(() -> CliBenchmarkMain.checkCounts(json, tally, 1)).doesNotThrowAnyException();
    }

    @Test
    void aRunThatCountsOneUserDifferentlyFailsTheBenchmark() {
        Tally offByOne = new Tally(tally.matched() - 1, tally.byteOrder(), tally.unstamped() + 1, tally.onPremOnly(),
                tally.cloudOnly());

        assertThatThrownBy(() -> CliBenchmarkMain.checkCounts(json, offByOne, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Run 2 counted {MATCHED=" + tally.matched());
    }

    @Test
    void aRunThatCountsAnOutcomeTheFilesDoNotHoldFailsTheBenchmark() {
        String withAmbiguous = json.replaceFirst("\"AMBIGUOUS\" *: *0", "\"AMBIGUOUS\" : 3");

        assertThatThrownBy(() -> CliBenchmarkMain.checkCounts(withAmbiguous, tally, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AMBIGUOUS=3");
    }

    @Test
    void reportFilesThatHoldEveryUser_passTheCheck() {
        assertThatCode(() -> CliBenchmarkMain.checkReportFiles(dir.resolve("report"), tally, 1))
                .doesNotThrowAnyException();
    }

    @Test
    void aCsvThatLacksAUser_failsTheBenchmark() throws Exception {
        Path csv = dir.resolve("report").resolve("validation.csv");
        java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
        java.nio.file.Files.write(csv, lines.subList(0, lines.size() - 1));

        assertThatThrownBy(() -> CliBenchmarkMain.checkReportFiles(dir.resolve("report"), tally, 4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Run 4: validation.csv has " + (tally.onPremUsers() + tally.cloudOnly() - 1)
                        + " rows");
    }

    @Test
    void aJsonThatListsTooFewUsers_failsTheBenchmark() throws Exception {
        Path json = dir.resolve("report").resolve("validation.json");
        String text = java.nio.file.Files.readString(json);
        java.nio.file.Files.writeString(json, text.replaceFirst("\"cleanMatchesOmitted\":(\\d+)",
                "\"cleanMatchesOmitted\":1"));

        assertThatThrownBy(() -> CliBenchmarkMain.checkReportFiles(dir.resolve("report"), tally, 5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Run 5: validation.json lists");
    }
}
