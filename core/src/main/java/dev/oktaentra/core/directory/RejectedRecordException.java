package dev.oktaentra.core.directory;

/**
 * Thrown by {@link OnPremDirectory#users()} and {@link CloudDirectory#users()} for a record that cannot be used;
 * use {@code records()} to carry on past such records.
 */
public final class RejectedRecordException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    private final transient DirectoryRecord.Rejected<?> record;

    /**
     * A record that cannot be used, as an exception.
     *
     * @param record the rejected record
     */
    public RejectedRecordException(DirectoryRecord.Rejected<?> record) {
        super(record.toString());
        this.record = record;
    }

    /**
     * The record that could not be used.
     *
     * @return the record
     */
    public DirectoryRecord.Rejected<?> record() {
        return record;
    }
}
