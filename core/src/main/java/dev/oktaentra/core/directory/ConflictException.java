package dev.oktaentra.core.directory;

/**
 * A compare-and-set change found a value other than the one the plan saw: someone changed it since planning.
 * Nothing was written; plan again.
 */
public class ConflictException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    /**
     * A write refused because the object no longer holds what the plan saw.
     *
     * @param message what was expected and what was found, naming the object
     */
    public ConflictException(String message) {
        super(message);
    }
}
