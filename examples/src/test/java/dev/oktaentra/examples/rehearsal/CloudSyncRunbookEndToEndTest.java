package dev.oktaentra.examples.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepInfo;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.StepStatus;
import dev.oktaentra.core.migration.TopologyNeeds;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.core.progress.ProgressListener;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.graph.testing.JobAction;
import dev.oktaentra.okta.testing.FakeConnection;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud-sync runbook, every step, through the real adapters: the anchors are fixed in Entra ID, the mails
 * back-filled in AD, Okta switched off, the cloud sync job started and the cutover verified.
 */
class CloudSyncRunbookEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void everyStep_appliedAndVerified_leavesTheTenantReadyForCloudSync() {
        try (EmbeddedEnvironment env = EmbeddedEnvironment.start(Scenario.forUsers(Scenario.MIN_USERS, 23)
                .withCloudSyncConfigured(true))) {
            MigrationOptions options = MigrationOptions.defaults().withAnchor(SourceAnchor.objectGuid())
                    .withRemoveRoleHolders(true)
                    .withTopology(new TopologyNeeds(false, false, false, Scenario.MIN_USERS));
            int cloudUsersBefore = env.graph().users().size();
            try (Migration migration = Migration.builder().runbook(Runbooks.cloudSync())
                    .context(env.context(options, ProgressListener.NONE)).journal(dir.resolve("journal.jsonl"))
                    .open()) {
                assertThat(migration.verify("validate-anchors").passed()).isFalse();
                for (MigrationStep step : migration.runbook().steps()) {
                    if (step.kind() == StepKind.AUTOMATED) {
                        Plan plan = migration.plan(step.id());
                        if (step.id().equals("disable-okta-provisioning")) {
                            // The EMEA app deprovisions on unassignment: apply waits for the acknowledgement.
                            migration.confirm(step.id(), "ops", "read the deprovisioning note");
                        }
                        assertThat(migration.apply(plan).complete()).as(step.id()).isTrue();
                    }
                    if (step.id().equals("enable-cloud-sync")) {
                        new CloudSyncAgentStandIn(env).firstCycle(env.cloud().tenantSync().cloudSyncJobs(),
                                Instant.now());
                    }
                    VerifyResult verdict = migration.verify(step.id());
                    assertThat(verdict.passed()).as("%s: %s", step.id(), verdict.findings())
                            .isEqualTo(!step.id().equals("validate-anchors"));
                    if (step.id().equals("backfill-attributes")) {
                        assertThat(migration.verify("validate-anchors").passed()).isTrue();
                    }
                }

                assertThat(migration.info()).extracting(StepInfo::status).containsOnly(StepStatus.VERIFIED);
            }
            for (SeededTenant.PlantedMismatch m : env.seeded().anchorMismatches()) {
                assertThat(env.graph().user(m.cloudId()).orElseThrow().immutableId().value()).isEqualTo(m.expected());
            }
            env.seeded().mailMissingOnPrem().forEach((dn, mail) -> assertThat(TenantState.ldap(env).get(dn))
                    .isEqualTo(mail + "|null"));
            env.seeded().office365AppIds().forEach(id -> assertThat(env.okta().app(id).connection())
                    .isEqualTo(FakeConnection.DISABLED));
            assertThat(env.okta().app(env.seeded().otherAppId()).connection()).isEqualTo(FakeConnection.ENABLED);
            // The seeded configuration has password hash sync too: both jobs started, then the provisioning job
            // restarted after the ImmutableID fixes (the password hash job is not restarted).
            assertThat(env.graph().jobActions()).extracting(a -> a.jobId().substring(0, a.jobId().indexOf('.')) + " "
                    + a.action()).containsExactly("AD2AADProvisioning start", "AD2AADPasswordHash start",
                            "AD2AADProvisioning restart");
            // Before the jobs started, enable-cloud-sync provisioned five predicted hard matches on demand, within
            // the API's rate limit (no 429), and each matched the cloud user Okta made (no user created).
            List<String> syncCalls = env.graph().requests().stream()
                    .filter(r -> r.path().endsWith("/provisionOnDemand") || r.path().endsWith("/start"))
                    .map(r -> r.path().substring(r.path().lastIndexOf('/') + 1) + " " + r.status()).toList();
            assertThat(syncCalls).containsExactly("provisionOnDemand 200", "provisionOnDemand 200",
                    "provisionOnDemand 200", "provisionOnDemand 200", "provisionOnDemand 200", "start 204",
                    "start 204");
            assertThat(env.graph().users()).hasSize(cloudUsersBefore);
            assertThat(env.graph().matchBlocks()).isEqualTo(MatchBlocks.CLOSED);
            List<String> guardWrites = TenantState.graphWrites(env).stream()
                    .filter(r -> r.path().startsWith("/directory/onPremisesSynchronization")).map(r -> r.method())
                    .toList();
            assertThat(guardWrites).hasSize(2);
        }
    }
}
