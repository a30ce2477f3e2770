package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.OnDemandOutcome;
import dev.oktaentra.core.tenant.OnDemandProvisioning;
import dev.oktaentra.graph.testing.RecordedRequest;
import dev.oktaentra.graph.testing.ScriptedResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On-demand provisioning through a cloud sync job against the fake Graph, which plays the service: the rule read
 * from the job's schema, the answer's key and value parsed again, a match told from a create, the rate limit kept.
 */
class GraphOnDemandTest {

    private static final CloudSyncJob JOB = new CloudSyncJob("sp-od", "contoso.com", "AD2AADProvisioning.od1",
            "AD2AADProvisioning", "Paused", "Disabled", null, null);
    private static final String PATH = "/servicePrincipals/sp-od/synchronization/jobs/AD2AADProvisioning.od1/";

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    private GraphDirectory entra;
    private final Map<String, OnPremUser> ad = new HashMap<>();

    @BeforeEach
    void connect() {
        graph.server().addSynchronizationJob(JOB).agentView(dn -> Optional.ofNullable(ad.get(dn)));
        entra = Fixtures.connect(graph.server());
    }

    @AfterEach
    void disconnect() {
        entra.close();
    }

    /** The on-prem side of {@link Fixtures#cloudUser(int)}: its objectGUID is the cloud user's ImmutableID. */
    private String onPrem(int n) {
        String dn = "CN=User " + n + ",OU=Staff,DC=contoso,DC=com";
        UUID guid = UUID.nameUUIDFromBytes(("user-" + n).getBytes(StandardCharsets.UTF_8));
        ad.put(dn, OnPremUser.builder().distinguishedName(dn).userPrincipalName("user" + n + "@contoso.com")
                .samAccountName("user" + n).objectGuid(ObjectGuid.parse(guid.toString()))
                .mail("user" + n + "@contoso.com").build());
        return dn;
    }

    private List<RecordedRequest> onDemandPosts() {
        return graph.server().requests().stream().filter(r -> r.path().endsWith("/provisionOnDemand")).toList();
    }

    @Test
    void aUserWhoseAnchorACloudUserHolds_isMatchedAndUpdated() {
        graph.server().addUser(Fixtures.cloudUser(1));
        String dn = onPrem(1);

        OnDemandProvisioning answer = entra.tenantSync().provisionOnDemand(JOB, dn);

        assertThat(OnDemandOutcome.of(answer)).isEqualTo(OnDemandOutcome.UPDATED);
        assertThat(answer.exportStep()).get().extracting(OnDemandProvisioning.Step::name)
                .isEqualTo("EntryExportUpdate");
        assertThat(answer.targetId()).isEqualTo(Fixtures.cloudUser(1).id());
        assertThat(graph.server().user(Fixtures.cloudUser(1).id()).orElseThrow().onPremisesSyncEnabled()).isTrue();
        // The body as Microsoft's example 2: the schema's rule for users, the DN as objectId, objectTypeName user.
        String rule = graph.server().requests().stream().filter(r -> r.path().endsWith("/schema")).findFirst()
                .orElseThrow().path();
        assertThat(rule).isEqualTo(PATH + "schema");
        assertThat(onDemandPosts()).singleElement().satisfies(r -> assertThat(r.body())
                .contains("\"objectId\":\"" + dn + "\"", "\"objectTypeName\":\"user\"",
                        "\"ruleId\":\""));
    }

    @Test
    void aUserNoCloudUserHolds_isCreated_andTheAnswerSaysSo() {
        String dn = onPrem(2);

        OnDemandProvisioning answer = entra.tenantSync().provisionOnDemand(JOB, dn);

        assertThat(OnDemandOutcome.of(answer)).isEqualTo(OnDemandOutcome.CREATED);
        assertThat(answer.action()).isEqualTo("Create");
        assertThat(answer.reportableIdentifier()).isEqualTo("user2@contoso.com");
        assertThat(graph.server().user(answer.targetId())).get().satisfies(u -> {
            assertThat(u.userPrincipalName()).isEqualTo("user2@contoso.com");
            assertThat(u.onPremisesSyncEnabled()).isTrue();
        });
    }

    @Test
    void aRoleHoldersHardMatch_isRefusedWithInvalidHardMatch() {
        graph.server().addUser(Fixtures.cloudUser(3).toBuilder().holdsAdminRole(true).build());

        OnDemandProvisioning answer = entra.tenantSync().provisionOnDemand(JOB, onPrem(3));

        assertThat(OnDemandOutcome.of(answer)).isEqualTo(OnDemandOutcome.FAILED);
        assertThat(answer.errorCode()).isEqualTo("InvalidHardMatch");
    }

