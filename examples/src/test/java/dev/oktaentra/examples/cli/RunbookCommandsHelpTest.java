package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.Runbook;
import dev.oktaentra.core.migration.steps.Runbooks;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RunbookCommandsHelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"staging-report", "status", "plan", "apply", "verify", "confirm", "skip", "rollback",
        "repair"})
    void help_onEveryNewCommand_printsItsUsageAndExits0(String command) {
        CliResult result = CliResult.run(command, "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("Usage: oktaentra " + command).contains("--help").contains("--debug");
        if (!command.equals("staging-report")) {
            assertThat(result.out()).contains("--config=FILE");
        }
        assertThat(result.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "verify", "rollback", "confirm", "skip"})
    void stepCommands_withoutAStep_areUsageErrors(String command) {
        CliResult result = CliResult.run(command);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required").contains("Try 'oktaentra " + command + " --help'.");
    }

    @Test
    void apply_withoutPlanIdAndChecksum_isAUsageError() {
        CliResult result = CliResult.run("apply", "remediate-anchors");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--checksum=SUM").contains("--plan-id=ID");
    }

    @Test
    void stepListsInTheHelp_matchTheRunbooks() {
        assertThat(Steps.CONNECT_SERVER).isEqualTo(ids(Runbooks.connectServer()));
        assertThat(Steps.CLOUD_SYNC).isEqualTo(ids(Runbooks.cloudSync()));
    }

    @Test
    void missingConfigurationFile_isAnInputErrorSayingHowToGiveOne() {
        CliResult result = CliResult.run("status", "--config", "/nonexistent/oktaentra.json");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("oktaentra status: No configuration file /nonexistent/oktaentra.json "
                + "(give one with --config FILE; the README describes the format)\n");
    }

    private static String ids(Runbook runbook) {
        return runbook.steps().stream().map(MigrationStep::id).collect(Collectors.joining(", "));
    }
}
