package dev.oktaentra.core.tenant;

import java.time.Instant;
import java.util.stream.Stream;

/**
 * Entra ID's directory audit log, as {@code verify-cutover} needs it: the changes an app made in a time window.
 * Implemented over Microsoft Graph ({@code GET /auditLogs/directoryAudits}, which needs {@code AuditLog.Read.All}
 * and {@code Directory.Read.All}).
 */
public interface DirectoryAuditLog {

    /**
     * The entries an app initiated in a window, streamed page by page.
     *
     * @param appDisplayName the initiating app's display name ({@code initiatedBy/app/displayName})
     * @param from start of the window, inclusive
     * @param to end of the window, inclusive
     * @return a stream to close after use
     */
    Stream<DirectoryAuditEntry> byApp(String appDisplayName, Instant from, Instant to);

    /**
     * What this log is, for reports; never contains credentials.
     *
     * @return e.g. the tenant
     */
    String name();
}
