package dev.oktaentra.examples.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.migration.ApplyResult;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.TargetSystem;
import dev.oktaentra.core.migration.TopologyNeeds;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.core.progress.ProgressListener;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.examples.steps.HardMatchSoftMatchesStep;
import dev.oktaentra.okta.testing.FakeConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applying steps and rolling them back through the real adapters: every before-value the servers can take back
 * is restored in the fakes; what Graph refuses is reported, not hidden.
 */
class RollbackEndToEndTest {

    @TempDir
    Path dir;

    private EmbeddedEnvironment env;

    @BeforeEach
    void start() {
        env = EmbeddedEnvironment.start(Scenario.forUsers(Scenario.MIN_USERS, 31));
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private Migration open(MigrationOptions options) {
        return Migration.builder().runbook(HardMatchSoftMatchesStep.insertInto(Runbooks.connectServer()))
                .context(env.context(options.withTopology(new TopologyNeeds(true, false, false, 300)),
                        ProgressListener.NONE))
                .journal(dir.resolve("journal.jsonl")).open();
    }

    @Test
    void rollback_restoresTheOktaAppsTheMailsAndTheGuards() {
        TenantState before = TenantState.of(env);
        try (Migration migration = open(MigrationOptions.defaults().withAnchor(SourceAnchor.objectGuid()))) {
            for (String step : List.of("backfill-attributes", "disable-okta-provisioning", "open-matching-window")) {
                Plan plan = migration.plan(step);
                if (step.equals("disable-okta-provisioning")) {
                    migration.confirm(step, "ops", "read the deprovisioning note of the EMEA app");
                }
                assertThat(migration.apply(plan).complete()).as(step).isTrue();
            }
            assertThat(env.graph().matchBlocks()).isEqualTo(MatchBlocks.OPEN);
            assertThat(env.okta().app(env.seeded().office365AppIds().get(0)).connection())
                    .isEqualTo(FakeConnection.DISABLED);

            for (String step : List.of("open-matching-window", "disable-okta-provisioning", "backfill-attributes")) {
                Plan undo = migration.rollback(step);
                assertThat(undo.rollback()).isTrue();
                assertThat(undo.instructions()).isEmpty();
                assertThat(migration.apply(undo).complete()).as(step).isTrue();
            }
        }
        assertThat(TenantState.of(env)).isEqualTo(before);
        assertThat(TenantState.oktaWrites(env)).hasSize(4);
    }

    @Test
    void rollback_restoresEveryCloudImmutableIdGraphAcceptsAndReportsTheOthers() {
        List<SeededTenant.PlantedMismatch> planted = env.seeded().anchorMismatches();
        try (Migration migration = open(MigrationOptions.defaults().withAnchor(SourceAnchor.objectGuid()))) {
            assertThat(migration.apply(migration.plan("remediate-anchors")).complete()).isTrue();
            planted.forEach(m -> assertThat(value(m.cloudId())).isEqualTo(m.expected()));

            Plan undo = migration.rollback("remediate-anchors");
            // The stale mS-DS-ConsistencyGuid's fix is undone too.
            assertThat(undo.changes()).hasSize(planted.size() + 1).allSatisfy(c -> assertThat(c.reason())
                    .startsWith("rollback of remediate-anchors"));
            ApplyResult result = migration.apply(undo);

            Map<String, String> refused = result.failures().stream().collect(java.util.stream.Collectors.toMap(
                    f -> f.change().target(), ApplyResult.Failure::status));
            for (SeededTenant.PlantedMismatch m : planted) {
                if (m.cloudValue().indexOf('_') >= 0) {
                    // Graph does not take '_' in onPremisesImmutableId: the writer refuses before sending.
                    assertThat(refused).containsEntry(m.cloudId(), "REFUSED");
                    assertThat(value(m.cloudId())).isEqualTo(m.expected());
                } else if (m.cause() == MismatchCause.SURROUNDING_WHITESPACE) {
                    // Graph answers 400 to whitespace: the change fails with Graph's words.
                    assertThat(refused).containsEntry(m.cloudId(), "FAILED");
                    assertThat(value(m.cloudId())).isEqualTo(m.expected());
                } else {
                    assertThat(refused).doesNotContainKey(m.cloudId());
                    assertThat(value(m.cloudId())).isEqualTo(m.cloudValue());
                }
            }
            assertThat(refused).isNotEmpty();
        }
    }

    @Test
    void rollback_ofAHardMatch_isAnInstructionBecauseGraphCannotClearAnImmutableId() {
        try (Migration migration = open(MigrationOptions.defaults().withAnchor(SourceAnchor.objectGuid()))) {
            assertThat(migration.apply(migration.plan(HardMatchSoftMatchesStep.ID)).complete()).isTrue();
            env.graph().clearRequests();

            Plan undo = migration.rollback(HardMatchSoftMatchesStep.ID);

            assertThat(undo.changes()).isEmpty();
            assertThat(undo.instructions()).hasSize(env.seeded().softMatchCloudIds().size())
                    .allSatisfy(i -> assertThat(i).startsWith("Clear onPremisesImmutableId of cloud user"));
            assertThat(TenantState.graphWrites(env)).isEmpty();
        }
    }

    @Test
    void remediation_ofASyncedUser_writesItsConsistencyGuidOnPremAndRollsItBack() {
        // A user synced earlier from another forest: the cloud holds that forest's objectGUID as its anchor.
        OnPremUser user = env.activeDirectory().addUser(env.activeDirectory().newUser("Staff", "moved.user").build());
        ObjectGuid oldForest = ObjectGuid.parse("56d352bc-dd5a-4480-bc39-cc297ef49faf");
        env.graph().addUser(CloudUser.builder().id("0f9e8d7c-6b5a-4c3d-8e1f-203040506070")
                .userPrincipalName(user.userPrincipalName()).mail(user.mail()).proxyAddresses(user.proxyAddresses())
                .immutableId(oldForest.toImmutableId()).onPremisesSyncEnabled(true).build());
        String dn = env.activeDirectory().entry(user.distinguishedName()).getDN();
        try (Migration migration = open(MigrationOptions.defaults().withAnchor(SourceAnchor.consistencyGuid()))) {
            Plan plan = migration.plan("remediate-anchors");
            Change onPrem = plan.changes().stream().filter(c -> c.system() == TargetSystem.ON_PREM).findFirst()
                    .orElseThrow();
            assertThat(onPrem.attribute()).isEqualTo("mS-DS-ConsistencyGuid");
            assertThat(onPrem.before()).isNull();
            assertThat(onPrem.after()).isEqualTo(oldForest.toString());

            assertThat(migration.apply(plan).complete()).isTrue();
            assertThat(TenantState.ldap(env).get(dn)).isEqualTo(user.mail() + "|" + oldForest);
            assertThat(migration.verify("remediate-anchors").passed()).isTrue();

            Plan undo = migration.rollback("remediate-anchors");
            assertThat(migration.apply(undo).failures()).noneMatch(f -> f.change().system() == TargetSystem.ON_PREM);
            assertThat(TenantState.ldap(env).get(dn)).isEqualTo(user.mail() + "|null");
        }
    }

    private String value(String cloudId) {
        return env.graph().user(cloudId).orElseThrow().immutableId().value();
    }
}
