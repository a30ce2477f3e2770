package dev.oktaentra.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.VerifyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code verify STEP}: checks the step's goal against the directories as they are now and records the verdict. */
@Command(name = "verify", sortOptions = false,
        description = {"Checks that a step's goal holds now and records the verdict.",
            "Reads the directories as they are now (CHECK steps such as detect-anchor do all their work here), "
                + "records the verdict in the journal and prints what was seen. Writes nothing to any "
                + "directory."},
        footer = {"", "Exit code 1 when the verification fails.", "Example:",
            "  oktaentra verify detect-anchor --config oktaentra.json"})
final class VerifyCommand extends MigrationCommand {

    @Parameters(index = "0", paramLabel = "STEP", description = "The step to verify.")
    String stepId;

    @Mixin
    JsonOption json;

    @Override
    Exit run() throws Exception {
        try (Session session = connected()) {
            MigrationStep step = session.migration().runbook().step(stepId);
            VerifyResult result = session.migration().verify(stepId);
            MigrationStep next = session.migration().runbook().after(stepId).orElse(null);
            if (json.enabled) {
                ObjectNode root = JsonOption.mapper().createObjectNode();
                root.put("step", stepId);
                root.put("passed", result.passed());
                ArrayNode findings = root.putArray("findings");
                result.findings().forEach(f -> findings.addObject().put("severity", f.severity().name())
                        .put("message", f.message()));
                root.put("replanStep", result.replanStep());
                root.put("nextStep", result.passed() && next != null ? next.id() : null);
                JsonOption.print(out(), root);
            } else {
                printText(step, result, next);
            }
            return result.passed() ? Exit.CLEAN : Exit.ATTENTION;
        }
    }

    private void printText(MigrationStep step, VerifyResult result, MigrationStep next) {
        out().println("Step " + step.id() + " (" + step.title() + ", " + step.kind() + "): "
                + (result.passed() ? "PASSED" : "FAILED"));
        for (StepFinding f : result.findings()) {
            out().println("  " + String.format("%-7s", f.severity()) + " " + f.message());
        }
        if (result.replanStep() != null) {
            out().println();
            out().println("Plan " + result.replanStep() + " again: " + suggest("plan " + result.replanStep()));
        } else if (result.passed() && next != null) {
            out().println();
            out().println("Next step: " + next.id() + " (" + next.title() + ", " + next.kind() + "): "
                    + nextCommand(next));
        }
    }
}
