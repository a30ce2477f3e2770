package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.ConflictException;
import dev.oktaentra.core.tenant.DirectoryRoles;
import dev.oktaentra.core.tenant.RoleAssignment;
import dev.oktaentra.core.tenant.SyncFeatures;
import dev.oktaentra.graph.testing.RecordedRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading, removing and restoring a role holder's roles, and the onPremisesObjectIdentifier allowance, over Graph. */
class GraphDirectoryRolesTest {

    private static final String GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";
    private static final String USER_ADMIN = "fe930be7-5e62-47db-91af-98c3a49a38b1";
    private static final Instant EXPIRES = Instant.parse("2027-06-30T00:00:00Z");

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    private GraphDirectory entra;
    private DirectoryRoles roles;

    @BeforeEach
    void connect() {
        entra = Fixtures.connect(graph.server());
        roles = entra.tenantSync().directoryRoles().orElseThrow();
        graph.server().addUser(CloudUser.builder().id("u1").userPrincipalName("ada@contoso.com").build())
                .addUser(CloudUser.builder().id("u2").userPrincipalName("bob@contoso.com").build())
                .assignDirectoryRole("u1", GLOBAL_ADMIN).makeEligible("u1", USER_ADMIN, EXPIRES)
                .assignDirectoryRole("u2", GLOBAL_ADMIN);
    }

    @AfterEach
    void disconnect() {
        entra.close();
    }

    @Test
    void of_readsOnlyTheUsersActiveAndEligibleRoles_withTheEligibilitysExpiration() {
        List<RoleAssignment> held = roles.of("u1");

        assertThat(held).extracting(RoleAssignment::kind, RoleAssignment::roleDefinitionId, RoleAssignment::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RoleAssignment.Kind.ACTIVE, GLOBAL_ADMIN, null),
                        org.assertj.core.groups.Tuple.tuple(RoleAssignment.Kind.ELIGIBLE, USER_ADMIN, EXPIRES));
        assertThat(graph.server().requests()).extracting(RecordedRequest::query)
                .allSatisfy(q -> assertThat(q).contains("$filter=principalId eq 'u1'"));
    }

    @Test
    void removeAndAssign_writeAsGraphDocumentsIt_andRestoreTheExpiration() {
        List<RoleAssignment> held = roles.of("u1");

        held.forEach(roles::remove);
        assertThat(graph.server().heldRoles("u1")).isEmpty();
        assertThat(graph.server().heldRoles("u2")).containsExactly("active " + GLOBAL_ADMIN);
        held.forEach(roles::assign);

        assertThat(graph.server().heldRoles("u1")).containsExactlyInAnyOrder("active " + GLOBAL_ADMIN,
                "eligible " + USER_ADMIN + " until " + EXPIRES);
        List<RecordedRequest> writes = graph.server().writes();
        assertThat(writes).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "DELETE /roleManagement/directory/roleAssignments/" + held.get(0).id(),
                "POST /roleManagement/directory/roleEligibilityScheduleRequests",
                "POST /roleManagement/directory/roleAssignments",
                "POST /roleManagement/directory/roleEligibilityScheduleRequests");
        assertThat(writes.get(1).body()).contains("\"action\":\"adminRemove\"").contains("\"directoryScopeId\":\"/\"");
        assertThat(writes.get(3).body()).contains("\"action\":\"adminAssign\"").contains("afterDateTime")
                .contains("2027-06-30T00:00:00Z").contains("justification");
    }

    @Test
    void setObjectIdentifierAllowance_opensItKeepingTheOtherFeatures_andRefusesAChangedValue() {
        graph.server().setSyncFeatures(new SyncFeatures(false, false, true, false));
        GraphTenantSync tenant = entra.tenantSync();

        assertThat(tenant.setObjectIdentifierAllowance(false, true)).isTrue();

        assertThat(graph.server().features())
                .containsEntry("allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled", true)
                .containsEntry("softMatchOnUpnEnabled", true).containsEntry("blockSoftMatchEnabled", false);
        assertThatThrownBy(() -> tenant.setObjectIdentifierAllowance(false, true))
                .isInstanceOf(ConflictException.class).hasMessageContaining("nothing was written");
    }
}
