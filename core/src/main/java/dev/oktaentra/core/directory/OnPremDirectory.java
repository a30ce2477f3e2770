package dev.oktaentra.core.directory;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The on-premises side: Active Directory over LDAP, an {@code ldifde} file, or a PowerShell export.
 *
 * <p>Implementations stream: they hold one page or one row at a time, never the whole directory, so a
 * million-user forest fits a small heap. Each stream must be closed (use try-with-resources); closing the directory
 * releases its connections or files.
 */
public interface OnPremDirectory extends AutoCloseable {

    /**
     * Every object in scope, usable or not, in the source's order.
     *
     * @return a stream to close after use
     * @throws DirectoryException when the source cannot be read at all
     */
    Stream<DirectoryRecord<OnPremUser>> records();

    /**
     * Only usable users; the first rejected record ends the stream with a {@link RejectedRecordException}.
     *
     * @return a stream to close after use
     */
    default Stream<OnPremUser> users() {
        Stream<DirectoryRecord<OnPremUser>> records = records();
        return records.map(DirectoryRecord::orElseThrow).onClose(records::close);
    }

    /**
     * What this directory is, for reports and logs: e.g. {@code ldaps://dc1.contoso.com:636 (contoso.com)} or
     * {@code adusers.csv}. Never contains credentials.
     *
     * @return the description
     */
    String name();

    /**
     * The optional fields this source does not provide at all (a PowerShell export made without the column, a reader
     * that cannot ask for them): every {@link OnPremUser} it yields has them empty or false, whatever the directory holds.
     * Predictions that need one say so rather than read "not provided" as "empty".
     *
     * @return the fields; empty (the default) when the source provides every field the model has
     */
    default Set<UserField> unreadFields() {
        return Set.of();
    }

    /**
     * A directory over users already in memory: for tests, scripts and small tenants.
     *
     * @param name what to call it in reports
     * @param users the users; copied
     * @return the directory
     */
    static OnPremDirectory of(String name, List<OnPremUser> users) {
        List<OnPremUser> copy = List.copyOf(users);
        return new OnPremDirectory() {
            @Override
            public Stream<DirectoryRecord<OnPremUser>> records() {
                return copy.stream().map(DirectoryRecord.Usable::new);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    /** Releases connections and files; never throws a checked exception. */
    @Override
    void close();
}
