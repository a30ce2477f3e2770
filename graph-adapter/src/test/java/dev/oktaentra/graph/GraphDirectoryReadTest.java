package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.directory.Attributes;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.RejectedRecordException;
import dev.oktaentra.graph.testing.FaultPlan;
import dev.oktaentra.graph.testing.RecordedRequest;
import dev.oktaentra.graph.testing.ScriptedResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphDirectoryReadTest {

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    private List<DirectoryRecord<CloudUser>> readAll(GraphSettings options) {
        try (GraphDirectory entra = Fixtures.connect(graph.server(), options);
                Stream<DirectoryRecord<CloudUser>> records = entra.records()) {
            return records.collect(Collectors.toList());
        }
    }

    private List<RecordedRequest> userPageRequests() {
        return graph.server().requests().stream().filter(r -> r.path().equals("/users")).collect(Collectors.toList());
    }

    private static List<String> ids(List<DirectoryRecord<CloudUser>> records) {
        return records.stream().map(r -> r.orElseThrow().id()).collect(Collectors.toList());
    }

    @Test
    void records_returnsEveryUserExactlyOnceAcrossPages() {
        List<CloudUser> seeded = Fixtures.cloudUsers(25_000);
        graph.server().addUsers(seeded);

        List<DirectoryRecord<CloudUser>> records = readAll(graph.options().build());

        assertThat(records).hasSize(25_000);
        assertThat(new HashSet<>(ids(records))).hasSize(25_000);
        assertThat(ids(records)).containsExactlyElementsOf(seeded.stream().map(CloudUser::id).toList());
        assertThat(userPageRequests()).hasSize(26).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(userPageRequests().get(0).query()).contains("$top=999");
    }

    @Test
    void records_staysExactWhenTenPercentOfRequestsAreThrottled() {
        List<CloudUser> seeded = Fixtures.cloudUsers(25_000);
        graph.server().addUsers(seeded);
        graph.server().faults(FaultPlan.throttling(0.10, 20_251));

        List<DirectoryRecord<CloudUser>> records = readAll(graph.options().build());

        assertThat(ids(records)).containsExactlyElementsOf(seeded.stream().map(CloudUser::id).toList());
        List<RecordedRequest> throttled = graph.server().requests().stream().filter(r -> r.status() == 429).toList();
        assertThat(throttled).isNotEmpty();
        // Each throttled GET was repeated with the SDK's Retry-Attempt header; throttled $batch posts and items are
        // sent again by the adapter itself, and every user still got its isCloudManaged.
        List<RecordedRequest> throttledGets = throttled.stream()
                .filter(r -> r.method().equals("GET") && !r.inBatch()).toList();
        assertThat(graph.server().requests().stream().filter(r -> r.header("Retry-Attempt") != null))
                .hasSameSizeAs(throttledGets);
        assertThat(throttled).anyMatch(RecordedRequest::inBatch);
        assertThat(records).allSatisfy(r -> assertThat(r.orElseThrow().cloudManaged()).isFalse());
    }

    @Test
    void records_mapsEveryFieldCloudUserNeeds() {
        Instant lastSync = Instant.parse("2025-03-01T10:15:30Z");
        CloudUser synced = CloudUser.builder().id("a1").userPrincipalName("ann@contoso.com")
                .immutableId("BpazOkLGm0iEtljAONPvOQ==").onPremisesSyncEnabled(true).mail("ann@contoso.com")
                .proxyAddresses(List.of("SMTP:ann@contoso.com", "smtp:a@contoso.com"))
                .onPremisesLastSyncDateTime(lastSync).displayName("Ann Example").cloudManaged(false).build();
        CloudUser formerly = CloudUser.builder().id("b2").userPrincipalName("bob@contoso.com")
                .onPremisesSyncEnabled(false).displayName("Bob").cloudManaged(true).build();
        // Never synced and without an ImmutableID: no sync engine can take it over, so isCloudManaged is not asked.
        CloudUser cloudOnly = CloudUser.builder().id("c3").userPrincipalName("cy@contoso.com").build();
        graph.server().addUsers(List.of(synced, formerly, cloudOnly));

        List<DirectoryRecord<CloudUser>> records = readAll(graph.options().build());

        assertThat(records).extracting(DirectoryRecord::orElseThrow).containsExactly(synced, formerly, cloudOnly);
        assertThat(userPageRequests().get(0).query()).contains("$select=id,userPrincipalName,onPremisesImmutableId,"
                + "onPremisesSyncEnabled,mail,proxyAddresses,onPremisesLastSyncDateTime,displayName");
    }

    @Test
    void records_readsExtraFieldsIntoAttributes() {
        graph.server().addUser(CloudUser.builder().id("e1").userPrincipalName("eve@contoso.com")
                .attributes(Attributes.builder().add("employeeId", "E-1042").add("department", "Finance").build())
                .build());

        List<DirectoryRecord<CloudUser>> records = readAll(graph.options()
                .extraUserField("employeeId").build());

        CloudUser eve = records.get(0).orElseThrow();
        assertThat(eve.attributes().first("employeeId")).map(Object::toString).hasValue("E-1042");
        assertThat(eve.attributes().names()).containsExactly("employeeId");
        assertThat(userPageRequests().get(0).query()).contains(",employeeId&");
    }

    @Test
    void records_rejectsMalformedUsersNamingThemAndCarriesOn() {
        graph.server().addUser(Fixtures.cloudUser(1));
        graph.server().addUser(CloudUser.builder().id("").userPrincipalName("ghost@contoso.com").build());
        graph.server().addUser(CloudUser.builder().id("d4").userPrincipalName(" ").build());
        graph.server().addUser(Fixtures.cloudUser(2));

        List<DirectoryRecord<CloudUser>> records = readAll(graph.options().build());

        assertThat(records).hasSize(4);
        assertThat(records.get(1)).isInstanceOfSatisfying(DirectoryRecord.Rejected.class, r -> {
            assertThat(r.identity()).isEqualTo("ghost@contoso.com");
            assertThat(r.location()).isEqualTo("users page 1, item 2");
            assertThat(r.reason()).contains("no object id");
            assertThat(r.source()).startsWith("127.0.0.1:");
        });
        assertThat(records.get(2)).isInstanceOfSatisfying(DirectoryRecord.Rejected.class, r -> {
            assertThat(r.identity()).isEqualTo("d4");
            assertThat(r.reason()).contains("no userPrincipalName");
        });
        assertThat(records.get(3).orElseThrow()).isEqualTo(Fixtures.cloudUser(2));
    }

    @Test
    void records_rejectAUserWhoseImmutableIdHoldsHalfASurrogatePairAndCarryOn() {
        // Only a JSON escape can carry an unpaired surrogate; no anchor can be one, and the next user still reads.
        graph.server().respondNext("GET", "/users", ScriptedResponse.raw(200, "application/json", "{\"value\":["
                + "{\"id\":\"s1\",\"userPrincipalName\":\"sam@contoso.com\",\"onPremisesImmutableId\":\"ab\\ud800\"},"
                + "{\"id\":\"t1\",\"userPrincipalName\":\"tia@contoso.com\",\"onPremisesImmutableId\":\"tia\"}]}"));

        List<DirectoryRecord<CloudUser>> records = readAll(graph.options().build());

        assertThat(records).hasSize(2);
        assertThat(records.get(0)).isInstanceOfSatisfying(DirectoryRecord.Rejected.class, r -> {
            assertThat(r.identity()).isEqualTo("sam@contoso.com");
            assertThat(r.reason()).startsWith("onPremisesImmutableId: ").contains("surrogate");
        });
        assertThat(records.get(1).orElseThrow().immutableId().value()).isEqualTo("tia");
    }

    @Test
    void users_stopsAtTheFirstRejectedUserWithItsDescription() {
        graph.server().addUser(Fixtures.cloudUser(1));
        graph.server().addUser(CloudUser.builder().id("").userPrincipalName("ghost@contoso.com").build());
        try (GraphDirectory entra = Fixtures.connect(graph.server()); Stream<CloudUser> users = entra.users()) {
            assertThatThrownBy(() -> users.forEach(u -> { }))
                    .isInstanceOf(RejectedRecordException.class)
                    .hasMessageContaining("ghost@contoso.com").hasMessageContaining("users page 1, item 2");
        }
    }

    @Test
    void records_syncedOnly_sendsTheAdvancedQueryOnEveryPage() {
        List<CloudUser> seeded = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            CloudUser u = Fixtures.cloudUser(i);
            seeded.add(i % 2 == 0 ? u : CloudUser.builder().id(u.id()).userPrincipalName(u.userPrincipalName())
                    .immutableId(u.immutableId()).onPremisesSyncEnabled(true).build());
        }
        graph.server().addUsers(seeded);

        List<DirectoryRecord<CloudUser>> records = readAll(graph.options().syncedUsersOnly(true)
                .build());

        assertThat(records).hasSize(1500).allSatisfy(r -> assertThat(r.orElseThrow().isSynced()).isTrue());
        assertThat(userPageRequests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("ConsistencyLevel")).isEqualTo("eventual");
            assertThat(r.query()).contains("$count=true").contains("$filter=onPremisesSyncEnabled eq true");
        });
    }

    @Test
    void records_marksUsersHoldingADirectoryRoleDirectlyOrThroughAGroup() {
        CloudUser direct = CloudUser.builder().id("adm-1").userPrincipalName("admin@contoso.com").holdsAdminRole(true)
                .build();
        CloudUser viaGroup = CloudUser.builder().id("adm-2").userPrincipalName("helpdesk@contoso.com").build();
        CloudUser plain = CloudUser.builder().id("usr-3").userPrincipalName("user@contoso.com").build();
        graph.server().addUsers(List.of(direct, viaGroup, plain));
        graph.server().addRoleAssignableGroup("grp-1", List.of("adm-2"));
        graph.server().assignDirectoryRole("grp-1", "729827e3-9c14-49f7-bb1b-9608f156bbb8");
        graph.server().assignDirectoryRole("sp-1", "62e90394-69f5-4237-9190-012177145e10");

        List<DirectoryRecord<CloudUser>> records = readAll(graph.options().build());

        assertThat(records).extracting(r -> r.orElseThrow().holdsAdminRole()).containsExactly(true, true, false);
        assertThat(graph.server().requests()).extracting(RecordedRequest::path)
                .containsSubsequence("/roleManagement/directory/roleAssignments",
                        "/groups/grp-1/members/graph.user", "/users");
    }

    @Test
    void records_withoutAdminMarking_sendsNoRoleQuery() {
        graph.server().addUser(CloudUser.builder().id("adm-1").userPrincipalName("admin@contoso.com")
                .holdsAdminRole(true)
                .build());

        List<DirectoryRecord<CloudUser>> records = readAll(graph.options().markAdminRoles(false)
                .build());

        assertThat(records.get(0).orElseThrow().holdsAdminRole()).isFalse();
        assertThat(graph.server().requests()).extracting(RecordedRequest::path)
                .noneMatch(path -> path.startsWith("/roleManagement/"));
    }

    @Test
    void records_fetchesPagesOnlyAsTheStreamIsConsumed() {
        graph.server().addUsers(Fixtures.cloudUsers(5000));
        try (GraphDirectory entra = Fixtures.connect(graph.server(), graph.options().pageSize(100).build());
                Stream<DirectoryRecord<CloudUser>> records = entra.records()) {
            assertThat(userPageRequests()).isEmpty();
            assertThat(records.limit(150).count()).isEqualTo(150);
        }
        assertThat(userPageRequests()).hasSize(2);
    }

    @Test
    void records_emptyTenantGivesAnEmptyStream() {
        assertThat(readAll(graph.options().build())).isEmpty();
        assertThat(userPageRequests()).hasSize(1);
    }

    @Test
    void name_namesHostAndNeverTheToken() {
        try (GraphDirectory entra = Fixtures.connect(graph.server())) {
            assertThat(entra.name()).isEqualTo(graph.server().baseUrl().replace("http://", "").replace("/v1.0", ""));
            assertThat(entra.toString()).doesNotContain(Fixtures.TOKEN_SIGNATURE);
        }
    }

    @Test
    void of_wrapsACallersClientAndLeavesItOpen() {
        graph.server().addUsers(Fixtures.cloudUsers(3));
        GraphDirectory built = Fixtures.connect(graph.server());
        com.microsoft.graph.serviceclient.GraphServiceClient client = TestClients.client(graph.server());
        GraphDirectory wrapped = GraphDirectory.of(client, graph.options().build());
        try (Stream<DirectoryRecord<CloudUser>> records = wrapped.records()) {
            assertThat(records.count()).isEqualTo(3);
        }
        wrapped.close();
        try (Stream<DirectoryRecord<CloudUser>> again = GraphDirectory.of(client).records()) {
            assertThat(again.count()).isEqualTo(3);
        }
        built.close();
        Set<String> hosts = new HashSet<>();
        graph.server().requests().stream().filter(r -> !r.inBatch()).forEach(r -> hosts.add(r.header("Host")));
        assertThat(hosts).hasSize(1);
    }
}
