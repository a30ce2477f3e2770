package dev.oktaentra.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.Plan;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How {@code plan} and {@code rollback} show the plan they recorded: text or {@code --json}, and {@code --out}. */
final class PlanOutput {

    @Mixin
    JsonOption json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write the plan as plan-STEP.json and plan-STEP.csv (rollback-STEP.… for a rollback) "
                    + "into this folder.")
    Path outDir;

    @Option(names = "--max-changes", paramLabel = "N", defaultValue = "200",
            description = "Changes listed on the terminal; --out files and --json always hold all. "
                    + "Default: ${DEFAULT-VALUE}.")
    int maxChanges;

    void show(MigrationCommand command, String runbook, MigrationStep step, Plan plan) throws Exception {
        PlanView view = new PlanView(runbook, step, plan, command);
        List<Path> files = outDir == null ? List.of() : view.write(outDir);
        if (json.enabled) {
            ObjectNode root = view.json();
            ArrayNode written = root.putArray("planFiles");
            files.forEach(f -> written.add(f.toAbsolutePath().normalize().toString()));
            JsonOption.print(command.out(), root);
            return;
        }
        view.printText(command.out(), Math.max(0, maxChanges));
        if (!files.isEmpty()) {
            command.out().println("Plan files: " + files.get(0) + ", " + files.get(1));
        }
    }
}
