package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.examples.rehearsal.Rehearsal;
import dev.oktaentra.examples.rehearsal.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rehearse} in-process through {@link Main#run}: a clean run, its reports, and its input errors. */
class RehearseCommandTest {

    @TempDir
    Path dir;

    @Test
    void rehearse_endsCleanAndWritesEveryReport() throws Exception {
        Path out = dir.resolve("report");

        CliResult result = CliResult.run("rehearse", "--users", "300", "--out", out.toString());

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("Dry run: every step planned, nothing written")
                .contains("Written during the dry run: 0 Graph requests, 0 Okta requests")
                .contains("played: the Connect server's pending export, a synthetic csexport file")
                .contains("confirmed as operator \"rehearsal\"")
                .contains("The rehearsal ended clean.");
        for (String file : new String[] {"validation.csv", "validation.json", "validation.html",
            "pending-exports.csv", "pending-export-findings.csv", "pending-exports.json", "runbook-status.json",
            "rehearsal-journal.jsonl", "staging-export.synthetic.xml"}) {
            assertThat(out.resolve(file)).isNotEmptyFile();
        }
        JsonNode status = new ObjectMapper().readTree(out.resolve("runbook-status.json").toFile());
        assertThat(status.get("runbook").asText()).isEqualTo("connect-server");
        assertThat(status.get("steps")).hasSize(16).allSatisfy(s -> assertThat(s.get("status").asText())
                .isEqualTo("VERIFIED"));
        assertThat(Files.readString(out.resolve("staging-export.synthetic.xml"))).contains("SYNTHETIC");
        assertThat(Files.readString(out.resolve("validation.html"))).contains("id=\"runbook-status\"")
                .contains("id=\"staging-export\"");
    }

    @Test
    void rehearse_withTooFewUsers_saysWhatIsAllowedAndExits2() {
        CliResult result = CliResult.run("rehearse", "--users", "12", "--out", dir.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("oktaentra rehearse: --users must be between 300 and 200,000, got 12"
                + System.lineSeparator());
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void rehearse_withAWriteLimitBelowOne_saysWhatIsAllowedAndExits2() {
        CliResult result = CliResult.run("rehearse", "--max-writes-per-step", "0", "--out", dir.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("oktaentra rehearse: --max-writes-per-step must be at least 1, got 0"
                + System.lineSeparator());
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void rehearse_withAWriteLimitThatIsNoNumber_namesTheOptionAndExits2() {
        CliResult result = CliResult.run("rehearse", "--max-writes-per-step", "lots", "--out", dir.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid value for option '--max-writes-per-step': 'lots'");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void rehearse_withALowWriteLimit_stopsAtTheStepAboveItAndSaysHowToRaiseIt() {
        CliResult result = CliResult.run("rehearse", "--users", "300", "--max-writes-per-step", "5", "--out",
                dir.toString());

        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.out()).contains("write limit: 5 changes per step, as given");
        assertThat(result.err()).startsWith("oktaentra rehearse: the rehearsal did not end clean: remediate-anchors: "
                + "Plan ").contains("the limit is 5 per step").contains("--max-writes-per-step");
    }

    @Test
    void heapWarning_whenTheJvmMayUseLessThanTheRehearsalNeeds_saysHowMuchAndHowToGiveIt() {
        long oneGb = 1L << 30;
        long needed = Rehearsal.heapNeeded(Scenario.forUsers(200_000, 1));

        assertThat(needed).isGreaterThan(oneGb);
        assertThat(RehearseCommand.heapWarning(Scenario.forUsers(200_000, 1), oneGb)).hasValue("200,000 users need "
                + "about " + RehearseCommand.gigabytes(needed) + " of heap, and this JVM may use 1.0 GB: the "
                + "rehearsal may run out of memory. Start it with java -Xmx" + RehearseCommand.xmx(needed)
                + " -jar oktaentra.jar rehearse …");
        assertThat(RehearseCommand.heapWarning(Scenario.forUsers(2_000, 1), oneGb)).isEmpty();
    }

    @Test
    void rehearse_intoAFile_namesTheFileAndExits2() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "not a folder");

        CliResult result = CliResult.run("rehearse", "--users", "300", "--out", file.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("oktaentra rehearse: ").contains(file.toString());
    }

    @Test
    void help_describesTheOptionsAndWhatIsPlayed() {
        CliResult result = CliResult.run("rehearse", "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("Usage: oktaentra rehearse").contains("--users").contains("--seed")
                .contains("--cloud-sync").contains("--keep-running").contains("--max-writes-per-step").contains("played");
    }
}
