package dev.oktaentra.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.report.ExcelSafeCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded plan for a person (one line per change, the instructions, and the exact command that applies it), as
 * JSON, and as files ({@code plan-STEP.json}, {@code plan-STEP.csv}) for review in an editor or Excel.
 */
final class PlanView {

    private final String runbook;
    private final MigrationStep step;
    private final Plan plan;
    private final List<String> next;

    PlanView(String runbook, MigrationStep step, Plan plan, MigrationCommand command) {
        this.runbook = runbook;
        this.step = step;
        this.plan = plan;
        this.next = next(command);
    }

    /** The commands that follow a plan, in order. */
    private List<String> next(MigrationCommand command) {
        List<String> commands = new ArrayList<>();
        if (step.kind() == StepKind.CHECK && !plan.rollback()) {
            commands.add(command.suggest("verify " + step.id()));
            return commands;
        }
        if (!plan.isEmpty() || step.kind() == StepKind.AUTOMATED) {
            commands.add(command.suggest("apply " + step.id() + " --plan-id " + plan.id() + " --checksum "
                    + plan.checksum()));
        }
        if (!plan.instructions().isEmpty() || step.kind() == StepKind.MANUAL) {
            commands.add(command.suggest("confirm " + step.id() + " --operator NAME --note 'what was done'"));
        }
        commands.add(command.suggest("verify " + step.id()));
        return commands;
    }

    void printText(PrintWriter out, int maxChanges) {
        out.println((plan.rollback() ? "Rollback plan " : "Plan ") + plan.id() + " of step " + step.id() + " ("
                + step.title() + ", " + step.kind() + "): " + TextTable.count(plan.changes().size()) + " change"
                + (plan.changes().size() == 1 ? "" : "s") + ".");
        out.println("Checksum " + plan.checksum());
        if (!plan.isEmpty()) {
            out.println();
            int shown = Math.min(maxChanges, plan.changes().size());
            for (int i = 0; i < shown; i++) {
                out.println("  " + line(plan.changes().get(i)));
            }
            if (shown < plan.changes().size()) {
                out.println("  … and " + TextTable.count(plan.changes().size() - shown) + " more; write every "
                        + "change to a file with --out DIR");
            }
        }
        if (!plan.instructions().isEmpty()) {
            out.println();
            out.println("A person must:");
            plan.instructions().forEach(i -> out.println("  - " + i));
        }
        out.println();
        out.println(step.kind() == StepKind.CHECK && !plan.rollback()
                ? step.id() + " only checks; it writes nothing. Next:"
                : "Nothing was written (dry run). Review the plan, then:");
        next.forEach(c -> out.println("  " + c));
    }

    /** {@code [CLOUD] onPremisesImmutableId of id-1: 'a' -> 'b'  (why)}. */
    static String line(Change c) {
        return "[" + c.system() + "] " + c.attribute() + " of " + c.target() + ": " + value(c.before()) + " -> "
                + value(c.after()) + (c.reason().isEmpty() ? "" : "  (" + c.reason() + ")");
    }

    private static String value(String value) {
        return value == null ? "(empty)" : "'" + value + "'";
    }

    ObjectNode json() {
        ObjectNode root = JsonOption.mapper().createObjectNode();
        root.put("runbook", runbook);
        root.put("step", step.id());
        root.put("title", step.title());
        root.put("kind", step.kind().name());
        root.put("planId", plan.id());
        root.put("checksum", plan.checksum());
        root.put("createdAt", plan.createdAt().toString());
        root.put("rollback", plan.rollback());
        root.put("dryRun", true);
        ArrayNode changes = root.putArray("changes");
        for (Change c : plan.changes()) {
            changes.addObject().put("id", c.id()).put("kind", c.kind().name()).put("system", c.system().name())
                    .put("target", c.target())
                    .put("attribute", c.attribute()).put("before", c.before()).put("after", c.after())
                    .put("reason", c.reason());
        }
        ArrayNode instructions = root.putArray("instructions");
        plan.instructions().forEach(instructions::add);
        ArrayNode commands = root.putArray("next");
        next.forEach(commands::add);
        return root;
    }

    /** Writes {@code plan-STEP.json} and {@code plan-STEP.csv} (or {@code rollback-STEP.…}) into a folder. */
    List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        String base = (plan.rollback() ? "rollback-" : "plan-") + step.id();
        Path json = dir.resolve(base + ".json");
        Path csv = dir.resolve(base + ".csv");
        JsonOption.write(json, json());
        try (ExcelSafeCsv file = ExcelSafeCsv.create(csv, "PlanId", "Step", "ChangeId", "System", "Target",
                "Attribute", "Before", "After", "Reason")) {
            for (Change c : plan.changes()) {
                file.row(plan.id(), step.id(), c.id(), c.system(), c.target(), c.attribute(), c.before(), c.after(),
                        c.reason());
            }
        }
        return List.of(json, csv);
    }
}
