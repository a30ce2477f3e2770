package dev.oktaentra.core.migration;

/** The journal cannot be opened, read or written: locked by another run, damaged, or on a failing disk. */
public class JournalException extends MigrationException {

    private static final long serialVersionUID = 1L;

    JournalException(String message) {
        super(message);
    }

    JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
