package dev.oktaentra.core.migration;

import dev.oktaentra.core.tenant.DirectoryRoles;
import dev.oktaentra.core.tenant.RoleAssignment;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A user's directory role, active or eligible, removed for the matching window or assigned again after it, through
 * the tenant's {@link DirectoryRoles}, one at a time and compare-and-set. The target is the user's object id; the
 * attribute names the slot ({@code activeRole:<roleDefinitionId>@<scope>} or {@code eligibleRole:…}); a value is
 * {@value #ASSIGNED} (with {@code  until <instant>} for an eligibility that expires) or {@code null} for none. Undone
 * by the same slot back, so the restore after the cutover is the inverse of the removal.
 *
 * <p>Why: since 2026 "A hard match can be blocked when … The cloud account is assigned a privileged Microsoft Entra
 * role. - The cloud account is eligible for a privileged Microsoft Entra role.", and the recovery is "Temporarily
 * remove the role, complete the hard match, then reassign it." / "Temporarily remove the eligibility, complete the
 * hard match, then restore it."
 * (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant, "Hard match
 * security protections" and "Hard match scenarios and recovery paths"; message center MC1262584 for held roles of
 * any kind). Writes: {@code DELETE}/{@code POST roleManagement/directory/roleAssignments}
 * (https://learn.microsoft.com/graph/api/unifiedroleassignment-delete,
 * https://learn.microsoft.com/graph/api/rbacapplication-post-roleassignments) and {@code POST
 * roleManagement/directory/roleEligibilityScheduleRequests} with {@code adminRemove} / {@code adminAssign}
 * (https://learn.microsoft.com/graph/api/rbacapplication-post-roleeligibilityschedulerequests).
 */
public final class DirectoryRoleChange extends OneByOneKind<DirectoryRoles> {

    /** The kind. */
    public static final DirectoryRoleChange KIND = new DirectoryRoleChange();

    /** The value of a slot that holds the role. */
    public static final String ASSIGNED = "assigned";

    private static final String UNTIL = " until ";

    private DirectoryRoleChange() {
        super("directoryRole", TargetSystem.CLOUD, (ctx, step) -> MigrationContext.require(
                MigrationContext.require(ctx.tenant(), "the tenant controls", step).directoryRoles(),
                "the tenant's directory roles", step));
    }

    /**
     * The removal of a role for the matching window.
     *
     * @param held the assignment as read
     * @param reason why, for people
     * @return the change
     */
    public static Change remove(RoleAssignment held, String reason) {
        return Change.of(KIND, held.principalId(), attribute(held), value(held), null, reason);
    }

    /**
     * The slot a role occupies.
     *
     * @param role the assignment
     * @return e.g. {@code eligibleRole:fe930be7-5e62-47db-91af-98c3a49a38b1@/}
     */
    public static String attribute(RoleAssignment role) {
        return (role.kind() == RoleAssignment.Kind.ACTIVE ? "activeRole:" : "eligibleRole:")
                + role.roleDefinitionId() + "@" + role.directoryScopeId();
    }

    private static String value(RoleAssignment role) {
        return role.end() == null ? ASSIGNED : ASSIGNED + UNTIL + role.end();
    }

    /** The assignment a change's slot and value describe. */
    static RoleAssignment slot(Change change, String value) {
        String attribute = change.attribute();
        int colon = attribute.indexOf(':');
        int at = attribute.indexOf('@', colon + 1);
        if (colon < 0 || at < 0) {
            throw new IllegalArgumentException("Not a directoryRole slot: " + attribute);
        }
        RoleAssignment.Kind kind = switch (attribute.substring(0, colon)) {
            case "activeRole" -> RoleAssignment.Kind.ACTIVE;
            case "eligibleRole" -> RoleAssignment.Kind.ELIGIBLE;
            default -> throw new IllegalArgumentException("Not a directoryRole slot: " + attribute);
        };
        Instant end = null;
        if (value != null && value.startsWith(ASSIGNED + UNTIL)) {
            try {
                end = Instant.parse(value.substring((ASSIGNED + UNTIL).length()).strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Not a directoryRole value: " + value, e);
            }
        }
        return new RoleAssignment(kind, null, change.target(), attribute.substring(colon + 1, at), null,
                attribute.substring(at + 1), end);
    }

    private static Optional<RoleAssignment> now(DirectoryRoles roles, Change change) {
        RoleAssignment slot = slot(change, null);
        return roles.of(change.target()).stream().filter(slot::sameSlot).findFirst();
    }

    /**
     * Whether the slot a change names is held now.
     *
     * @param roles the port
     * @param change a change of this kind
     * @return true when the user holds the role in that slot
     */
    public static boolean holds(DirectoryRoles roles, Change change) {
        return now(roles, change).isPresent();
    }

    @Override
    ChangeResult apply(DirectoryRoles roles, Change change) {
        Optional<RoleAssignment> held = now(roles, change);
        String now = held.map(DirectoryRoleChange::value).orElse(null);
        if ((now == null) == (change.after() == null)) {
            return ChangeResult.alreadyApplied(change, now);
        }
        if (change.after() == null) {
            roles.remove(held.get());
        } else {
            roles.assign(slot(change, change.after()));
        }
        return ChangeResult.applied(change, now);
    }

    @Override
    ReadBack read(DirectoryRoles roles, Change change) {
        return ReadBack.of(now(roles, change).map(DirectoryRoleChange::value).orElse(null));
    }
}
