package dev.oktaentra.examples.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.StepInfo;
import dev.oktaentra.core.migration.StepStatus;
import dev.oktaentra.core.migration.Topology;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.graph.testing.ScriptedResponse;
import dev.oktaentra.okta.testing.FakeConnection;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole rehearsals of both runbooks, checked against the state they leave in the fakes. */
class RehearsalTest {

    @TempDir
    Path dir;

    private final StringWriter printed = new StringWriter();

    private Rehearsal rehearsal(Topology topology) {
        return Rehearsal.builder().topology(topology).reportDirectory(dir)
                .output(new PrintWriter(printed, true)).build();
    }

    @Test
    void connectServer_endsCleanWithEveryPlantedProblemFixed() throws Exception {
        Scenario scenario = Scenario.forUsers(Scenario.MIN_USERS, 5);
        try (EmbeddedEnvironment env = EmbeddedEnvironment.start(scenario)) {
            RehearsalResult result = rehearsal(Topology.CONNECT_SERVER).run(env);

            assertThat(result.passed()).as(printed.toString()).isTrue();
            assertThat(result.steps()).extracting(StepInfo::status).containsOnly(StepStatus.VERIFIED);
            assertThat(result.causes()).containsAllEntriesOf(env.seeded().causes().entrySet().stream()
                    .filter(e -> e.getKey() != MismatchCause.NONE)
                    .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey,
                            java.util.Map.Entry::getValue)));
            // Issue 16's plants: a stale mS-DS-ConsistencyGuid, a custom-rule pair, an eligible admin and a
            // cloud-managed user (the admin soft match is blocked until hard-match-soft-matches stamps it).
            assertThat(result.before().get(MatchOutcome.ANCHOR_MISMATCH)).isEqualTo(scenario.anchorMismatches() + 1);
            assertThat(result.causes()).containsEntry(MismatchCause.CONSISTENCY_GUID_DIFFERS, 1L);
            assertThat(result.before().get(MatchOutcome.CUSTOM_MATCH_ONLY)).isEqualTo(1);
            assertThat(result.before().get(MatchOutcome.HARD_MATCH_BLOCKED)).isEqualTo(2);
            assertThat(result.after().get(MatchOutcome.ANCHOR_MISMATCH)).isZero();
            assertThat(result.after().get(MatchOutcome.SOFT_MATCH_ONLY)).isZero();
            assertThat(result.after().get(MatchOutcome.CUSTOM_MATCH_ONLY)).isZero();
            // The two role holders have their roles back after the cutover (restore-role-holders), so a fresh
            // validation predicts their hard match blocked again; they are taken over already (synced, below).
            assertThat(result.after().get(MatchOutcome.HARD_MATCH_BLOCKED)).isEqualTo(2);
            // Cloud: the anchor mismatches, + 2 for the stale mS-DS-ConsistencyGuid's pair and the custom-rule pair,
            // the soft matches, + 4 for the opt-in (options.removeRoleHolders): release-role-holders removes the role
            // of the admin and the eligibility of the eligible admin, restore-role-holders assigns both again. The
            // staging analysis lists both as released by release-role-holders, not as unexpected adds.
            assertThat(result.writes()).isEqualTo(new RehearsalResult.Writes(
                    scenario.anchorMismatches() + 2 + scenario.softMatchOnly() + 4, scenario.mailMissingOnPrem(), 2,
                    2));
            SeededTenant.Planted2026 planted = env.seeded().planted2026();
            for (String holder : List.of(planted.eligibleAdmin().cloudId(), env.seeded().adminSoftMatchCloudId())) {
                assertThat(env.graph().heldRoles(holder)).as(holder).hasSize(1);
                assertThat(env.graph().user(holder).orElseThrow().onPremisesSyncEnabled()).as(holder).isTrue();
            }
            assertThat(printed.toString()).contains("left to release-role-holders: the role of")
                    .contains("release-role-holders removes it before the cutover")
                    .contains("release-role-holders     ").contains("restore-role-holders     ");
            assertThat(env.graph().user(planted.customRulePair().cloudId()).orElseThrow().immutableId()).isNotNull();
            assertThat(env.activeDirectory().entry(planted.lostAlias().distinguishedName())
                    .getAttributeValues("proxyAddresses")).contains(planted.lostAliasValue());

