package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.DirectoryRoleChange;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.tenant.DirectoryRoles;
import dev.oktaentra.core.tenant.RoleAssignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Before the sync engine takes the users over: list the paired cloud users who hold a directory role, active or
 * eligible, with each role and assignment, since Entra ID blocks the hard match of such a user ("The cloud account is
 * assigned a privileged Microsoft Entra role." / "The cloud account is eligible for a privileged Microsoft Entra
 * role.", https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant, "Hard match
 * security protections"; MC1262584 says any Entra role, so every role counts here). The recovery Microsoft gives is
 * to remove the role or eligibility, complete the hard match, then restore it (same page, "Hard match scenarios and
 * recovery paths"; "Don't leave privileged access removed longer than necessary").
 *
 * <p>By default the plan is an instruction to do so by hand. With {@link
 * dev.oktaentra.core.migration.MigrationOptions#removeRoleHolders()} the plan removes every direct assignment as a
 * journaled, reversible {@link DirectoryRoleChange}, and {@code restore-role-holders} assigns them again after the
 * cutover. A role held through a role-assignable group is never removed by the library (it would be taken from every
 * member): the plan tells a person to take the user out of the group for the window. The step passes only when no
 * paired cloud user holds a role any more: a role left in place would stop that user's match.
 */
final class ReleaseRoleHoldersStep extends BaseMigrationStep {

    static final String ID = "release-role-holders";

    ReleaseRoleHoldersStep() {
        super(ID, "Remove the paired cloud users' roles for the matching window", StepKind.AUTOMATED);
    }

    @Override
    public Plan plan(MigrationContext ctx) {
        EmptySides.requireForPlan(ctx, id());
        Optional<DirectoryRoles> roles = ctx.tenant().flatMap(t -> t.directoryRoles());
        boolean remove = ctx.options().removeRoleHolders();
        if (remove && roles.isEmpty()) {
            MigrationContext.require(roles, "the tenant's directory roles (to remove them, as opted in)", id());
        }
        List<Change> changes = new ArrayList<>();
        List<String> instructions = new ArrayList<>();
        for (PairedCloudUsers.Pair pair : PairedCloudUsers.where(ctx, id(), PairedCloudUsers::holdsRole)) {
            String who = "Cloud user " + pair.user().userPrincipalName() + " (" + pair.user().id() + "), paired with "
                    + pair.distinguishedName();
            List<RoleAssignment> direct = roles.map(r -> r.of(pair.user().id())).orElse(List.of());
            for (RoleAssignment role : direct) {
                if (remove) {
                    changes.add(DirectoryRoleChange.remove(role, "hard match blocked while "
                            + pair.user().userPrincipalName() + " is " + role.describe()));
                } else {
                    instructions.add(who + " is " + role.describe() + ": remove it for the matching window (Entra "
                            + "ID will not hard-match the user while it stands) and assign it again after the "
                            + "cutover.");
                }
            }
            boolean active = direct.stream().anyMatch(r -> r.kind() == RoleAssignment.Kind.ACTIVE);
            boolean eligible = direct.stream().anyMatch(r -> r.kind() == RoleAssignment.Kind.ELIGIBLE);
            if (pair.user().holdsAdminRole() && !active || pair.user().eligibleForAdminRole() && !eligible) {
                instructions.add(who + (roles.isEmpty() ? " holds a directory role (its assignments could not be "
                        + "read here)" : " holds a directory role through a role-assignable group") + ": remove it "
                        + "(or the user from the group) for the matching window and restore it after the cutover.");
            }
        }
        return plan(ctx, changes, instructions);
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        List<StepFinding> findings = new ArrayList<>();
        Optional<DirectoryRoles> roles = ctx.tenant().flatMap(t -> t.directoryRoles());
        for (PairedCloudUsers.Pair pair : PairedCloudUsers.where(ctx, id(), u -> true)) {
            List<RoleAssignment> held = roles.map(r -> r.of(pair.user().id())).orElse(List.of());
            if (!held.isEmpty() || PairedCloudUsers.holdsRole(pair.user())) {
                findings.add(StepFinding.error("Cloud user " + pair.user().userPrincipalName() + " still holds "
                        + (held.isEmpty() ? "a directory role" : held.stream().map(RoleAssignment::describe)
                                .toList()) + ": Entra ID will not hard-match it."));
            }
        }
        if (findings.isEmpty()) {
            return VerifyResult.passed(List.of(StepFinding.info("No paired cloud user holds a directory role.")));
        }
        return VerifyResult.failed(findings);
    }
}
