package dev.oktaentra.examples.cli;

import dev.oktaentra.core.migration.StepInfo;

/** Small reads of a migration's journal shared by the commands. */
final class JournalViews {

    private JournalViews() {
    }

    /** The status line of one step. */
    static StepInfo info(MigrationCommand.Session session, String stepId) {
        return session.migration().info().stream().filter(s -> s.stepId().equals(stepId)).findFirst()
                .orElseThrow();
    }
}
