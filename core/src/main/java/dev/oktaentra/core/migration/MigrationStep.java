package dev.oktaentra.core.migration;

import java.util.List;

/**
 * One step of a migration runbook, in the manner of Flyway's migrations but with dry runs free:
 * {@link #assess} and {@link #plan} never write, {@link #apply} writes only the reviewed plan, {@link #verify}
 * checks the goal. Extend {@link BaseMigrationStep} rather than implementing this directly.
 */
public interface MigrationStep {

    /**
     * A stable id, used in the journal and on the command line, e.g. {@code remediate-anchors}.
     *
     * @return the id
     */
    String id();

    /**
     * A title for people.
     *
     * @return the title
     */
    String title();

    /**
     * How the work gets done.
     *
     * @return the kind
     */
    StepKind kind();

    /**
     * Looks at the current state and says what matters for this step. Writes nothing.
     *
     * @param ctx the context
     * @return the findings
     */
    List<StepFinding> assess(MigrationContext ctx);

    /**
     * Works out the changes (and instructions) the step would make now. Writes nothing; the runbook records the
     * plan in the journal for review.
     *
     * @param ctx the context
     * @return the plan
     */
    Plan plan(MigrationContext ctx);

    /**
     * Applies a reviewed plan. The runbook has already checked the plan's id, checksum, threshold and freshness.
     *
     * @param ctx the context
     * @param plan the reviewed plan
     * @return what was written
     */
    ApplyResult apply(MigrationContext ctx, Plan plan);

    /**
     * Checks that the step's goal holds now.
     *
     * @param ctx the context
     * @return the verdict with its findings
     */
    VerifyResult verify(MigrationContext ctx);
}
