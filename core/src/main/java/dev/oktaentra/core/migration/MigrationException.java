package dev.oktaentra.core.migration;

import dev.oktaentra.core.OktaEntraException;

/**
 * A migration step cannot go on: a stale or unknown plan, a plan over the change threshold, a locked journal.
 * Nothing was written to a directory when this is thrown, unless the message says which changes were.
 */
public class MigrationException extends OktaEntraException {

    private static final long serialVersionUID = 1L;

    /**
     * A migration error with a message only.
     *
     * @param message what is wrong and what to do
     */
    public MigrationException(String message) {
        super(message);
    }

    /**
     * A migration error caused by another failure.
     *
     * @param message what is wrong and what to do
     * @param cause the underlying failure
     */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
