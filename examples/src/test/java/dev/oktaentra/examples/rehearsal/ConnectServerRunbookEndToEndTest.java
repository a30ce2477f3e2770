package dev.oktaentra.examples.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.migration.ApplyResult;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationException;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StalePlanException;
import dev.oktaentra.core.migration.StepInfo;
import dev.oktaentra.core.migration.StepStatus;
import dev.oktaentra.core.migration.TargetSystem;
import dev.oktaentra.core.migration.ThresholdExceededException;
import dev.oktaentra.core.migration.TopologyNeeds;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.core.progress.ProgressListener;
import dev.oktaentra.graph.testing.RecordedRequest;
import dev.oktaentra.okta.testing.FakeConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Connect-server runbook through the real adapters against the in-memory AD, the Graph stand-in and the Okta
 * stand-in: a dry run writes nothing anywhere, and each writing step writes exactly what its plan says.
 */
class ConnectServerRunbookEndToEndTest {

    @TempDir
    Path dir;

    private EmbeddedEnvironment env;

    @BeforeEach
    void start() {
        env = EmbeddedEnvironment.start(Scenario.forUsers(Scenario.MIN_USERS, 11));
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private Migration open(MigrationOptions options) {
        return Migration.builder().runbook(Runbooks.connectServer())
                .context(env.context(options, ProgressListener.NONE)).journal(dir.resolve("journal.jsonl")).open();
    }

    private MigrationOptions options() {
        return MigrationOptions.defaults().withAnchor(SourceAnchor.objectGuid())
                .withTopology(new TopologyNeeds(true, false, false, Scenario.MIN_USERS))
                .withStagingExport(dir.resolve("export.xml"));
    }

    @Test
    void dryRun_plansEveryStepAndWritesNothingAnywhere() {
        TenantState before = TenantState.of(env);
        try (Migration migration = open(options())) {
            for (StepInfo step : migration.info()) {
                migration.plan(step.stepId());
            }

            assertThat(migration.info()).extracting(StepInfo::status).containsOnly(StepStatus.PLANNED,
                    StepStatus.WAITING_FOR_OPERATOR);
            assertThat(migration.info()).filteredOn(i -> i.stepId().equals("remediate-anchors")).singleElement()
                    .extracting(StepInfo::planned).isEqualTo(env.seeded().anchorMismatches().size() + 1);
        }
        assertThat(TenantState.graphWrites(env)).isEmpty();
        assertThat(TenantState.oktaWrites(env)).isEmpty();
        assertThat(TenantState.of(env)).isEqualTo(before);
    }

    @Test
    void remediateAnchors_patchesExactlyThePlannedCloudUsersThroughGraph() {
        Map<String, SeededTenant.PlantedMismatch> planted = env.seeded().anchorMismatches().stream()
                .collect(Collectors.toMap(SeededTenant.PlantedMismatch::cloudId, m -> m));
        String stale = env.seeded().planted2026().staleConsistencyGuid().cloudId();
        Map<String, String> ldapBefore = TenantState.ldap(env);
        try (Migration migration = open(options())) {
            Plan plan = migration.plan("remediate-anchors");

            // The stale mS-DS-ConsistencyGuid: the cloud takes the GUID Connect will present.
            assertThat(plan.changes()).filteredOn(c -> c.target().equals(stale)).singleElement()
                    .satisfies(c -> assertThat(c.reason()).contains("CONSISTENCY_GUID_DIFFERS"));
            assertThat(plan.changes()).hasSize(planted.size() + 1).filteredOn(c -> !c.target().equals(stale))
                    .allSatisfy(c -> {
                SeededTenant.PlantedMismatch m = planted.get(c.target());
                assertThat(c.system()).isEqualTo(TargetSystem.CLOUD);
                assertThat(c.attribute()).isEqualTo("onPremisesImmutableId");
                assertThat(c.before()).isEqualTo(m.cloudValue());
                assertThat(c.after()).isEqualTo(m.expected());
                assertThat(c.reason()).contains(m.cause().name());
            });
            // The admin soft match, and the two hard matches Entra ID blocks (eligible, cloud-managed).
            assertThat(plan.instructions()).hasSize(3).anySatisfy(i -> assertThat(i).contains("admin role"))
                    .anySatisfy(i -> assertThat(i).contains("eligible (PIM)"))
                    .anySatisfy(i -> assertThat(i).contains("isCloudManaged"));
            env.graph().clearRequests();

            ApplyResult result = migration.apply(plan);

            assertThat(result.complete()).isTrue();
            assertThat(result.applied()).isEqualTo(planted.size() + 1);
            List<RecordedRequest> patches = TenantState.userPatches(env);
            assertThat(patches).allSatisfy(r -> assertThat(r.inBatch()).isTrue());
            assertThat(patches).extracting(r -> r.path().substring("/users/".length()))
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(planted.keySet().stream(),
                            java.util.stream.Stream.of(stale)).toList());
            for (Change change : plan.changes()) {
                assertThat(patches).filteredOn(r -> r.path().endsWith(change.target())).singleElement()
                        .extracting(RecordedRequest::body).asString().contains(change.after());
                assertThat(env.graph().user(change.target())).get().extracting(u -> u.immutableId().value())
                        .isEqualTo(change.after());
            }
            assertThat(migration.verify("remediate-anchors").passed()).isTrue();
        }
        assertThat(TenantState.ldap(env)).isEqualTo(ldapBefore);
        assertThat(TenantState.oktaWrites(env)).isEmpty();
    }

