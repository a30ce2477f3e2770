package dev.oktaentra.core.tenant;

import java.time.Instant;
import java.util.Objects;

/**
 * One directory role a user holds: an active assignment ({@code roleManagement/directory/roleAssignments}) or a
 * Privileged Identity Management eligibility ({@code roleManagement/directory/roleEligibilitySchedules}). Either
 * blocks a hard match since 2026 ("The cloud account is assigned a privileged Microsoft Entra role." / "The cloud
 * account is eligible for a privileged Microsoft Entra role.",
 * https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant, "Hard match
 * security protections").
 *
 * @param kind active or eligible
 * @param id the assignment's or schedule's id, or {@code null} when not known (a restored one gets a new id)
 * @param principalId the user's object id
 * @param roleDefinitionId the role
 * @param roleName the role's display name, or {@code null} when Graph did not give it
 * @param directoryScopeId the scope, {@code /} for the tenant (an administrative unit's otherwise)
 * @param end when an eligibility expires, or {@code null} for never (and for active assignments)
 */
public record RoleAssignment(Kind kind, String id, String principalId, String roleDefinitionId, String roleName,
        String directoryScopeId, Instant end) {

    /** Whether the role is held now or only eligible. */
    public enum Kind {
        /** An active assignment. */
        ACTIVE,
        /** A PIM eligibility. */
        ELIGIBLE
    }

    /**
     * Checks the required components.
     *
     * @param kind active or eligible
     * @param id the id, or {@code null}
     * @param principalId the user's object id
     * @param roleDefinitionId the role
     * @param roleName the role's name, or {@code null}
     * @param directoryScopeId the scope; {@code null} reads as {@code /}
     * @param end when an eligibility expires, or {@code null}
     */
    public RoleAssignment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(roleDefinitionId, "roleDefinitionId");
        directoryScopeId = directoryScopeId == null || directoryScopeId.isBlank() ? "/" : directoryScopeId;
    }

    /**
     * Whether this is the same role slot as another: same kind, principal, role and scope (ids differ once
     * restored).
     *
     * @param other another assignment
     * @return true when the slot is the same
     */
    public boolean sameSlot(RoleAssignment other) {
        return kind == other.kind && principalId.equals(other.principalId)
                && roleDefinitionId.equalsIgnoreCase(other.roleDefinitionId)
                && directoryScopeId.equals(other.directoryScopeId);
    }

    /**
     * The role for people.
     *
     * @return e.g. {@code eligible for User Administrator (fe930be7-…) at /}
     */
    public String describe() {
        return (kind == Kind.ACTIVE ? "active " : "eligible for ") + (roleName == null ? roleDefinitionId
                : roleName + " (" + roleDefinitionId + ")") + " at " + directoryScopeId
                + (end == null ? "" : " until " + end) + (id == null ? "" : ", assignment " + id);
    }
}
