package dev.oktaentra.graph;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The principals of directory role assignments or eligibilities, as {@link AdminRoleHolders} and
 * {@link EligibleRoleHolders} read them with {@code $expand=principal}: users kept, role-assignable groups expanded to
 * their user members, service principals left out.
 */
final class RolePrincipals {

    private final Set<String> users = new HashSet<>();
    private final Set<String> groups = new LinkedHashSet<>();

    /**
     * Takes one assignment's principal.
     *
     * @param principalId the assignment's {@code principalId}, or {@code null}
     * @param principal the expanded principal, or {@code null} when Graph did not expand it
     */
    void add(String principalId, DirectoryObject principal) {
        String id = principalId != null ? principalId : principal == null ? null : principal.getId();
        if (id == null || principal instanceof ServicePrincipal) {
            return;
        }
        if (principal instanceof Group) {
            groups.add(id);
        } else {
            // A user, or a principal Graph did not expand: keeping its id can only mark, never unmark.
            users.add(id);
        }
    }

    /**
     * The users taken, with the user members of every group taken.
     *
     * @param graph the client
     * @param settings the retry policy
     * @return the users' object ids
     * @throws GraphException when a group's members cannot be read
     */
    Set<String> userIds(GraphServiceClient graph, GraphSettings settings) {
        for (String group : groups) {
            GroupMembers.addUserIds(graph, settings, group, users);
        }
        return users;
    }

    /**
     * How many role-assignable groups were taken.
     *
     * @return the count
     */
    int groupCount() {
        return groups.size();
    }
}
