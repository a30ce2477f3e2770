package dev.oktaentra.core.directory;

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

    /** Releases resources; never throws a checked exception. */
    @Override
    void close();
}