            for (SeededTenant.PlantedMismatch m : env.seeded().anchorMismatches()) {
                assertThat(env.graph().user(m.cloudId()).orElseThrow().immutableId().value()).isEqualTo(m.expected());
            }
            assertThat(env.graph().user(env.seeded().adminSoftMatchCloudId()).orElseThrow().immutableId())
                    .isNotNull();
            env.seeded().office365AppIds().forEach(id -> assertThat(env.okta().app(id).connection())
                    .isEqualTo(FakeConnection.DISABLED));
            assertThat(env.okta().app(env.seeded().otherAppId()).connection()).isEqualTo(FakeConnection.ENABLED);
            assertThat(env.graph().matchBlocks()).isEqualTo(MatchBlocks.CLOSED);
            // The federated domain, converted to managed by the played operator when remediate-anchors said so; the
            // eligible admin's eligibility, read from the fake Graph itself, removed for the matching window by
            // release-role-holders and made again by restore-role-holders (above).
            assertThat(env.graph().requests()).anySatisfy(r -> assertThat(r.path()).startsWith("/domains"));
            assertThat(env.graph().heldRoles(planted.eligibleAdmin().cloudId()))
                    .singleElement().asString().startsWith("eligible ");
            // The cloud sync configuration a trial left for the AD domain (paused, provisioning and password hash
            // jobs): check-cloud-sync-overlap stopped on it, and the played operator deleted both jobs through Graph,
            // as the portal does. These deletes are the operator's, not the library's: the writes above hold none.
            assertThat(env.graph().jobActions()).extracting(a -> a.jobId().substring(0, a.jobId().indexOf('.')) + " "
                    + a.action()).containsExactly("AD2AADProvisioning delete", "AD2AADPasswordHash delete");
            assertThat(env.cloud().tenantSync().cloudSyncJobs()).isEmpty();
            assertThat(result.steps()).extracting(StepInfo::stepId).containsSubsequence("install-connect-staging",
                    "check-cloud-sync-overlap", "leave-staging-mode");
            // Left behind by the new server: neither deleted nor taken over.
            for (String id : env.seeded().syncedOrphanIds()) {
                assertThat(env.graph().user(id)).hasValueSatisfying(u -> assertThat(u.isSynced()).isTrue());
            }
        }
        assertThat(printed.toString())
                .contains("FAILED, as expected before remediation")
                .contains("clears what blocks the hard match of")
                // The eligible admin's eligibility is left to release-role-holders (the opt-in), not the operator.
                .doesNotContain("the role eligibility removed")
                .contains("isCloudManaged set to false")
                .contains("federated domain            1  (contoso.com, federated to Okta")
                .contains("converts contoso.com from federation with Okta to managed authentication")
                .contains("planned again after the conversion: " + (scenario.anchorMismatches() + 2)
                        + " onPremisesImmutableId (CLOUD)")
                .contains("adds " + "smtp:")
                .contains("FAILED, as it must: 1 unexpected delete of group 'Project Falcon' (only users can be "
                        + "reviewed as leavers)")
                .contains(scenario.syncedOrphans() + " cloud users still marked synced that no on-prem user explains "
                        + "are left behind as disconnectors, not deleted")
                .contains("refused, as it must: Step disable-okta-provisioning: Okta app(s) [Microsoft Office 365 "
                        + "(EMEA)")
                .contains("acknowledges the plan; apply again")
                .contains("password hash job           1  (AD2AADPasswordHash beside AD2AADProvisioning, both "
                        + "paused, of a cloud sync configuration a trial left for contoso.com")
                .contains("check-cloud-sync-overlap  FAILED, as it must")
                .contains(": the cloud sync jobs AD2AADProvisioning (Paused), AD2AADPasswordHash (Paused) of "
                        + "contoso.com named")
                .contains("deletes the cloud sync configuration of contoso.com in the Entra admin center")
                .contains("check-cloud-sync-overlap  VERIFIED after the deletion")
                .contains("The rehearsal ended clean.");
        assertThat(Files.readString(dir.resolve(RehearsalReports.HTML)))
                .contains("The first export held a delete of the group &#39;Project Falcon&#39;")
                .contains("CUSTOM_MATCH_ONLY").contains("HARD_MATCH_BLOCKED").contains("CONSISTENCY_GUID_DIFFERS")
                .contains("ELIGIBLE_ADMIN_ROLE").contains("CLOUD_MANAGED").contains(".team@contoso.com")
                .contains(scenario.syncedOrphans() + " cloud users still marked synced have no on-prem object");
        assertThat(Files.readString(dir.resolve(Rehearsal.STAGING_EXPORT)))
                .contains(SyntheticStagingExport.MARKER.strip());
    }

    /**
     * A plan above Entra Connect's 500 writes, as a rehearsal of 25,050 users or more plants them, here concentrated
     * in a small tenant to keep the test fast: 505 soft matches, the step that stopped a rehearsal of 100,000 users.
     * (Anchor mismatches cannot be concentrated so: beyond 5% of the ImmutableIDs, detect-anchor rightly fails.) The
     * rehearsal's plans are its own, reviewed by construction, so it raises the limit for itself and says so.
     */
    @Test
    void connectServer_withPlansAboveTheDefaultWriteLimit_endsCleanAndSaysItRaisedTheLimit() {
        Scenario scenario = new Scenario(2_400, 8, 24, 505, 24, 12, 12, false);

        RehearsalResult result = Rehearsal.builder().scenario(scenario).reportDirectory(dir)
                .output(new PrintWriter(printed, true)).build().run();

        assertThat(result.passed()).as(printed.toString()).isTrue();
        assertThat(result.maxWritesPerStep()).isEqualTo(2_400).isGreaterThan(MigrationOptions.DEFAULT_MAX_WRITES);
        // + 4: the library removes and restores the two role holders' roles (connectServer above).
        assertThat(result.writes().cloud()).isEqualTo(scenario.anchorMismatches() + 2 + scenario.softMatchOnly() + 4);
        assertThat(printed.toString()).contains("hard-match-soft-matches   wrote 505 onPremisesImmutableId")
                .contains("write limit: 2,400 changes per step, raised from 500 for the rehearsal");
    }

    @Test
    void connectServer_withAnExplicitWriteLimit_stopsAtTheFirstPlanAboveIt() {
        Scenario scenario = Scenario.forUsers(Scenario.MIN_USERS, 9);

        RehearsalResult result = Rehearsal.builder().scenario(scenario).reportDirectory(dir)
                .output(new PrintWriter(printed, true)).maxWritesPerStep(5).build().run();

        assertThat(result.passed()).isFalse();
        // 3 soft matches fit under 5; 7 anchor mismatches, the stale mS-DS-ConsistencyGuid and the custom-rule pair
        // do not.
        assertThat(result.failure()).startsWith("remediate-anchors: Plan ")
                .contains("writes " + (scenario.anchorMismatches() + 2) + " changes; the limit is 5 per step");
        assertThat(printed.toString()).contains("write limit: 5 changes per step, as given");
    }

    @Test
    void cloudSync_endsCleanWithTheJobStarted() {
        try (EmbeddedEnvironment env = EmbeddedEnvironment.start(Scenario.forUsers(Scenario.MIN_USERS, 6)
                .withCloudSyncConfigured(true))) {
            RehearsalResult result = rehearsal(Topology.CLOUD_SYNC).run(env);

            assertThat(result.passed()).as(printed.toString()).isTrue();
            assertThat(result.runbook()).isEqualTo("cloud-sync");
            assertThat(result.steps()).extracting(StepInfo::stepId).contains("enable-cloud-sync")
                    .doesNotContain("analyse-staging-export", "leave-staging-mode");
            // Both jobs started (the planted password hash job too: enable-cloud-sync is verified only when it
            // runs), then the provisioning job restarted after the ImmutableID fixes, never with Full (it includes
            // ForceDeletes).
            assertThat(env.graph().jobActions()).extracting(a -> a.jobId().substring(0, a.jobId().indexOf('.')) + " "
                    + a.action()).containsExactly("AD2AADProvisioning start", "AD2AADPasswordHash start",
                            "AD2AADProvisioning restart");
            assertThat(env.graph().jobActions().get(2).resetScope()).doesNotContainIgnoringCase("Full")
                    .contains("Watermark");
            assertThat(env.cloud().tenantSync().cloudSyncJobs()).hasSize(2)
                    .allSatisfy(job -> assertThat(job.status()).isEqualTo("Active"));
        }
        assertThat(printed.toString()).contains("played: the agent's first cycle")
                .contains("password hash job           1  (AD2AADPasswordHash beside AD2AADProvisioning")
                // Before the jobs start, five predicted hard matches are provisioned on demand; each matched.
                .contains("enable-cloud-sync         wrote 5 provisionOnDemand (TENANT), 2 cloudSyncJob (TENANT)")
                .contains("provisioned on demand before the jobs start: ")
                .doesNotContain("created a new user instead of matching")
                .contains("converts contoso.com from federation with Okta to managed authentication")
                .contains("refused, as it must: Step disable-okta-provisioning");
        assertThat(dir.resolve(RehearsalReports.STATUS_JSON)).isNotEmptyFile();
        assertThat(dir.resolve(RehearsalReports.PENDING_JSON)).doesNotExist();
    }

    @Test
    void connectServer_stopsAndSaysWhyWhenAStepCannotBeVerified() {
        try (EmbeddedEnvironment env = EmbeddedEnvironment.start(Scenario.forUsers(Scenario.MIN_USERS, 7))) {
            // The app may read the tenant's guards but not change them.
            env.graph().respondNext("PATCH", "/directory/onPremisesSynchronization", ScriptedResponse.graphError(403,
                    "Authorization_RequestDenied", "Insufficient privileges to complete the operation."));

            RehearsalResult result = rehearsal(Topology.CONNECT_SERVER).run(env);

            assertThat(result.passed()).isFalse();
            assertThat(result.failure()).startsWith("open-matching-window: 1 of 1 changes were not written")
                    .contains("Insufficient privileges");
            assertThat(result.steps()).filteredOn(s -> s.stepId().equals("analyse-staging-export"))
                    .extracting(StepInfo::status).containsExactly(StepStatus.VERIFIED);
        }
        assertThat(printed.toString()).contains("open-matching-window      FAILED: ")
                .contains("Stopped: open-matching-window");
    }
}
