package dev.oktaentra.graph;

import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.Collection;

/**
 * The user members of a role-assignable group, which hold whatever role the group holds or is eligible for. Its
 * direct members are all of them: "Group nesting is not supported. A group can't be added as a member of a
 * role-assignable group." (https://learn.microsoft.com/entra/identity/role-based-access-control/groups-concept)
 */
final class GroupMembers {

    private GroupMembers() {
    }

    /**
     * Adds the object ids of a group's user members, page by page ({@code GET /groups/{id}/members/graph.user}).
     *
     * @param graph the client
     * @param settings the retry policy
     * @param groupId the group
     * @param into where the ids go
     * @throws GraphException when the members cannot be read
     */
    static void addUserIds(GraphServiceClient graph, GraphSettings settings, String groupId, Collection<String> into) {
        var members = graph.groups().byGroupId(groupId).members().graphUser();
        Pages.<UserCollectionResponse, User, String>stream("members of role-assignable group " + groupId,
                link -> Calls.call("Reading members of role-assignable group " + groupId, () -> link == null
                        ? members.get(rc -> {
                            rc.queryParameters.select = new String[] {"id"};
                            rc.queryParameters.top = GraphSettings.MAX_PAGE_SIZE;
                            Calls.retry(rc, settings);
                        })
                        : members.withUrl(link).get(rc -> Calls.retry(rc, settings))),
                UserCollectionResponse::getValue, UserCollectionResponse::getOdataNextLink,
                (u, page, index) -> u == null || u.getId() == null ? "" : u.getId())
                .filter(id -> !id.isEmpty())
                .forEach(into::add);
    }
}
