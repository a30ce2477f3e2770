package dev.oktaentra.examples.cli;

import dev.oktaentra.core.migration.StepInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code confirm STEP --operator NAME --note TEXT}: records that a person did the manual part of a step. */
@Command(name = "confirm", sortOptions = false,
        description = {"Records that a person did the manual part of a step.",
            "Records in the journal that a person did the manual part of a step (the Connect wizard, an "
                + "Okta app switched off in the Admin Console): who, and what was done. Plan the step first; its "
                + "instructions say what to do.",
            "Reads and appends to the journal only: no directory is contacted."},
        footer = {"", "Example:", "  oktaentra confirm install-connect-staging --operator alice "
                + "--note 'Entra Connect 2.5.79.0, staging mode on'"})
final class ConfirmCommand extends MigrationCommand {

    @Parameters(index = "0", paramLabel = "STEP", description = "The step whose manual part is done.")
    String stepId;

    @Option(names = "--operator", required = true, paramLabel = "NAME", description = "Who confirms.")
    String operator;

    @Option(names = "--note", required = true, paramLabel = "TEXT", description = "What was done, in a sentence.")
    String note;

    @Override
    Exit run() {
        if (operator.isBlank() || note.isBlank()) {
            error("--operator and --note must not be blank: the journal records who confirmed what");
            return Exit.INPUT_ERROR;
        }
        try (Session session = journalOnly()) {
            session.migration().confirm(stepId, operator.strip(), note.strip());
            StepInfo info = JournalViews.info(session, stepId);
            out().println("Confirmed " + stepId + " by " + operator.strip() + ". Status: " + info.status() + ".");
            out().println("Next: " + suggest("verify " + stepId));
            return Exit.CLEAN;
        }
    }
}
