package dev.oktaentra.core.directory;

import dev.oktaentra.core.OktaEntraException;

/**
 * A directory, export file or service could not be read or written: unreachable, refused, malformed, or answered
 * with an error. Adapters subclass it to carry their system's error code. Messages never contain credentials.
 */
public class DirectoryException extends OktaEntraException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message only.
     *
     * @param message what failed, naming the source
     */
    public DirectoryException(String message) {
        super(message);
    }

    /**
     * A failure caused by another.
     *
     * @param message what failed, naming the source
     * @param cause the underlying failure; it must not carry credentials in its message
     */
    public DirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
