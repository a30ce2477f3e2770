package dev.oktaentra.graph;

import com.microsoft.graph.models.UnifiedRoleAssignment;
import com.microsoft.graph.models.UnifiedRoleAssignmentCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the users who hold a directory role, which Entra Connect will not soft-match: one paged query of
 * {@code roleManagement/directory/roleAssignments?$expand=principal}, plus the members of role-assignable groups.
 * Only active assignments count; PIM-eligible ones are not listed there ({@link EligibleRoleHolders} reads those).
 */
final class AdminRoleHolders {

    private static final Logger LOG = LoggerFactory.getLogger(AdminRoleHolders.class);

    private AdminRoleHolders() {
    }

    /**
     * The object ids of users holding a directory role, directly or through a role-assignable group.
     *
     * @param graph the client
     * @param settings the retry policy
     * @return the ids
     * @throws dev.oktaentra.graph.GraphException when the role assignments cannot be read
     */
    public static Set<String> userIds(GraphServiceClient graph, GraphSettings settings) {
        RolePrincipals principals = new RolePrincipals();
        var assignments = graph.roleManagement().directory().roleAssignments();
        Pages.<UnifiedRoleAssignmentCollectionResponse, UnifiedRoleAssignment, UnifiedRoleAssignment>stream(
                "directory role assignments",
                link -> Calls.call("Reading directory role assignments (needs RoleManagement.Read.Directory or"
                        + " Directory.Read.All)", () -> link == null
                        ? assignments.get(rc -> {
                            rc.queryParameters.expand = new String[] {"principal"};
                            Calls.retry(rc, settings);
                        })
                        : assignments.withUrl(link).get(rc -> Calls.retry(rc, settings))),
                UnifiedRoleAssignmentCollectionResponse::getValue,
                UnifiedRoleAssignmentCollectionResponse::getOdataNextLink,
                (a, page, index) -> a)
                .forEach(a -> principals.add(a.getPrincipalId(), a.getPrincipal()));
        Set<String> users = principals.userIds(graph, settings);
        LOG.debug("{} users hold a directory role, directly or through {} role-assignable groups", users.size(),
                principals.groupCount());
        return users;
    }
}
