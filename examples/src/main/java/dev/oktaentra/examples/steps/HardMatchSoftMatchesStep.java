package dev.oktaentra.examples.steps;

import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.CloudAttribute;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationException;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.Runbook;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.core.report.Counts;
import dev.oktaentra.core.validation.ValidationFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A step of your own: gives every soft-matched cloud user the ImmutableID its on-prem user yields, so Entra Connect
 * (or cloud sync) hard-matches it instead of soft-matching it.
 *
 * <p>Why: a soft match (by UPN or primary SMTP address) fails for a cloud user holding an admin role and while the
 * tenant blocks soft matching, and core's staging-export analysis reports each soft-matching add as an unexpected
 * add. A hard match on the anchor has neither problem. Only cloud-managed users are written (Graph cannot change a
 * synced one); a synced soft match becomes an instruction.
 *
 * <pre>{@code
 * Runbook runbook = HardMatchSoftMatchesStep.insertInto(Runbooks.connectServer());   // after validate-anchors
 * Plan plan = migration.plan(HardMatchSoftMatchesStep.ID);                           // dry run, as any step
 * migration.apply(plan);                                                              // journaled, compare-and-set
 * migration.verify(HardMatchSoftMatchesStep.ID);
 * }</pre>
 */
public final class HardMatchSoftMatchesStep extends BaseMigrationStep {

    /** The step's id. */
    public static final String ID = "hard-match-soft-matches";
    /** The step it follows in {@link #insertInto(Runbook)}. */
    public static final String AFTER = "validate-anchors";

    /** A new step. */
    public HardMatchSoftMatchesStep() {
        super(ID, "Set the ImmutableID of soft-matched cloud users (hard match instead)", StepKind.AUTOMATED);
    }

    /**
     * The runbook with this step after {@value #AFTER}, keeping its name, e.g. for {@link Runbooks#connectServer()}.
     *
     * @param runbook a runbook that has a {@value #AFTER} step
     * @return a new runbook
     * @throws IllegalArgumentException when the runbook has no {@value #AFTER} step
     */
    public static Runbook insertInto(Runbook runbook) {
        if (runbook.steps().stream().noneMatch(step -> step.id().equals(AFTER))) {
            throw new IllegalArgumentException("Runbook " + runbook.name() + " has no step " + AFTER
                    + " to put " + ID + " after");
        }
        return runbook.withStepAfter(AFTER, new HardMatchSoftMatchesStep());
    }

    @Override
    public List<StepFinding> assess(MigrationContext ctx) {
        Plan plan = plan(ctx);
        List<StepFinding> findings = new ArrayList<>();
        findings.add(StepFinding.info(Counts.of(plan.changes().size(), "soft match", "soft matches")
                + " to turn into hard matches."));
        plan.instructions().forEach(i -> findings.add(StepFinding.warning(i)));
        return findings;
    }

    @Override
    public Plan plan(MigrationContext ctx) {
        // With either side empty there is no soft match, and an empty plan would look like a finished job.
        ctx.validation().emptySide().ifPresent(reason -> {
            throw new MigrationException("Step " + ID + ": " + reason + " Nothing was planned.");
        });
        List<Change> changes = new ArrayList<>();
        List<String> instructions = new ArrayList<>();
        try (Stream<ValidationFinding> findings = ctx.validation().findings()) {
            findings.filter(f -> f.outcome() == MatchOutcome.SOFT_MATCH_ONLY).forEach(f -> {
                if (f.cloudSynced()) {
                    instructions.add(f.cloudUserPrincipalName() + " is synced from AD already, so Graph cannot set "
                            + "its ImmutableID; check that its on-prem object is " + f.distinguishedName() + ".");
                } else if (f.cloudId() != null && f.expectedImmutableId() != null) {
                    changes.add(CloudAttribute.immutableId(f.cloudId(), f.cloudImmutableId(),
                            f.expectedImmutableId(), "SOFT_MATCH_ONLY" + (f.holdsAdminRole() ? " (admin role)" : "")
                                    + ": " + f.userPrincipalName() + " -> " + f.cloudUserPrincipalName()));
                }
            });
        }
        return plan(ctx, changes, instructions);
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        Optional<String> empty = ctx.validation().emptySide();
        if (empty.isPresent()) {
            return VerifyResult.failed(List.of(StepFinding.error(empty.get())));
        }
        long left = ctx.validation().counts().get(MatchOutcome.SOFT_MATCH_ONLY);
        return left == 0 ? VerifyResult.passed(List.of(StepFinding.info("No soft match is left: every pair "
                + "hard-matches on the anchor.")))
                : VerifyResult.failed(List.of(StepFinding.error(Counts.of(left, "soft match is", "soft matches are")
                        + " left: plan this step again.")));
    }
}
