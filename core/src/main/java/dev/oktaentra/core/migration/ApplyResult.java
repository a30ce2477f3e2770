package dev.oktaentra.core.migration;

import java.util.List;

/**
 * What applying a plan did.
 *
 * @param planId the plan
 * @param applied changes written now
 * @param alreadyApplied changes found already written (by a run that crashed before journaling them)
 * @param skipped changes the journal already showed as written, not touched again
 * @param failures changes that were not written, with why
 * @param stoppedOnConflict whether the run stopped because a value changed since planning (plan again)
 */
public record ApplyResult(String planId, int applied, int alreadyApplied, int skipped, List<Failure> failures,
        boolean stoppedOnConflict) {

    /**
     * Freezes the list.
     *
     * @param planId the plan
     * @param applied changes written now
     * @param alreadyApplied changes found already written (by a run that crashed before journaling them)
     * @param skipped changes the journal already showed as written, not touched again
     * @param failures changes that were not written, with why
     * @param stoppedOnConflict whether the run stopped because a value changed since planning (plan again)
     */
    public ApplyResult {
        failures = List.copyOf(failures);
    }

    /**
     * Whether every change of the plan is now written.
     *
     * @return true when nothing failed
     */
    public boolean complete() {
        return failures.isEmpty() && !stoppedOnConflict;
    }

    /**
     * A change that was not written.
     *
     * @param change the change
     * @param status why: {@code CONFLICT}, {@code REFUSED} or {@code FAILED}
     * @param message the directory's words
     */
    public record Failure(Change change, String status, String message) {
    }
}
