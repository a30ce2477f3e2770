package dev.oktaentra.core.migration;

/** The directories changed since the plan was made: apply refuses and a new plan must be reviewed. */
public final class StalePlanException extends MigrationException {

    private static final long serialVersionUID = 1L;

    StalePlanException(String message) {
        super(message);
    }
}
