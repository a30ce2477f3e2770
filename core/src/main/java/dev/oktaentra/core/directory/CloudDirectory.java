package dev.oktaentra.core.directory;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The cloud side: Entra ID over Microsoft Graph, or a {@code Get-MgUser} export.
 *
 * <p>Implementations stream page by page, never holding the whole tenant. Each stream must be closed; closing the
 * directory releases its resources.
 */
public interface CloudDirectory extends AutoCloseable {

    /**
     * Every user, usable or not, in the source's order.
     *
     * @return a stream to close after use
     * @throws DirectoryException when the source cannot be read at all
     */
    Stream<DirectoryRecord<CloudUser>> records();

    /**
     * Only usable users; the first rejected record ends the stream with a {@link RejectedRecordException}.
     *
     * @return a stream to close after use
     */
    default Stream<CloudUser> users() {
        Stream<DirectoryRecord<CloudUser>> records = records();
        return records.map(DirectoryRecord::orElseThrow).onClose(records::close);
    }

    /**
     * What this directory is, for reports and logs, e.g. {@code graph.microsoft.com (tenant 72f9…)}. Never contains
     * credentials.
     *
     * @return the description
     */
    String name();

    /**
     * The optional fields this source does not provide at all (a PowerShell export made without the column, a reader
     * that cannot ask for them): every {@link CloudUser} it yields has them empty or false, whatever the directory holds.
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
    static CloudDirectory of(String name, List<CloudUser> users) {
        List<CloudUser> copy = List.copyOf(users);
        return new CloudDirectory() {
            @Override
            public Stream<DirectoryRecord<CloudUser>> records() {
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

    /** Releases resources; never throws a checked exception. */
    @Override
    void close();
}
