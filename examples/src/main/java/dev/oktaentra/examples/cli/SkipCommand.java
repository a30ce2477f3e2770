package dev.oktaentra.examples.cli;

import dev.oktaentra.core.migration.StepInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skip STEP --operator NAME --reason TEXT}: records that a step is skipped on purpose. */
@Command(name = "skip", sortOptions = false,
        description = {"Records that a step is skipped on purpose, by whom and why.",
            "Records in the journal that a step is skipped on purpose, by whom and why (for example "
                + "analyse-staging-export on the cloud-sync path, or a check done another way). Planning the step "
                + "again later undoes the skip.",
            "Reads and appends to the journal only: no directory is contacted."},
        footer = {"", "Example:", "  oktaentra skip backfill-attributes --operator alice "
                + "--reason 'mail is mastered in Exchange Online'"})
final class SkipCommand extends MigrationCommand {

    @Parameters(index = "0", paramLabel = "STEP", description = "The step to skip.")
    String stepId;

    @Option(names = "--operator", required = true, paramLabel = "NAME", description = "Who skips it.")
    String operator;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, in a sentence.")
    String reason;

    @Override
    Exit run() {
        if (operator.isBlank() || reason.isBlank()) {
            error("--operator and --reason must not be blank: the journal records who skipped what and why");
            return Exit.INPUT_ERROR;
        }
        try (Session session = journalOnly()) {
            session.migration().skip(stepId, operator.strip(), reason.strip());
            StepInfo info = JournalViews.info(session, stepId);
            out().println("Skipped " + stepId + " (" + operator.strip() + ": " + reason.strip() + "). Status: "
                    + info.status() + ".");
            return Exit.CLEAN;
        }
    }
}
