package dev.oktaentra.core.migration;

import java.util.Objects;

/**
 * Something a step noticed, for a person.
 *
 * @param severity how much it matters
 * @param message one or two sentences, with what to do when something is wrong
 */
public record StepFinding(Severity severity, String message) {

    /** How much a finding matters. */
    public enum Severity {
        /** For information. */
        INFO,
        /** Worth a look before going on. */
        WARNING,
        /** Must be fixed before going on. */
        ERROR
    }

    /**
     * Checks the components.
     *
     * @param severity how much it matters
     * @param message one or two sentences, with what to do when something is wrong
     */
    public StepFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A finding for information only.
     *
     * @param message the message
     * @return an INFO finding
     */
    public static StepFinding info(String message) {
        return new StepFinding(Severity.INFO, message);
    }

    /**
     * A finding worth a look before going on.
     *
     * @param message the message
     * @return a WARNING finding
     */
    public static StepFinding warning(String message) {
        return new StepFinding(Severity.WARNING, message);
    }

    /**
     * A finding that must be fixed before going on.
     *
     * @param message the message
     * @return an ERROR finding
     */
    public static StepFinding error(String message) {
        return new StepFinding(Severity.ERROR, message);
    }
}
