package dev.oktaentra.graph;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.UnifiedRoleAssignment;
import com.microsoft.graph.models.UnifiedRoleAssignmentCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
        Set<String> users = new HashSet<>();
        Set<String> groups = new LinkedHashSet<>();
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
                .forEach(a -> {
                    DirectoryObject principal = a.getPrincipal();
                    String id = a.getPrincipalId() != null ? a.getPrincipalId()
                            : principal == null ? null : principal.getId();
                    if (id == null || principal instanceof ServicePrincipal) {
                        return;
                    }
                    if (principal instanceof Group) {
                        groups.add(id);
                    } else {
                        // A user, or a principal Graph did not expand: keeping its id can only mark, never unmark.
                        users.add(id);
                    }
                });
        for (String group : groups) {
            GroupMembers.addUserIds(graph, settings, group, users);
        }
        LOG.debug("{} users hold a directory role, directly or through {} role-assignable groups", users.size(),
                groups.size());
        return users;
    }
}
