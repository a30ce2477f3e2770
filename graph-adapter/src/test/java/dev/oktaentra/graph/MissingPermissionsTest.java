package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import dev.oktaentra.core.settings.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MissingPermissionsTest {

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    private List<String> missing(String token, List<String> required) {
        GraphSettings settings = GraphSettings.builder().baseUrl(graph.server().baseUrl()).allowPlaintextOnLoopback()
                .credentials(GraphCredentials.accessToken(Secret.of(token))).build();
        try (GraphDirectory entra = GraphDirectory.connect(settings)) {
            return entra.tenantSync().missingPermissions(required);
        }
    }

    @Test
    void missingPermissions_isEmptyWhenTheTokenHoldsTheRunbooksRoles() {
        assertThat(missing(Fixtures.fullToken(), GraphPermissions.RUNBOOK)).isEmpty();
        assertThat(graph.server().requests()).as("the check reads the token, it sends nothing").isEmpty();
    }

    @Test
    void missingPermissions_namesEachMissingRoleWithTheAdminConsentHint() {
        List<String> missing = missing(Fixtures.appToken("User.Read.All", "Directory.Read.All"),
                GraphPermissions.RUNBOOK);

        assertThat(missing).hasSize(7);
        assertThat(missing.get(0)).startsWith("User.ReadWrite.All: not granted to this app")
                .contains("Application permission").contains("Grant admin consent");
        assertThat(missing).extracting(m -> m.substring(0, m.indexOf(':'))).containsExactly("User.ReadWrite.All",
                "RoleEligibilitySchedule.Read.Directory", "User-OnPremisesSyncBehavior.ReadWrite.All",
                "OnPremDirectorySynchronization.ReadWrite.All", "Synchronization.ReadWrite.All", "AuditLog.Read.All",
                "Domain.Read.All");
    }

    /** Issue 17: removing and restoring role holders is an opt-in, and so is the write permission it needs. */
    @Test
    void missingPermissions_ofTheRoleHolderOptIn_namesTheRoleWritePermission_whichNoOtherListAsksFor() {
        assertThat(GraphPermissions.REMOVE_ROLE_HOLDERS).containsExactly("RoleManagement.ReadWrite.Directory");
        assertThat(GraphPermissions.RUNBOOK).doesNotContain("RoleManagement.ReadWrite.Directory");
        assertThat(GraphPermissions.READ_ONLY).doesNotContain("RoleManagement.ReadWrite.Directory");

        List<String> missing = missing(Fixtures.appToken(GraphPermissions.RUNBOOK.toArray(String[]::new)),
                GraphPermissions.REMOVE_ROLE_HOLDERS);

        assertThat(missing).singleElement().asString().startsWith("RoleManagement.ReadWrite.Directory: not granted");
        assertThat(missing(Fixtures.appToken("RoleManagement.ReadWrite.Directory"),
                GraphPermissions.REMOVE_ROLE_HOLDERS)).isEmpty();
    }

    @Test
    void missingPermissions_countsReadWriteAsRead() {
        assertThat(missing(Fixtures.fullToken(), GraphPermissions.READ_ONLY)).isEmpty();
    }

    @Test
    void missingPermissions_takesAnyPermissionGraphAcceptsForTheEligibilityRead() {
        // rbacapplication-list-roleeligibilityschedules accepts RoleManagement.Read.Directory as well.
        for (String other : List.of("RoleManagement.Read.Directory", "RoleManagement.ReadWrite.Directory",
                "RoleManagement.Read.All", "RoleEligibilitySchedule.ReadWrite.Directory")) {
            assertThat(missing(Fixtures.appToken("User.Read.All", "Directory.Read.All", other,
                    "User-OnPremisesSyncBehavior.ReadWrite.All", "OnPremDirectorySynchronization.Read.All",
                    "Synchronization.Read.All", "AuditLog.Read.All", "Domain.Read.All"), GraphPermissions.READ_ONLY))
                    .as(other).isEmpty();
        }
    }

    @Test
    void missingPermissions_readsDelegatedScopes() {
        List<String> missing = missing(Fixtures.delegatedToken("User.ReadWrite.All Directory.Read.All "
                + "RoleEligibilitySchedule.Read.Directory User-OnPremisesSyncBehavior.ReadWrite.All "
                + "OnPremDirectorySynchronization.ReadWrite.All Synchronization.ReadWrite.All Domain.Read.All"),
                GraphPermissions.RUNBOOK);

        assertThat(missing).singleElement().asString().startsWith("AuditLog.Read.All: not granted to this sign-in")
                .contains("Delegated permission");
    }

    @Test
    void missingPermissions_refusesToGuessForATokenThatIsNotAJwt() {
        assertThatThrownBy(() -> missing("opaque-token-value", GraphPermissions.RUNBOOK))
                .isInstanceOf(GraphException.class).hasMessageContaining("not a JWT")
                .hasMessageNotContaining("opaque-token-value");
    }
}
