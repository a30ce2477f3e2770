package dev.oktaentra.core.migration;

/**
 * A plan writes more changes than the threshold allows ({@value MigrationOptions#DEFAULT_MAX_WRITES} per step by
 * default, like Entra Connect's deletion guard). Review it, then raise the threshold explicitly to go on.
 */
public final class ThresholdExceededException extends MigrationException {

    private static final long serialVersionUID = 1L;

    ThresholdExceededException(String message) {
        super(message);
    }
}
