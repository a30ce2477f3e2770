package dev.oktaentra.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.migration.RepairResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code repair --operator NAME}: clears failed changes from the journal's standing, so steps can be planned again. */
@Command(name = "repair", sortOptions = false,
        description = {"Clears failed changes so the steps can be planned again.",
            "Clears the failed changes of every step from the journal's standing (Flyway's repair), so "
                + "that the steps can be planned and applied again, and lists what it cleared. The failures stay "
                + "in the journal's history; no directory is touched."},
        footer = {"", "Example:", "  oktaentra repair --operator alice"})
final class RepairCommand extends MigrationCommand {

    @Option(names = "--operator", required = true, paramLabel = "NAME", description = "Who repairs.")
    String operator;

    @Mixin
    JsonOption json;

    @Override
    Exit run() throws Exception {
        if (operator.isBlank()) {
            error("--operator must not be blank: the journal records who repaired");
            return Exit.INPUT_ERROR;
        }
        RepairResult result;
        try (Session session = journalOnly()) {
            result = session.migration().repair(operator.strip());
        }
        if (json.enabled) {
            ObjectNode root = JsonOption.mapper().createObjectNode();
            ArrayNode cleared = root.putArray("cleared");
            result.cleared().forEach(cleared::add);
            JsonOption.print(out(), root);
        } else if (result.cleared().isEmpty()) {
            out().println("Nothing to repair: no failed change stands in the journal.");
        } else {
            out().println("Cleared " + TextTable.count(result.cleared().size()) + " failed change"
                    + (result.cleared().size() == 1 ? "" : "s") + ":");
            result.cleared().forEach(c -> out().println("  " + c));
            out().println("Plan the affected steps again before applying.");
        }
        return Exit.CLEAN;
    }
}