    @Test
    void a429_isWaitedOutAndRetried() {
        graph.server().addUser(Fixtures.cloudUser(4));
        graph.server().respondNext("POST", PATH + "provisionOnDemand", new ScriptedResponse(429, "application/json",
                "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}", Map.of("Retry-After", "1")));

        OnDemandProvisioning answer = entra.tenantSync().provisionOnDemand(JOB, onPrem(4));

        assertThat(OnDemandOutcome.of(answer)).isEqualTo(OnDemandOutcome.UPDATED);
        assertThat(onDemandPosts()).extracting(RecordedRequest::status).containsExactly(429, 200);
    }

    @Test
    void aSixthRequest_waitsForTheWindow_soTheServiceNeverAnswers429() {
        MovableClock clock = new MovableClock(Instant.parse("2026-09-01T10:00:00Z"));
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        graph.server().clock(clock);
        GraphSettings settings = Fixtures.options(graph.server(), sleeps).retry(GraphSettings.DEFAULT_RETRY.toBuilder()
                .clock(clock).sleeper(d -> {
                    sleeps.add(d);
                    clock.advance(d);
                }).build()).build();
        try (GraphDirectory limited = Fixtures.connect(graph.server(), settings)) {
            for (int i = 10; i < 16; i++) {
                graph.server().addUser(Fixtures.cloudUser(i));
                assertThat(OnDemandOutcome.of(limited.tenantSync().provisionOnDemand(JOB, onPrem(i))))
                        .isEqualTo(OnDemandOutcome.UPDATED);
                clock.advance(Duration.ofMillis(100));
            }
        }

        assertThat(onDemandPosts()).extracting(RecordedRequest::status).containsOnly(200).hasSize(6);
        assertThat(sleeps).singleElement().satisfies(d -> assertThat(d).isEqualTo(Duration.ofMillis(9500)));
    }

    @Test
    void aKeyOrValueThatIsNotJson_isAnErrorNamingTheJobAndTheUser() {
        String dn = onPrem(5);
        graph.server().respondNext("POST", PATH + "provisionOnDemand", ScriptedResponse.raw(200, "application/json",
                "{\"key\":\"{\\\"result\\\":\\\"Success\\\"}\",\"value\":\"provisioningSteps: EntryExportAdd\"}"));

        assertThatThrownBy(() -> entra.tenantSync().provisionOnDemand(JOB, dn))
                .isInstanceOf(GraphException.class)
                .hasMessageContaining("AD2AADProvisioning.od1").hasMessageContaining(dn)
                .hasMessageContaining("'value' that is not JSON");
        graph.server().respondNext("POST", PATH + "provisionOnDemand", ScriptedResponse.raw(200, "application/json",
                "{\"key\":\"[]\",\"value\":\"{}\"}"));
        assertThatThrownBy(() -> entra.tenantSync().provisionOnDemand(JOB, dn))
                .hasMessageContaining("'key' that is not a JSON object").hasMessageContaining(dn);
    }

    @Test
    void theFake_refusesARuleOfAnotherJob_withGraphsError() {
        graph.server().addSynchronizationJob(new CloudSyncJob("sp-od", "contoso.com", "AD2AADProvisioning.od2",
                "AD2AADProvisioning", "Paused", "Disabled", null, null));
        CloudSyncJob other = new CloudSyncJob("sp-od", "contoso.com", "AD2AADProvisioning.od2", "AD2AADProvisioning",
                "Paused", "Disabled", null, null);
        String dn = onPrem(6);
        entra.tenantSync().provisionOnDemand(other, dn);   // reads od2's rule
        // Each job has its own rule: a body with od2's rule sent to od1 is refused.
        String body = onDemandPosts().get(0).body();
        graph.server().respondNext("GET", PATH + "schema", ScriptedResponse.raw(200, "application/json",
                "{\"synchronizationRules\":[{\"id\":\"" + body.replaceAll(".*\"ruleId\":\"([^\"]+)\".*", "$1")
                        + "\",\"objectMappings\":[{\"sourceObjectName\":\"user\",\"enabled\":true}]}]}"));

        assertThatThrownBy(() -> entra.tenantSync().provisionOnDemand(JOB, dn))
                .isInstanceOf(GraphException.class).hasMessageContaining("is not a rule of job");
    }
}
