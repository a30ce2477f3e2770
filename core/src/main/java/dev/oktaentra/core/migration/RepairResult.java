package dev.oktaentra.core.migration;

import java.util.List;

/**
 * What {@link Migration#repair(String)} did: the failed changes it cleared from the journal's standing, so that
 * the steps can be planned and applied again. Nothing in the directories is touched.
 *
 * @param cleared one line per cleared failure: step, change and the failure's message
 */
public record RepairResult(List<String> cleared) {

    /**
     * Freezes the list.
     *
     * @param cleared one line per cleared failure: step, change and the failure's message
     */
    public RepairResult {
        cleared = List.copyOf(cleared);
    }
}
