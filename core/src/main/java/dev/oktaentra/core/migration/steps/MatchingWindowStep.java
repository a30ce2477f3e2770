package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.JournalEntry;
import dev.oktaentra.core.migration.ObjectIdentifierAllowance;
import dev.oktaentra.core.migration.MatchGuards;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.core.tenant.TenantSync;
import dev.oktaentra.core.tenant.TenantSyncState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens or closes the matching window: Microsoft advises keeping the tenant's soft-match and hard-match-takeover
 * guards on, and switching them off only while the sync takes the users over.
 *
 * <p>Where a paired cloud user already holds an {@code onPremisesObjectIdentifier}, the tenant's temporary allowance
 * {@code allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled} joins the guards ({@link ObjectIdentifierAllowance}):
 * the open turns it on (its value before journaled), its verification checks it, and the close sets it back to the
 * value the open found. Without the allowance Entra ID refuses to remap such a user ("Remap blocked
 * (AttributeUpdateNotAllowed)", https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant,
 * "Hard match scenarios and recovery paths"); it is "disabled by default" and meant to be temporary (same page), so it
 * is open no longer than the guards are.
 */
final class MatchingWindowStep extends BaseMigrationStep {

    /** The id of the step that opens the window; {@code verify-cutover} lists the users created since. */
    static final String OPEN_ID = "open-matching-window";

    private final MatchBlocks wanted;
    private final boolean opens;

    private MatchingWindowStep(String id, String title, MatchBlocks wanted) {
        super(id, title, StepKind.AUTOMATED);
        this.wanted = wanted;
        this.opens = id.equals(OPEN_ID);
    }

    static MatchingWindowStep open() {
        return new MatchingWindowStep(OPEN_ID, "Open the matching window (guards off)",
                MatchBlocks.OPEN);
    }

    static MatchingWindowStep close() {
        return new MatchingWindowStep("close-matching-window", "Close the matching window (guards on)",
                MatchBlocks.CLOSED);
    }

    private TenantSync tenant(MigrationContext ctx) {
        return MigrationContext.require(ctx.tenant(), "the tenant controls", id());
    }

    @Override
    public Plan plan(MigrationContext ctx) {
        TenantSyncState state = tenant(ctx).state();
        MatchBlocks now = state.matchBlocks();
        List<Change> changes = new ArrayList<>();
        if (!now.equals(wanted)) {
            changes.add(MatchGuards.change(now, wanted, title()));
        }
        boolean allowance = state.features().allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled();
        Optional<Boolean> wantedAllowance = wantedAllowance(ctx);
        if (wantedAllowance.isPresent() && wantedAllowance.get() != allowance) {
            changes.add(ObjectIdentifierAllowance.change(allowance, wantedAllowance.get(), opens
                    ? "paired cloud users hold an onPremisesObjectIdentifier: allow its update for the matching window"
                    : "close the onPremisesObjectIdentifier allowance the matching window opened"));
        }
        return plan(ctx, changes, List.of());
    }

    /**
     * The allowance this step wants: on when opening and a paired cloud user holds an onPremisesObjectIdentifier;
     * when closing, the value the open found (as journaled), if the open changed it; else none.
     */
    private Optional<Boolean> wantedAllowance(MigrationContext ctx) {
        if (opens) {
            if (ctx.cloud().isEmpty() || ctx.onPrem().isEmpty()) {
                return Optional.empty();
            }
            boolean needed = !PairedCloudUsers.where(ctx, id(), u -> u.onPremisesObjectIdentifier() != null)
                    .isEmpty();
            return needed ? Optional.of(true) : Optional.empty();
        }
        Optional<Boolean> before = Optional.empty();
        for (JournalEntry e : ctx.journal().entries()) {
            if (OPEN_ID.equals(e.step()) && e.type() == JournalEntry.Type.CHANGE_APPLIED && e.change() != null
                    && e.change().kind() == ObjectIdentifierAllowance.KIND) {
                before = Optional.of(Boolean.parseBoolean(e.change().before()));
            }
        }
        return before;
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        TenantSyncState state = tenant(ctx).state();
        MatchBlocks now = state.matchBlocks();
        String text = "Guards: " + MatchGuards.text(now);
        List<StepFinding> findings = new ArrayList<>();
        boolean ok = now.equals(wanted);
        findings.add(ok ? StepFinding.info(text) : StepFinding.error(text + "; expected " + MatchGuards.text(wanted)));
        boolean allowance = state.features().allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled();
        Optional<Boolean> wantedAllowance = wantedAllowance(ctx);
        String allowed = ObjectIdentifierAllowance.ATTRIBUTE + "=" + allowance;
        if (wantedAllowance.isPresent() && wantedAllowance.get() != allowance) {
            ok = false;
            findings.add(StepFinding.error(allowed + "; expected " + wantedAllowance.get()));
        } else if (wantedAllowance.isPresent()) {
            findings.add(StepFinding.info(allowed));
        }
        return ok ? VerifyResult.passed(findings) : VerifyResult.failed(findings);
    }
}
