package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.MatchGuards;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.core.tenant.TenantSync;
import java.util.List;

/**
 * Opens or closes the matching window: Microsoft advises keeping the tenant's soft-match and hard-match-takeover
 * guards on, and switching them off only while the sync takes the users over.
 */
final class MatchingWindowStep extends BaseMigrationStep {

    /** The id of the step that opens the window; {@code verify-cutover} lists the users created since. */
    static final String OPEN_ID = "open-matching-window";

    private final MatchBlocks wanted;

    private MatchingWindowStep(String id, String title, MatchBlocks wanted) {
        super(id, title, StepKind.AUTOMATED);
        this.wanted = wanted;
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
        MatchBlocks now = tenant(ctx).state().matchBlocks();
        if (now.equals(wanted)) {
            return plan(ctx, List.of(), List.of());
        }
        return plan(ctx, List.of(MatchGuards.change(now, wanted, title())), List.of());
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        MatchBlocks now = tenant(ctx).state().matchBlocks();
        String text = "Guards: " + MatchGuards.text(now);
        return now.equals(wanted) ? VerifyResult.passed(List.of(StepFinding.info(text)))
                : VerifyResult.failed(List.of(StepFinding.error(text + "; expected "
                        + MatchGuards.text(wanted))));
    }
}
