package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.directory.ConflictException;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.core.tenant.ProvisioningEvent;
import dev.oktaentra.core.tenant.ProvisioningFailure;
import dev.oktaentra.core.tenant.ProvisioningLogSummary;
import dev.oktaentra.core.tenant.SyncFeatures;
import dev.oktaentra.core.tenant.TenantSyncState;
import dev.oktaentra.graph.testing.JobAction;
import dev.oktaentra.graph.testing.LostAnswer;
import dev.oktaentra.graph.testing.RecordedRequest;
import dev.oktaentra.graph.testing.ScriptedResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GraphTenantSyncTest {

    private static final Instant T0 = Instant.parse("2025-05-01T00:00:00Z");

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    private GraphDirectory entra;
    private GraphTenantSync tenant;

    @BeforeEach
    void connect() {
        entra = Fixtures.connect(graph.server());
        tenant = entra.tenantSync();
    }

    @AfterEach
    void disconnect() {
        entra.close();
    }

    private List<RecordedRequest> patches() {
        return graph.server().requests().stream().filter(r -> r.method().equals("PATCH")).collect(Collectors.toList());
    }

    @Test
    void state_readsOrganizationAndMatchingGuards() {
        graph.server().setOrganization(true, Instant.parse("2025-04-30T22:10:00Z"))
                .setMatchBlocks(new MatchBlocks(true, false));

        TenantSyncState state = tenant.state();

        assertThat(state.onPremisesSyncEnabled()).isTrue();
        assertThat(state.onPremisesLastSyncDateTime()).isEqualTo(Instant.parse("2025-04-30T22:10:00Z"));
        assertThat(state.matchBlocks()).isEqualTo(new MatchBlocks(true, false));
        assertThat(graph.server().requests().get(0).query())
                .contains("$select=id,onPremisesSyncEnabled,onPremisesLastSyncDateTime");
    }

    @Test
    void features_readsTheFourFlagsEntraIdMatchesBy() {
        // Not Microsoft's defaults (false, false, true, false): a reader that ignored a flag would give the default.
        SyncFeatures set = new SyncFeatures(true, true, false, true);
        graph.server().setSyncFeatures(set);

        assertThat(tenant.features()).isEqualTo(set);
        assertThat(tenant.state().features()).isEqualTo(set);
        assertThat(graph.server().requests()).extracting(RecordedRequest::path)
                .contains("/directory/onPremisesSynchronization");
    }

    @Test
    void features_ofANewTenantAreMicrosoftsDefaults() {
        assertThat(tenant.features()).isEqualTo(SyncFeatures.DEFAULTS);
    }

    @Test
    void features_withoutAMatchingGuardIsAnErrorNamingIt() {
        graph.server().respondNext("GET", "/directory/onPremisesSynchronization", ScriptedResponse.raw(200,
                "application/json", "{\"value\":[{\"id\":\"" + graph.server().tenantId() + "\",\"features\":{"
                        + "\"blockCloudObjectTakeoverThroughHardMatchEnabled\":false,"
                        + "\"softMatchOnUpnEnabled\":true}}]}"));

        assertThatThrownBy(() -> tenant.features()).isInstanceOf(GraphException.class)
                .hasMessageContaining("blockSoftMatchEnabled").hasMessageContaining("unknown");
    }

    @Test
    void features_withoutTheObjectIdentifierAllowanceReadItAsOffItsDefault() {
        // The property joined v1.0 in July 2026; a Graph that does not send it yet has it off ("disabled by default").
        graph.server().respondNext("GET", "/directory/onPremisesSynchronization", ScriptedResponse.raw(200,
                "application/json", "{\"value\":[{\"id\":\"" + graph.server().tenantId() + "\",\"features\":{"
                        + "\"blockSoftMatchEnabled\":false,"
                        + "\"blockCloudObjectTakeoverThroughHardMatchEnabled\":true,"
                        + "\"softMatchOnUpnEnabled\":true}}]}"));

        assertThat(tenant.features()).isEqualTo(new SyncFeatures(false, true, true, false));
    }

    @Test
    void state_keepsNeverSyncedAsNull() {
        TenantSyncState state = tenant.state();

        assertThat(state.onPremisesSyncEnabled()).isNull();
        assertThat(state.onPremisesLastSyncDateTime()).isNull();
        assertThat(state.matchBlocks()).isEqualTo(MatchBlocks.OPEN);
    }

    @Test
    void setMatchBlocks_opensTheGuardsAndKeepsEveryOtherFeature() {
        graph.server().setMatchBlocks(MatchBlocks.CLOSED);

        MatchBlocks after = tenant.setMatchBlocks(MatchBlocks.CLOSED, MatchBlocks.OPEN);

        assertThat(after).isEqualTo(MatchBlocks.OPEN);
        assertThat(graph.server().matchBlocks()).isEqualTo(MatchBlocks.OPEN);
        assertThat(patches()).hasSize(1);
        RecordedRequest patch = patches().get(0);
        assertThat(patch.path()).isEqualTo("/directory/onPremisesSynchronization/" + graph.server().tenantId());
        assertThat(patch.body()).contains("\"blockSoftMatchEnabled\":false")
                .contains("\"blockCloudObjectTakeoverThroughHardMatchEnabled\":false")
                .contains("\"passwordSyncEnabled\":false").contains("\"userWritebackEnabled\":false");
    }

    @Test
    void setMatchBlocks_refusesWhenTheGuardsChangedSincePlanning() {
        graph.server().setMatchBlocks(new MatchBlocks(false, true));

        assertThatThrownBy(() -> tenant.setMatchBlocks(MatchBlocks.CLOSED, MatchBlocks.OPEN))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("MatchBlocks[blockSoftMatchEnabled=false, "
                        + "blockCloudObjectTakeoverThroughHardMatchEnabled=true]")
                .hasMessageContaining("nothing was written");
        assertThat(patches()).isEmpty();
        assertThat(graph.server().matchBlocks()).isEqualTo(new MatchBlocks(false, true));
    }

    @Test
    void setMatchBlocks_writesNothingWhenAlreadyAsWanted() {
        assertThat(tenant.setMatchBlocks(MatchBlocks.OPEN, MatchBlocks.OPEN)).isEqualTo(MatchBlocks.OPEN);
        assertThat(patches()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = LostAnswer.class, names = {"CONNECTION_RESET", "SERVICE_UNAVAILABLE", "GATEWAY_TIMEOUT"})
    void setMatchBlocks_whoseAnswerIsLostAfterGraphWroteIt_readsBackAndReturnsTheGuards(LostAnswer how) {
        graph.server().setMatchBlocks(MatchBlocks.CLOSED);
        graph.server().loseAnswers("PATCH", "/directory/onPremisesSynchronization/", how, 10);
        try (GraphDirectory noRetries = Fixtures.connect(graph.server(), Fixtures.options(graph.server(),
                new ArrayList<>()).retry(Fixtures.retry(new ArrayList<>(), 0)).build())) {

            MatchBlocks after = noRetries.tenantSync().setMatchBlocks(MatchBlocks.CLOSED, MatchBlocks.OPEN);

            assertThat(after).isEqualTo(MatchBlocks.OPEN);
            assertThat(graph.server().matchBlocks()).isEqualTo(MatchBlocks.OPEN);
        }
    }

    @Test
    void setMatchBlocks_answered503WithoutWriting_failsAfterReadingBack() {
        graph.server().setMatchBlocks(MatchBlocks.CLOSED);
        graph.server().respondNext("PATCH", "/directory/onPremisesSynchronization/", ScriptedResponse.graphError(503,
                "serviceNotAvailable", "The service is temporarily unavailable."));
        try (GraphDirectory noRetries = Fixtures.connect(graph.server(), Fixtures.options(graph.server(),
                new ArrayList<>()).retry(Fixtures.retry(new ArrayList<>(), 0)).build())) {

            assertThatThrownBy(() -> noRetries.tenantSync().setMatchBlocks(MatchBlocks.CLOSED, MatchBlocks.OPEN))
                    .isInstanceOf(GraphException.class).hasMessageContaining("HTTP 503");
            assertThat(graph.server().matchBlocks()).isEqualTo(MatchBlocks.CLOSED);
        }
    }

    @Test
    void setMatchBlocks_canBeUndone() {
        graph.server().setMatchBlocks(MatchBlocks.CLOSED);
        tenant.setMatchBlocks(MatchBlocks.CLOSED, MatchBlocks.OPEN);

        assertThat(tenant.setMatchBlocks(MatchBlocks.OPEN, MatchBlocks.CLOSED)).isEqualTo(MatchBlocks.CLOSED);
        assertThat(graph.server().matchBlocks()).isEqualTo(MatchBlocks.CLOSED);
    }

    @Test
    void cloudSyncJobs_findsTheProvisioningAndPasswordHashJobsOfEveryDomain() {
        CloudSyncJob contoso = new CloudSyncJob("sp-1", "contoso.com", "AD2AADProvisioning.fc96887f36da47508c935c28a0c0b6da",
                "AD2AADProvisioning", "Active", "Active", "Succeeded", T0);
        CloudSyncJob fabrikam = new CloudSyncJob("sp-2", "fabrikam.com", "AD2AADProvisioning.0b6d",
                "ADDCInPassthrough", "Paused", "Paused", null, null);
        CloudSyncJob contosoHashes = new CloudSyncJob("sp-1", "contoso.com", "AD2AADPasswordHash.fc96",
                "AD2AADPasswordHash", "Paused", "Paused", null, null);
        graph.server().addSynchronizationJob(contoso).addSynchronizationJob(fabrikam)
                .addSynchronizationJob(contosoHashes)
                .addServicePrincipal("sp-9", "Some SaaS app", "8adf8e6e-67b2-4cf2-a259-e3dc5476c621")
                .addSynchronizationJob(new CloudSyncJob("sp-9", "Some SaaS app", "scim.1", "scim", "Active", "Active",
                        null, null));

        List<CloudSyncJob> jobs = tenant.cloudSyncJobs();

        // how-to-inbound-synch-ms-graph: AD2AADProvisioning and AD2AADPasswordHash, "2 calls if you want to create both"
        assertThat(jobs).containsExactly(contoso, contosoHashes, fabrikam);
        assertThat(jobs).extracting(CloudSyncJob::isPasswordHashSync).containsExactly(false, true, false);
        RecordedRequest spQuery = graph.server().requests().get(0);
        assertThat(spQuery.query()).contains("$filter=applicationTemplateId eq '1a4721b3-e57f-4451-ae87-ef078703ec94'");
    }

    @Test
    void cloudSyncJobs_isEmptyWithoutCloudSync() {
        assertThat(tenant.cloudSyncJobs()).isEmpty();
    }

    @Test
    void startAndRestart_postToTheJobWithTheResetScope() {
        CloudSyncJob job = new CloudSyncJob("sp-1", "contoso.com", "AD2AADProvisioning.abc", "AD2AADProvisioning",
                "Paused", "Paused", null, null);
        graph.server().addSynchronizationJob(job);

        tenant.start(job);
        tenant.restart(job, new LinkedHashSet<>(List.of("full", "QuarantineState")));
        tenant.restart(job, Set.of());

        List<JobAction> actions = graph.server().jobActions();
        assertThat(actions).extracting(JobAction::action).containsExactly("start", "restart", "restart");
        assertThat(actions.get(1).resetScope()).contains("Full").contains("QuarantineState");
        assertThat(actions.get(2).resetScope()).isNull();
        assertThat(tenant.cloudSyncJobs().get(0).status()).isEqualTo("Active");
    }

    /** The fake accepts Full as Graph does; the library's restart never sends it (Full includes ForceDeletes). */
    @Test
    void restart_asTheRunbookPlansIt_sendsWatermarkEscrowsQuarantineState_neverFull() {
        CloudSyncJob job = new CloudSyncJob("sp-1", "contoso.com", "AD2AADProvisioning.abc", "AD2AADProvisioning",
                "Active", "Active", null, null);
        graph.server().addSynchronizationJob(job);

        tenant.restart(job, dev.oktaentra.core.migration.CloudSyncJobRun.RESET_SCOPE);

        String scope = graph.server().jobActions().get(0).resetScope();
        assertThat(scope.split(",")).extracting(String::strip)
                .containsExactlyInAnyOrder("Watermark", "Escrows", "QuarantineState");
        assertThat(scope).doesNotContainIgnoringCase("Full").doesNotContainIgnoringCase("ForceDeletes");
    }

    @Test
    void restart_rejectsAnUnknownScopeNamingIt() {
        CloudSyncJob job = new CloudSyncJob("sp-1", "contoso.com", "AD2AADProvisioning.abc", "AD2AADProvisioning",
                "Active", "Active", null, null);

        assertThatThrownBy(() -> tenant.restart(job, Set.of("Everything")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Everything'").hasMessageContaining("Watermark");
        assertThat(graph.server().requests()).isEmpty();
    }

    @Test
    void provisioningEvents_streamsTheWindowPageByPage() {
        List<ProvisioningEvent> events = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            events.add(event("e" + i, T0.plusSeconds(60L * i), i % 2 == 0 ? "AD2AADProvisioning.a" : "AD2AADProvisioning.b",
                    "success", null, null));
        }
        graph.server().addProvisioningEvents(events);

        List<ProvisioningEvent> window;
        try (Stream<ProvisioningEvent> s = tenant.provisioningEvents(T0.plusSeconds(60L * 100),
                T0.plusSeconds(60L * 1100), "AD2AADProvisioning.a")) {
            window = s.collect(Collectors.toList());
        }

        assertThat(window).hasSize(500).allSatisfy(e -> {
            assertThat(e.jobId()).isEqualTo("AD2AADProvisioning.a");
            assertThat(e.activityDateTime()).isBetween(T0.plusSeconds(6000), T0.plusSeconds(66_000));
        });
        assertThat(graph.server().requests().stream().filter(r -> r.path().equals("/auditLogs/provisioning")))
                .hasSize(1);
        assertThat(graph.server().requests().get(0).query()).contains("activityDateTime ge 2025-05-01T01:40:00Z and "
                + "activityDateTime lt 2025-05-01T18:20:00Z and jobId eq 'AD2AADProvisioning.a'");

        try (Stream<ProvisioningEvent> all = tenant.provisioningEvents(T0, T0.plusSeconds(86_400), null)) {
            assertThat(all.count()).isEqualTo(1200);
        }
        assertThat(graph.server().requests().stream().filter(r -> r.path().equals("/auditLogs/provisioning")))
                .hasSize(4);
    }

    @Test
    void provisioningEvents_mapsEveryField() {
        ProvisioningEvent failure = event("f1", T0, "AD2AADProvisioning.a", "failure", "AzureActiveDirectoryConflict",
                "Another object with the same value for property proxyAddresses already exists.");
        graph.server().addProvisioningEvents(List.of(failure));

        try (Stream<ProvisioningEvent> s = tenant.provisioningEvents(T0, T0.plusSeconds(1), null)) {
            assertThat(s.collect(Collectors.toList())).containsExactly(failure);
        }
    }

    @Test
    void provisioningEvents_rejectsAnEmptyWindow() {
        assertThatThrownBy(() -> tenant.provisioningEvents(T0, T0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end after it starts");
    }

    @Test
    void provisioningSummary_readsTheLogsErrorCodesAndClassifiesThemWithCoresClassifier() {
        graph.server().addProvisioningEvents(List.of(
                event("1", T0, "j", "success", null, null),
                event("2", T0.plusSeconds(1), "j", "failure", "AttributeValueMustBeUnique", "duplicate proxy"),
                event("3", T0.plusSeconds(2), "j", "failure", "AttributeValueMustBeUnique", "duplicate upn"),
                event("4", T0.plusSeconds(3), "j", "failure", "InvalidHardMatch", "hard match blocked"),
                event("5", T0.plusSeconds(4), "j", "failure", "HybridIdentityServiceNoActiveAgents",
                        "We can't find an active agent"),
                event("6", T0.plusSeconds(5), "j", "skipped", "EntrySynchronizationSkipped", "out of scope")));

        ProvisioningLogSummary summary = tenant.provisioningSummary(T0, T0.plusSeconds(60), null);

        assertThat(summary.total()).isEqualTo(6);
        assertThat(summary.failures()).isEqualTo(4);
        assertThat(summary.byStatus()).containsEntry("success", 1L).containsEntry("skipped", 1L);
        assertThat(summary.failuresByErrorCode().keySet()).first().isEqualTo("AttributeValueMustBeUnique");
        assertThat(summary.failuresByErrorCode()).containsEntry("AttributeValueMustBeUnique", 2L);
        assertThat(summary.failures(ProvisioningFailure.AGENT_OR_SERVICE)).isEqualTo(1);
        assertThat(summary.blockingCount()).isEqualTo(3);
        assertThat(summary.blockingFailures()).extracting(ProvisioningEvent::id)
                .containsExactlyInAnyOrder("2", "3", "4");
    }

    private static ProvisioningEvent event(String id, Instant at, String jobId, String status, String code,
            String reason) {
        return new ProvisioningEvent(id, at, jobId, "update", status, code, reason, "src-" + id, "Src " + id,
                "tgt-" + id, "Tgt " + id);
    }
}
