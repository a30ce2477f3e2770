package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.UserField;
import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.graph.testing.RecordedRequest;
import dev.oktaentra.graph.testing.ScriptedResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PIM-eligible directory roles, which block a hard match as active ones do ("The cloud account is eligible for a
 * privileged Microsoft Entra role.", how-to-connect-install-existing-tenant, "Hard match security protections"), read
 * from {@code roleManagement/directory/roleEligibilitySchedules}.
 */
class GraphEligibleRolesTest {

    private static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
    private static final String HELPDESK_ADMINISTRATOR = "729827e3-9c14-49f7-bb1b-9608f156bbb8";

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    private static CloudUser user(String id) {
        return CloudUser.builder().id(id).userPrincipalName(id + "@contoso.com").build();
    }

    private List<CloudUser> readAll(GraphDirectory entra) {
        try (Stream<DirectoryRecord<CloudUser>> records = entra.records()) {
            return records.map(DirectoryRecord::orElseThrow).collect(Collectors.toList());
        }
    }

    @Test
    void records_marksUsersEligibleDirectlyOrThroughARoleAssignableGroupButNotServicePrincipals() {
        graph.server().addUsers(List.of(user("direct"), user("via-group"), user("active"), user("plain")));
        graph.server().makeEligible("direct", GLOBAL_ADMINISTRATOR);
        graph.server().addRoleAssignableGroup("grp-1", List.of("via-group"));
        graph.server().makeEligible("grp-1", HELPDESK_ADMINISTRATOR);
        graph.server().makeEligible("sp-1", GLOBAL_ADMINISTRATOR);
        graph.server().assignDirectoryRole("active", GLOBAL_ADMINISTRATOR);

        List<CloudUser> users;
        try (GraphDirectory entra = Fixtures.connect(graph.server())) {
            users = readAll(entra);
            assertThat(entra.unreadFields()).doesNotContain(UserField.ELIGIBLE_ADMIN_ROLES, UserField.ADMIN_ROLES);
            assertThat(entra.readWarnings()).isEmpty();
        }

        assertThat(users).extracting(CloudUser::id, CloudUser::eligibleForAdminRole, CloudUser::holdsAdminRole)
                .containsExactly(tuple("direct", true, false),
                        tuple("via-group", true, false),
                        tuple("active", false, true),
                        tuple("plain", false, false));
        RecordedRequest schedules = graph.server().requests().stream()
                .filter(r -> r.path().equals("/roleManagement/directory/roleEligibilitySchedules")).findFirst()
                .orElseThrow();
        assertThat(schedules.query()).contains("$expand=principal");
        assertThat(graph.server().requests()).extracting(RecordedRequest::path)
                .contains("/groups/grp-1/members/graph.user");
    }

    @Test
    void records_followsEveryPageOfEligibilitySchedules() {
        List<CloudUser> seeded = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            seeded.add(user("eligible-" + i).toBuilder().eligibleForAdminRole(true).build());
        }
        graph.server().addUsers(seeded);

        List<CloudUser> users;
        try (GraphDirectory entra = Fixtures.connect(graph.server())) {
            users = readAll(entra);
        }

        assertThat(users).hasSize(250).allSatisfy(u -> assertThat(u.eligibleForAdminRole()).isTrue());
        assertThat(graph.server().requests()).filteredOn(r -> r.path().endsWith("/roleEligibilitySchedules"))
                .hasSize(3);
    }

    @Test
    void records_inATenantWithoutPimLicenceLeaveEligibilityUnknownAndSaySo() {
        graph.server().addUser(user("someone"));
        graph.server().respondNext("GET", "/roleManagement/directory/roleEligibilitySchedules",
                ScriptedResponse.graphError(400, "AadPremiumLicenseRequired",
                        "The tenant needs to have Microsoft Entra ID P2 or Microsoft Entra ID Governance license."));

        try (GraphDirectory entra = Fixtures.connect(graph.server())) {
            assertThat(readAll(entra)).hasSize(1);
            assertThat(entra.unreadFields()).contains(UserField.ELIGIBLE_ADMIN_ROLES)
                    .doesNotContain(UserField.ADMIN_ROLES);
            assertThat(entra.readWarnings()).singleElement().asString()
                    .startsWith("PIM-eligible directory roles unknown for every user")
                    .contains("AadPremiumLicenseRequired");
        }
    }

    @Test
    void records_withoutAPermissionForEligibilityFailNamingIt() {
        graph.server().addUser(user("someone"));
        graph.server().enforcePermissions(true);
        // Directory.Read.All lists active roles, but Graph does not accept it for eligibility schedules.
        GraphSettings settings = graph.options().credentials(GraphCredentials.accessToken(Secret.of(
                Fixtures.appToken("User.Read.All", "Directory.Read.All",
                        "User-OnPremisesSyncBehavior.ReadWrite.All")))).build();

        try (GraphDirectory entra = GraphDirectory.connect(settings)) {
            assertThatThrownBy(() -> readAll(entra)).isInstanceOfSatisfying(GraphException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(403);
                assertThat(e.getMessage()).contains("role eligibility")
                        .contains("RoleEligibilitySchedule.Read.Directory");
            });
        }
    }

    @Test
    void records_readEligibilityWithRoleManagementReadDirectoryToo() {
        graph.server().addUser(user("direct").toBuilder().eligibleForAdminRole(true).build());
        graph.server().enforcePermissions(true);
        GraphSettings settings = graph.options().credentials(GraphCredentials.accessToken(Secret.of(
                Fixtures.appToken("User.Read.All", "RoleManagement.Read.Directory",
                        "User-OnPremisesSyncBehavior.ReadWrite.All")))).build();

        try (GraphDirectory entra = GraphDirectory.connect(settings)) {
            assertThat(readAll(entra)).singleElement().satisfies(u -> assertThat(u.eligibleForAdminRole()).isTrue());
        }
    }

    @Test
    void records_withoutRoleMarkingNameBothRoleFieldsUnread() {
        graph.server().addUser(user("direct").toBuilder().eligibleForAdminRole(true).build());

        try (GraphDirectory entra = Fixtures.connect(graph.server(), graph.options().markAdminRoles(false)
                .build())) {
            assertThat(readAll(entra)).singleElement().satisfies(u -> assertThat(u.eligibleForAdminRole()).isFalse());
            assertThat(entra.unreadFields()).contains(UserField.ADMIN_ROLES, UserField.ELIGIBLE_ADMIN_ROLES);
        }
        assertThat(graph.server().requests()).noneMatch(r -> r.path().startsWith("/roleManagement/"));
    }
}
