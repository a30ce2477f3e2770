package dev.oktaentra.examples.cli;

import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code plan STEP}: a dry run. Works out what the step would write and what a person must do, records the plan in
 * the journal for review, and prints it with the exact {@code apply} command (its id and checksum). Nothing is
 * written to any directory.
 */
@Command(name = "plan", sortOptions = false,
        description = {"Dry run: records and prints what a step would write, with the plan's id and checksum.",
            "Works out what a step would write (each change with its before and after values "
                + "and the reason) and what a person must do, records the plan in the journal, and prints it with "
                + "its id and checksum. Nothing is written to any directory.",
            "Apply exactly this plan with 'oktaentra apply STEP --plan-id ID --checksum SUM'."},
        footer = {"", "Steps of connect-server: " + Steps.CONNECT_SERVER, "Steps of cloud-sync: " + Steps.CLOUD_SYNC,
            "", "Example:", "  oktaentra plan remediate-anchors --config oktaentra.json --out plans"})
final class PlanCommand extends MigrationCommand {

    @Parameters(index = "0", paramLabel = "STEP", description = "The step's id, e.g. remediate-anchors.")
    String stepId;

    @Mixin
    PlanOutput output;

    @Override
    Exit run() throws Exception {
        try (Session session = connected()) {
            MigrationStep step = session.migration().runbook().step(stepId);
            Plan plan = session.migration().plan(stepId);
            output.show(this, config().runbookName(), step, plan);
            return Exit.CLEAN;
        }
    }
}
