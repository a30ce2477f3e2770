package dev.oktaentra.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.migration.ApplyResult;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.TargetSystem;
import dev.oktaentra.core.migration.ThresholdExceededException;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code apply STEP --plan-id ID --checksum SUM}: writes exactly the plan a person reviewed. Refuses an unknown,
 * superseded or altered plan, one above the change threshold, and one the directories have moved away from.
 * Exit 1 when not every change was written.
 */
@Command(name = "apply", sortOptions = false,
        description = {"Writes exactly the plan you reviewed, identified by its id and checksum.",
            "The id and checksum are printed by plan and rollback. Every write is compare-and-set and journaled "
                + "with its before-value.",
            "Refused, with nothing written: an unknown or superseded plan, a checksum that does not match, a plan "
                + "above options.maxWritesPerStep (default 500), or a plan the directories have moved away from "
                + "(plan again). Run it again after a crash: changes already written are skipped."},
        footer = {"", "Exit code 1 when some change was not written (a conflict, a refusal, a failure); the journal "
                + "has each one.", "Example:",
            "  oktaentra apply remediate-anchors --plan-id 0b6c… --checksum 9f2e…"})
final class ApplyCommand extends MigrationCommand {

    @Parameters(index = "0", paramLabel = "STEP", description = "The step whose plan to apply.")
    String stepId;

    @Option(names = "--plan-id", required = true, paramLabel = "ID", description = "The plan's id, as printed by plan.")
    String planId;

    @Option(names = "--checksum", required = true, paramLabel = "SUM",
            description = "The plan's checksum, as printed by plan: proves you apply what you reviewed.")
    String checksum;

    @Mixin
    JsonOption json;

    @Override
    Exit run() throws Exception {
        try (Session session = connected()) {
            MigrationStep step = session.migration().runbook().step(stepId);
            Plan reviewed = recorded(session);
            if (reviewed != null) {
                // Refuse before anything is journaled: a plan that cannot be written at all is a configuration error.
                for (TargetSystem system : reviewed.changes().stream().map(Change::system).distinct().toList()) {
                    Optional<String> missing = session.ports().cannotWrite(system);
                    if (missing.isPresent()) {
                        error("plan " + planId + " writes to " + system + ", but in " + configFile + " "
                                + missing.get() + ". Nothing was written");
                        return Exit.INPUT_ERROR;
                    }
                }
            }
            ApplyResult result;
            try {
                result = session.migration().apply(stepId, planId, checksum);
            } catch (ThresholdExceededException e) {
                error(e.getMessage() + ". In the configuration: \"options\": {\"maxWritesPerStep\": N}");
                return Exit.INPUT_ERROR;
            }
            Plan plan = recorded(session);
            if (json.enabled) {
                printJson(result);
            } else {
                printText(step, plan, result);
            }
            return result.complete() ? Exit.CLEAN : Exit.ATTENTION;
        }
    }

    /** The plan with this id as the journal recorded it, or {@code null}; {@code apply} says why it is unknown. */
    private Plan recorded(Session session) {
        return session.migration().journal().entries().stream()
                .filter(e -> e.plan() != null && e.plan().id().equals(planId)).map(e -> e.plan())
                .findFirst().orElse(null);
    }

    private void printText(MigrationStep step, Plan plan, ApplyResult result) {
        out().println("Applied plan " + result.planId() + " of step " + step.id() + ": "
                + TextTable.count(result.applied()) + " written, " + TextTable.count(result.alreadyApplied())
                + " found already written, " + TextTable.count(result.skipped()) + " skipped (written by an earlier "
                + "run), " + TextTable.count(result.failures().size()) + " not written.");
        if (!result.failures().isEmpty()) {
            out().println();
            out().println("Not written:");
            result.failures().forEach(f -> out().println("  " + f.status() + " " + PlanView.line(f.change())
                    + (f.message() == null || f.message().isBlank() ? "" : ": " + f.message())));
        }
        out().println();
        if (result.stoppedOnConflict()) {
            out().println("Stopped at a conflict: a value changed since the plan was made, and nothing was "
                    + "overwritten. Clear the failures and plan again:");
            out().println("  " + suggest("repair --operator NAME"));
            out().println("  " + suggest("plan " + step.id()));
        } else if (!result.complete()) {
            out().println("Some changes were not written; see why above. Fix the cause, then apply again (written "
                    + "changes are skipped) or clear them with '" + suggest("repair --operator NAME") + "'.");
        } else {
            out().println("Next:");
            if (!plan.instructions().isEmpty()) {
                out().println("  " + suggest("confirm " + step.id() + " --operator NAME --note 'what was done'")
                        + "   (after doing the instructions of the plan)");
            }
            out().println("  " + suggest("verify " + step.id()));
        }
    }

    private void printJson(ApplyResult result) throws Exception {
        ObjectNode root = JsonOption.mapper().createObjectNode();
        root.put("step", stepId);
        root.put("planId", result.planId());
        root.put("complete", result.complete());
        root.put("applied", result.applied());
        root.put("alreadyApplied", result.alreadyApplied());
        root.put("skipped", result.skipped());
        root.put("stoppedOnConflict", result.stoppedOnConflict());
        ArrayNode failures = root.putArray("failures");
        for (ApplyResult.Failure f : result.failures()) {
            failures.addObject().put("status", f.status()).put("changeId", f.change().id())
                    .put("kind", f.change().kind().name()).put("system", f.change().system().name()).put("target", f.change().target())
                    .put("attribute", f.change().attribute()).put("before", f.change().before())
                    .put("after", f.change().after()).put("message", f.message());
        }
        JsonOption.print(out(), root);
    }
}
