package dev.oktaentra.core.tenant;

import java.util.List;

/**
 * The directory roles of users, read and written one assignment at a time: the port the role-holder steps use to
 * list what blocks a hard match and, when the operator opts in, to remove the roles for the matching window and
 * restore them after the cutover. Implemented over Microsoft Graph ({@code roleManagement/directory}).
 */
public interface DirectoryRoles {

    /**
     * The roles assigned to a user directly, active and eligible. Roles held through a role-assignable group are
     * not among them: removing a group's role would take it from every member.
     *
     * @param userId the user's object id
     * @return the assignments
     */
    List<RoleAssignment> of(String userId);

    /**
     * Removes an assignment: an active one by deleting it, an eligible one by an {@code adminRemove} request.
     *
     * @param assignment the assignment, as {@link #of} read it
     */
    void remove(RoleAssignment assignment);

    /**
     * Assigns a role again: an active one by creating an assignment, an eligible one by an {@code adminAssign}
     * request with its expiration.
     *
     * @param assignment the assignment to recreate; its id is ignored
     */
    void assign(RoleAssignment assignment);
}
