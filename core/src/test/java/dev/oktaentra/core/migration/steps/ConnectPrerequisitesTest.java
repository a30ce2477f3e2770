package dev.oktaentra.core.migration.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.TopologyNeeds;
import dev.oktaentra.core.migration.VerifyResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install-connect-staging} asks for Entra Connect 2.5.79.0 or later and a Hybrid Identity Administrator, and
 * passes only on a confirmation that names the installed version (Graph does not expose it); {@code choose-topology}
 * refuses a cloud sync agent on an Okta agent's server.
 */
class ConnectPrerequisitesTest {

    private static final String STEP = "install-connect-staging";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Migration open(MigrationOptions options) {
        MigrationContext context = MigrationContext.builder().options(options).clock(CLOCK).build();
        return Migration.builder().runbook(Runbooks.connectServer()).context(context)
                .journal(dir.resolve("journal.jsonl")).open();
    }

    private Migration open() {
        return open(MigrationOptions.defaults());
    }

    @Test
    void plan_namesTheMinimumBuildTheRoleAndHowToConfirmTheVersion() {
        try (Migration migration = open()) {
            Plan plan = migration.plan(STEP);

            assertThat(plan.instructions()).anySatisfy(i -> assertThat(i).contains("2.5.79.0")
                    .contains("30 September 2026"));
            assertThat(plan.instructions()).anySatisfy(i -> assertThat(i).contains("Hybrid Identity Administrator"));
            assertThat(plan.instructions()).anySatisfy(i -> assertThat(i).contains("confirm " + STEP)
                    .contains("version"));
        }
    }

    @Test
    void verify_aConfirmationWithoutAVersion_fails() {
        try (Migration migration = open()) {
            migration.plan(STEP);
            migration.confirm(STEP, "ops", "installed in staging mode");

            VerifyResult result = migration.verify(STEP);

            assertThat(result.passed()).isFalse();
            assertThat(result.findings()).anySatisfy(f -> assertThat(f.message()).contains("no version")
                    .contains("2.5.79.0"));
        }
    }

    @Test
    void verify_aVersionBelowTheMinimum_fails() {
        try (Migration migration = open()) {
            migration.plan(STEP);
            migration.confirm(STEP, "ops", "Entra Connect 2.4.131.0 installed in staging mode");

            VerifyResult result = migration.verify(STEP);

            assertThat(result.passed()).isFalse();
            assertThat(result.findings()).anySatisfy(f -> {
                assertThat(f.severity()).isEqualTo(StepFinding.Severity.ERROR);
                assertThat(f.message()).contains("2.4.131.0").contains("2.5.79.0");
            });
        }
    }

    @Test
    void verify_theMinimumOrLater_passesAndRecordsTheVersion() {
        try (Migration migration = open()) {
            migration.plan(STEP);
            migration.confirm(STEP, "ops", "Entra Connect 2.5.190.0, staging mode, first sync done");

            VerifyResult result = migration.verify(STEP);

            assertThat(result.passed()).isTrue();
            assertThat(result.findings()).anySatisfy(f -> assertThat(f.message()).contains("2.5.190.0"));
        }
    }

    @Test
    void verify_twoDifferentVersionsInTheNote_fails() {
        try (Migration migration = open()) {
            migration.plan(STEP);
            migration.confirm(STEP, "ops", "upgraded from 2.4.131.0 to 2.5.79.0");

            assertThat(migration.verify(STEP).passed()).isFalse();
        }
    }

    @Test
    void chooseTopology_aCloudSyncAgentOnAnOktaAgentServer_fails() {
        TopologyNeeds needs = new TopologyNeeds(false, false, false, 1_000)
                .withAgentServers(Set.of("dc01"), Set.of("DC01"));
        MigrationContext context = MigrationContext.builder()
                .options(MigrationOptions.defaults().withTopology(needs)).clock(CLOCK).build();
        try (Migration migration = Migration.builder().runbook(Runbooks.cloudSync()).context(context)
                .journal(dir.resolve("cloud.jsonl")).open()) {
            VerifyResult result = migration.verify("choose-topology");

            assertThat(result.passed()).isFalse();
            assertThat(result.findings()).anySatisfy(f -> assertThat(f.message()).contains("dc01"));
        }
    }
}
