package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.UserField;
import dev.oktaentra.graph.testing.RecordedRequest;
import dev.oktaentra.graph.testing.ScriptedResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code onPremisesObjectIdentifier}, whose being set blocks a hard match since July 2026 (MC1263280;
 * how-to-connect-install-existing-tenant, "Hard match security protections"), exists on Graph <b>beta</b> only: every
 * Microsoft sample reads it from {@code /beta/users}, and v1.0 refuses to select it.
 */
class GraphObjectIdentifierTest {

    private static final String OBJECT_GUID = "3f2b8c1e-6d4a-4f0b-9e2c-7a1d5b8e9c03";

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    private List<CloudUser> readAll(GraphDirectory entra) {
        try (Stream<DirectoryRecord<CloudUser>> records = entra.records()) {
            return records.map(DirectoryRecord::orElseThrow).collect(Collectors.toList());
        }
    }

    private static CloudUser user(String id, String objectIdentifier) {
        return CloudUser.builder().id(id).userPrincipalName(id + "@contoso.com").onPremisesSyncEnabled(true)
                .onPremisesObjectIdentifier(objectIdentifier).cloudManaged(false).build();
    }

    @Test
    void records_readOnPremisesObjectIdentifierFromGraphBetaOnly() {
        graph.server().addUsers(List.of(user("mapped", OBJECT_GUID), user("unmapped", null)));

        try (GraphDirectory entra = Fixtures.connect(graph.server())) {
            assertThat(readAll(entra)).extracting(CloudUser::onPremisesObjectIdentifier)
                    .containsExactly(OBJECT_GUID, null);
            assertThat(entra.unreadFields()).doesNotContain(UserField.ON_PREMISES_OBJECT_IDENTIFIER);
        }
        RecordedRequest beta = graph.server().requests().stream().filter(r -> r.path().equals("/beta/users"))
                .findFirst().orElseThrow();
        assertThat(beta.query()).contains("$select=id,onPremisesObjectIdentifier");
        // The v1.0 page asks only for what v1.0 has: selecting a beta-only property there is a 400.
        assertThat(graph.server().requests()).filteredOn(r -> r.path().equals("/users"))
                .allSatisfy(r -> assertThat(r.query()).doesNotContainIgnoringCase("onPremisesObjectIdentifier")
                        .contains("displayName"));
    }

    @Test
    void records_followEveryBetaPage() {
        List<CloudUser> seeded = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            seeded.add(user("u" + i, String.format("00000000-0000-0000-0000-%012d", i)));
        }
        graph.server().addUsers(seeded);

        try (GraphDirectory entra = Fixtures.connect(graph.server(), graph.options().pageSize(100).build())) {
            assertThat(readAll(entra)).extracting(CloudUser::onPremisesObjectIdentifier)
                    .containsExactlyElementsOf(seeded.stream().map(CloudUser::onPremisesObjectIdentifier).toList());
        }
        assertThat(graph.server().requests()).filteredOn(r -> r.path().equals("/beta/users")).hasSize(3)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }

    @Test
    void records_whenBetaRefusesLeaveTheIdentifierUnknownNotEmptyAndSaySo() {
        graph.server().addUser(user("mapped", OBJECT_GUID));
        graph.server().respondNext("GET", "/beta/users", ScriptedResponse.graphError(403, "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation."));

        try (GraphDirectory entra = Fixtures.connect(graph.server())) {
            assertThat(readAll(entra)).singleElement()
                    .satisfies(u -> assertThat(u.onPremisesObjectIdentifier()).isNull());
            assertThat(entra.unreadFields()).contains(UserField.ON_PREMISES_OBJECT_IDENTIFIER);
            assertThat(entra.readWarnings()).singleElement().asString().contains("onPremisesObjectIdentifier unknown")
                    .contains("Graph beta").contains("403");
        }
    }

    @Test
    void records_whenSwitchedOffSendNoBetaRequestAndNameTheFieldUnread() {
        graph.server().addUser(user("mapped", OBJECT_GUID));

        try (GraphDirectory entra = Fixtures.connect(graph.server(), graph.options()
                .readOnPremisesObjectIdentifier(false).build())) {
            assertThat(readAll(entra)).singleElement()
                    .satisfies(u -> assertThat(u.onPremisesObjectIdentifier()).isNull());
            assertThat(entra.unreadFields()).contains(UserField.ON_PREMISES_OBJECT_IDENTIFIER);
        }
        assertThat(graph.server().requests()).noneMatch(r -> r.path().startsWith("/beta/"));
    }

    @Test
    void records_ofSyncedUsersOnlyFilterTheBetaListingAlike() {
        graph.server().addUsers(List.of(user("mapped", OBJECT_GUID), CloudUser.builder().id("cloud")
                .userPrincipalName("cloud@contoso.com").build()));

        try (GraphDirectory entra = Fixtures.connect(graph.server(), graph.options().syncedUsersOnly(true)
                .build())) {
            assertThat(readAll(entra)).extracting(CloudUser::id, CloudUser::onPremisesObjectIdentifier)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("mapped", OBJECT_GUID));
        }
        assertThat(graph.server().requests()).filteredOn(r -> r.path().equals("/beta/users"))
                .singleElement().satisfies(r -> {
                    assertThat(r.header("ConsistencyLevel")).isEqualTo("eventual");
                    assertThat(r.query()).contains("$filter=onPremisesSyncEnabled eq true");
                });
    }
}