    @Test
    void backfillAttributes_writesTheMissingMailsOnPremAndNothingElse() {
        Map<String, String> before = TenantState.ldap(env);
        List<CloudUser> cloudBefore = env.graph().users();
        try (Migration migration = open(options())) {
            Plan plan = migration.plan("backfill-attributes");

            assertThat(plan.changes()).extracting(Change::target)
                    .containsExactlyInAnyOrderElementsOf(env.seeded().mailMissingOnPrem().keySet());
            assertThat(migration.apply(plan).complete()).isTrue();
            assertThat(migration.verify("backfill-attributes").passed()).isTrue();
        }
        Map<String, String> expected = new TreeMap<>(before);
        env.seeded().mailMissingOnPrem().forEach((dn, mail) -> expected.put(dn, mail + "|null"));
        assertThat(TenantState.ldap(env)).isEqualTo(expected);
        assertThat(env.graph().users()).isEqualTo(cloudBefore);
    }

    @Test
    void disableOktaProvisioning_switchesOffBothOfficeAppsAndLeavesTheOtherAppAlone() {
        try (Migration migration = open(options())) {
            Plan plan = migration.plan("disable-okta-provisioning");

            assertThat(plan.changes()).extracting(Change::target)
                    .containsExactlyElementsOf(env.seeded().office365AppIds());
            String emea = env.seeded().office365AppIds().get(1);
            assertThat(plan.instructions()).anySatisfy(i -> assertThat(i).contains("(" + emea + ") deprovisions"));
            assertThatThrownBy(() -> migration.apply(plan)).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("confirm disable-okta-provisioning");
            assertThat(TenantState.oktaWrites(env)).isEmpty();
            migration.confirm("disable-okta-provisioning", "ops", "read the deprovisioning note of the EMEA app");
            assertThat(migration.apply(plan).applied()).isEqualTo(2);
            assertThat(migration.verify("disable-okta-provisioning").passed()).isTrue();
        }
        env.seeded().office365AppIds().forEach(id -> assertThat(env.okta().app(id).connection())
                .isEqualTo(FakeConnection.DISABLED));
        assertThat(env.okta().app(env.seeded().otherAppId()).connection()).isEqualTo(FakeConnection.ENABLED);
        assertThat(TenantState.oktaWrites(env)).hasSize(2).allSatisfy(r -> assertThat(r.path())
                .endsWith("/connections/default/lifecycle/deactivate")
                .doesNotContain(env.seeded().otherAppId()));
    }

    @Test
    void apply_refusesAPlanTheDirectoryMovedAwayFromAndWritesNothing() {
        SeededTenant.PlantedMismatch victim = env.seeded().anchorMismatches().get(0);
        try (Migration migration = open(options())) {
            Plan plan = migration.plan("remediate-anchors");
            // Someone else fixes one user by hand, differently, after the plan was reviewed.
            String other = dev.oktaentra.core.anchor.ObjectGuid.parse("8c4ac332-975f-4717-ad7b-ba4a4e968fff")
                    .toImmutableId().value();
            assertThat(env.cloud().writer().write(List.of(new AttributeWrite(victim.cloudId(),
                    "onPremisesImmutableId", AttributeValue.ofString(victim.cloudValue()),
                    AttributeValue.ofString(other)))).get(0).status()).isEqualTo(WriteStatus.APPLIED);
            env.graph().clearRequests();

            assertThatThrownBy(() -> migration.apply(plan)).isInstanceOf(StalePlanException.class)
                    .hasMessageContaining(victim.cloudId());
            assertThat(TenantState.graphWrites(env)).isEmpty();
        }
    }

    @Test
    void apply_refusesAPlanAboveTheChangeThreshold() {
        int limit = env.seeded().anchorMismatches().size() - 1;
        try (Migration migration = open(options().withMaxWritesPerStep(limit))) {
            Plan plan = migration.plan("remediate-anchors");

            assertThatThrownBy(() -> migration.apply(plan)).isInstanceOf(ThresholdExceededException.class)
                    .hasMessageContaining("limit is " + limit);
        }
        assertThat(TenantState.graphWrites(env)).isEmpty();
    }
}
