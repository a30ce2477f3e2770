package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationException;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.validation.EmptySide;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the steps apply {@link EmptySide}: a step that reads a side which came back empty fails with that reason,
 * a plan is refused before anything is recorded, a verification is failed (and so recorded as FAILED).
 */
final class EmptySides {

    private EmptySides() {
    }

    /** The reason the context's validation cannot be trusted, if a side it read was empty. */
    static Optional<String> inValidation(MigrationContext ctx) {
        return ctx.validation().emptySide();
    }

    /** Refuses to plan a step over an empty side. */
    static void requireForPlan(MigrationContext ctx, String step) {
        inValidation(ctx).ifPresent(reason -> {
            throw new MigrationException("Step " + step + ": " + reason + " Nothing was planned.");
        });
    }

    /** A failed verdict: the findings so far, then the reason. */
    static VerifyResult failed(List<StepFinding> findings, String reason) {
        List<StepFinding> all = new ArrayList<>(findings);
        all.add(StepFinding.error(reason));
        return VerifyResult.failed(all);
    }
}
