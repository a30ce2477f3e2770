package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.DirectoryRoleChange;
import dev.oktaentra.core.migration.JournalEntry;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.tenant.DirectoryRoles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After the cutover: assign again every role {@code release-role-holders} removed ("Reassign the privileged role or
 * restore the eligibility.", https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant,
 * "Fix a hard match blocked by a privileged role"). The plan is the inverse of each removal the journal shows written,
 * with the eligibility's expiration as it was; the step passes when each role is held again. When the roles were
 * removed by hand (the default), the plan tells a person to restore them.
 */
final class RestoreRoleHoldersStep extends BaseMigrationStep {

    RestoreRoleHoldersStep() {
        super("restore-role-holders", "Restore the roles removed for the matching window", StepKind.AUTOMATED);
    }

    /** The removals the journal shows written by release-role-holders, one per slot, latest first wins. */
    private static List<Change> removals(MigrationContext ctx) {
        Map<String, Change> removed = new LinkedHashMap<>();
        for (JournalEntry e : ctx.journal().entries()) {
            if (ReleaseRoleHoldersStep.ID.equals(e.step()) && e.type() == JournalEntry.Type.CHANGE_APPLIED
                    && e.change() != null && e.change().kind() == DirectoryRoleChange.KIND) {
                String slot = e.change().target() + " " + e.change().attribute();
                if (e.change().after() == null) {
                    removed.put(slot, e.change());
                } else {
                    removed.remove(slot);   // a rollback of the release restored it already
                }
            }
        }
        return List.copyOf(removed.values());
    }

    @Override
    public Plan plan(MigrationContext ctx) {
        List<Change> removed = removals(ctx);
        if (removed.isEmpty()) {
            return plan(ctx, List.of(), List.of("Assign again every role removed by hand for the matching window "
                    + "(release-role-holders listed them), with its scope and, for an eligibility, its expiration."));
        }
        List<Change> changes = new ArrayList<>();
        for (Change change : removed) {
            changes.add(change.kind().inverse(change, "restore after the cutover: " + change.reason()));
        }
        return plan(ctx, changes, List.of());
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        List<Change> removed = removals(ctx);
        if (removed.isEmpty()) {
            return VerifyResult.passed(List.of(StepFinding.info("The library removed no role; nothing to check.")));
        }
        DirectoryRoles roles = MigrationContext.require(ctx.tenant().flatMap(t -> t.directoryRoles()),
                "the tenant's directory roles", id());
        List<StepFinding> findings = new ArrayList<>();
        boolean ok = true;
        for (Change change : removed) {
            boolean held = DirectoryRoleChange.holds(roles, change);
            ok &= held;
            String text = change.target() + " " + change.attribute() + (held ? ": held again" : ": not held");
            findings.add(held ? StepFinding.info(text) : StepFinding.error(text));
        }
        return ok ? VerifyResult.passed(findings) : VerifyResult.failed(findings);
    }
}
