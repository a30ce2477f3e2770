package dev.oktaentra.examples.cli;

import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code rollback STEP}: plans the inverse of every change of the step that stands, from the journal's
 * before-values, and records it like any plan. Nothing is written until it is applied by id and checksum.
 */
@Command(name = "rollback", sortOptions = false,
        description = {"Plans the undoing of a step from the journal's before-values.",
            "The plan holds the inverse of every change of the step that still stands, newest first, "
                + "from the before-values in the journal. Changes that cannot be undone through an API become "
                + "instructions. The plan is recorded like any other; nothing is written until you apply it.",
            "Reads only the journal: no directory is contacted and no secret is needed."},
        footer = {"", "Example:", "  oktaentra rollback remediate-anchors",
            "  oktaentra apply remediate-anchors --plan-id ID --checksum SUM"})
final class RollbackCommand extends MigrationCommand {

    @Parameters(index = "0", paramLabel = "STEP", description = "The step to undo.")
    String stepId;

    @Mixin
    PlanOutput output;

    @Override
    Exit run() throws Exception {
        try (Session session = journalOnly()) {
            MigrationStep step = session.migration().runbook().step(stepId);
            Plan plan = session.migration().rollback(stepId);
            output.show(this, config().runbookName(), step, plan);
            return Exit.CLEAN;
        }
    }
}
