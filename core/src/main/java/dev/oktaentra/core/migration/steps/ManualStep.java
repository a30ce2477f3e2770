package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A step a person carries out: its plan is the exact instructions, and it is done when the person confirms.
 * Subclasses may add checks an API can make.
 */
abstract class ManualStep extends BaseMigrationStep {

    ManualStep(String id, String title) {
        super(id, title, StepKind.MANUAL);
    }

    /** The instructions, one action each, in order. */
    abstract List<String> instructions(MigrationContext ctx);

    @Override
    public List<StepFinding> assess(MigrationContext ctx) {
        return instructions(ctx).stream().map(StepFinding::info).toList();
    }

    @Override
    public Plan plan(MigrationContext ctx) {
        return plan(ctx, List.of(), instructions(ctx));
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        List<StepFinding> findings = new ArrayList<>();
        if (!ctx.journal().confirmedSinceLastPlan(id())) {
            findings.add(StepFinding.error("Not confirmed yet: follow the plan's instructions, then confirm step "
                    + id() + "."));
            return VerifyResult.failed(findings);
        }
        findings.add(StepFinding.info("Confirmed by the operator."));
        findings.addAll(checks(ctx));
        return findings.stream().anyMatch(f -> f.severity() == StepFinding.Severity.ERROR)
                ? VerifyResult.failed(findings) : VerifyResult.passed(findings);
    }

    /** Checks an API can make after the confirmation; none by default. */
    List<StepFinding> checks(MigrationContext ctx) {
        return List.of();
    }
}
