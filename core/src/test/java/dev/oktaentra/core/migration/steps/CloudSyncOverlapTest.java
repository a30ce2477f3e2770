package dev.oktaentra.core.migration.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.tenant.CloudSyncJob;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check-cloud-sync-overlap}: a cloud sync configuration left for the AD domain Connect is about to sync (a
 * trial's, paused, with its provisioning and password hash jobs) stops the Connect runbook until it is deleted or a
 * person confirms it is scoped apart; a running one fails outright.
 */
class CloudSyncOverlapTest {

    private static final String STEP = "check-cloud-sync-overlap";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private static final String SP = "5b0f1c7e-1d2a-4c55-9f1e-3a7d2c4b8e61";
    private static final String PROVISIONING = "AD2AADProvisioning.9d3c5e0f2b7a4e61";
    private static final String PASSWORD_HASH = "AD2AADPasswordHash.9d3c5e0f2b7a4e61";

    @TempDir
    Path dir;

    private final MemoryWorld world = new MemoryWorld();

    @BeforeEach
    void seed() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 3; i++) {
            world.add(OnPremUser.builder().distinguishedName("CN=u" + i + ",OU=Staff,DC=contoso,DC=com")
                    .userPrincipalName("u" + i + "@contoso.com").samAccountName("u" + i)
                    .objectGuid(ObjectGuid.random(random)).build());
        }
    }

    private static CloudSyncJob job(String domain, String jobId, String status) {
        return new CloudSyncJob(SP, domain, jobId, jobId.substring(0, jobId.indexOf('.')), status, status, null,
                null);
    }

    private Migration open(boolean withOnPrem) {
        MigrationContext.Builder context = MigrationContext.builder().tenant(world.tenant()).clock(CLOCK);
        if (withOnPrem) {
            context.onPrem(world.onPremDirectory());
        }
        return Migration.builder().runbook(Runbooks.connectServer()).context(context.build())
                .journal(dir.resolve("journal.jsonl")).open();
    }

    private static String errors(VerifyResult result) {
        return String.join("\n", result.findings().stream().filter(f -> f.severity() == StepFinding.Severity.ERROR)
                .map(StepFinding::message).toList());
    }

    @Test
    void connectRunbook_checksForCloudSyncBeforeTheStagingAnalysis() {
        assertThat(Runbooks.connectServer().steps()).extracting(s -> s.id()).containsSubsequence(
                "install-connect-staging", STEP, "analyse-staging-export", "leave-staging-mode");
        assertThat(Runbooks.connectServer().step(STEP).kind()).isEqualTo(StepKind.CHECK);
        assertThat(Runbooks.cloudSync().steps()).extracting(s -> s.id()).doesNotContain(STEP);
    }

    @Test
    void pausedTrialConfiguration_stopsTheStepNamingBothJobsAndWhatToDo() {
        world.jobs.add(job("contoso.com", PROVISIONING, "Paused"));
        world.jobs.add(job("contoso.com", PASSWORD_HASH, "Paused"));
        try (Migration migration = open(true)) {
            Plan plan = migration.plan(STEP);
            VerifyResult verdict = migration.verify(STEP);

            assertThat(plan.changes()).isEmpty();
            assertThat(String.join("\n", plan.instructions())).contains(PROVISIONING).contains(PASSWORD_HASH)
                    .contains("contoso.com").contains("Cloud sync").contains("delete")
                    .contains("in scope of both").contains("confirm " + STEP);
            assertThat(verdict.passed()).isFalse();
            assertThat(errors(verdict)).contains(PROVISIONING).contains(PASSWORD_HASH).contains("Paused");
        }
    }

    @Test
    void activeJob_failsEvenWhenConfirmedScopedApart() {
        world.jobs.add(job("contoso.com", PROVISIONING, "Active"));
        world.jobs.add(job("contoso.com", PASSWORD_HASH, "Paused"));
        try (Migration migration = open(true)) {
            migration.plan(STEP);
            migration.confirm(STEP, "ops", "scoped to OU=Pilot, which Connect does not sync");
            VerifyResult verdict = migration.verify(STEP);

            assertThat(verdict.passed()).isFalse();
            assertThat(errors(verdict)).contains(PROVISIONING).contains("Active").doesNotContain(PASSWORD_HASH);
        }
    }

    @Test
    void afterTheConfigurationIsDeleted_passes() {
        world.jobs.add(job("contoso.com", PROVISIONING, "Paused"));
        world.jobs.add(job("contoso.com", PASSWORD_HASH, "Paused"));
        try (Migration migration = open(true)) {
            migration.plan(STEP);
            assertThat(migration.verify(STEP).passed()).isFalse();

            world.jobs.clear();   // the operator deleted the configuration in the Entra admin center
            VerifyResult verdict = migration.verify(STEP);

            assertThat(verdict.passed()).as(errors(verdict)).isTrue();
            assertThat(verdict.findings()).anySatisfy(f -> assertThat(f.message()).contains("no cloud sync job"));
        }
    }

    @Test
    void pausedJobsConfirmedScopedApart_passWithTheNoteAsAWarning() {
        world.jobs.add(job("contoso.com", PROVISIONING, "Paused"));
        world.jobs.add(job("contoso.com", PASSWORD_HASH, "Paused"));
        try (Migration migration = open(true)) {
            migration.plan(STEP);
            migration.confirm(STEP, "ops", "cloud sync scoped to OU=Pilot, which Connect does not sync");
            VerifyResult verdict = migration.verify(STEP);

            assertThat(verdict.passed()).as(errors(verdict)).isTrue();
            assertThat(verdict.findings()).filteredOn(f -> f.severity() == StepFinding.Severity.WARNING)
                    .hasSize(2).allSatisfy(f -> assertThat(f.message()).contains("ops").contains("OU=Pilot"))
                    .anySatisfy(f -> assertThat(f.message()).contains(PROVISIONING))
                    .anySatisfy(f -> assertThat(f.message()).contains(PASSWORD_HASH));
        }
    }

    @Test
    void jobThatAppearedAfterTheConfirmedPlan_isNotCoveredByTheConfirmation() {
        world.jobs.add(job("contoso.com", PROVISIONING, "Paused"));
        try (Migration migration = open(true)) {
            migration.plan(STEP);
            migration.confirm(STEP, "ops", "scoped apart");
            world.jobs.add(job("contoso.com", PASSWORD_HASH, "Paused"));
            VerifyResult verdict = migration.verify(STEP);

            assertThat(verdict.passed()).isFalse();
            assertThat(errors(verdict)).contains(PASSWORD_HASH).contains("plan " + STEP + " again");
        }
    }

    @Test
    void configurationOfAnotherDomain_doesNotStopConnect() {
        world.jobs.add(job("fabrikam.com", PROVISIONING, "Active"));
        try (Migration migration = open(true)) {
            VerifyResult verdict = migration.verify(STEP);

            assertThat(verdict.passed()).as(errors(verdict)).isTrue();
            assertThat(verdict.findings()).anySatisfy(f -> assertThat(f.message()).contains("fabrikam.com"));
        }
    }

    @Test
    void domainsUnknown_everyJobCounts() {
        world.jobs.add(job("fabrikam.com", PROVISIONING, "Paused"));
        try (Migration migration = open(false)) {
            VerifyResult verdict = migration.verify(STEP);

            assertThat(verdict.passed()).isFalse();
            assertThat(errors(verdict)).contains(PROVISIONING).contains("fabrikam.com");
            assertThat(verdict.findings()).anySatisfy(f -> assertThat(f.message()).contains("unknown"));
        }
    }

    @Test
    void noCloudSync_passes() {
        try (Migration migration = open(true)) {
            VerifyResult verdict = migration.verify(STEP);

            assertThat(verdict.passed()).as(errors(verdict)).isTrue();
            assertThat(migration.plan(STEP).instructions()).isEmpty();
        }
    }

    @Test
    void leaveStagingMode_failsWhileACloudSyncJobRunsForADomainConnectSyncs() {
        world.jobs.add(job("contoso.com", PROVISIONING, "Active"));
        world.jobs.add(job("fabrikam.com", PASSWORD_HASH.replace("9d3c", "7a1b"), "Active"));
        try (Migration migration = open(true)) {
            migration.plan("leave-staging-mode");
            migration.confirm("leave-staging-mode", "ops", "staging mode left");
            VerifyResult verdict = migration.verify("leave-staging-mode");

            assertThat(verdict.passed()).isFalse();
            assertThat(errors(verdict)).contains(PROVISIONING).contains("Active").contains("contoso.com")
                    .contains("in scope in only one").doesNotContain("7a1b");
        }
    }
}
