package dev.oktaentra.graph;

import com.microsoft.graph.models.AppIdentity;
import com.microsoft.graph.models.DirectoryAudit;
import com.microsoft.graph.models.DirectoryAuditCollectionResponse;
import com.microsoft.graph.models.TargetResource;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.oktaentra.core.tenant.DirectoryAuditEntry;
import dev.oktaentra.core.tenant.DirectoryAuditLog;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Entra ID's directory audit log over Graph ({@link DirectoryAuditLog}): {@code GET /auditLogs/directoryAudits},
 * which "supports the $filter (eq, ge, le, startswith), $top, $orderby, and skiptoken OData query parameters" and
 * needs {@code AuditLog.Read.All} and {@code Directory.Read.All} (https://learn.microsoft.com/graph/api/directoryaudit-list);
 * {@code activityDateTime} "Supports $filter (eq, ge, le)" and {@code initiatedBy} "Supports $filter (eq) for …
 * app/displayName" (https://learn.microsoft.com/graph/api/resources/directoryaudit). Both are in
 * {@link GraphPermissions#RUNBOOK} and {@link GraphPermissions#READ_ONLY}. Get one from
 * {@link GraphDirectory#directoryAudits()}.
 */
public final class GraphDirectoryAudits implements DirectoryAuditLog {

    /** Entries per page. */
    public static final int PAGE_SIZE = 500;

    private final GraphServiceClient graph;
    private final GraphSettings settings;
    private final String name;

    GraphDirectoryAudits(GraphServiceClient graph, GraphSettings settings, String name) {
        this.graph = graph;
        this.settings = settings;
        this.name = name;
    }

    /**
     * The OData filter for one app in a window: {@code ge} and {@code le}, the comparisons the reference lists for
     * {@code activityDateTime}; the name's quotes doubled as OData string literals need.
     *
     * @param appDisplayName the app
     * @param from start, inclusive
     * @param to end, inclusive
     * @return the filter text
     */
    static String filter(String appDisplayName, Instant from, Instant to) {
        return "activityDateTime ge " + DateTimeFormatter.ISO_INSTANT.format(from) + " and activityDateTime le "
                + DateTimeFormatter.ISO_INSTANT.format(to) + " and initiatedBy/app/displayName eq '"
                + appDisplayName.replace("'", "''") + "'";
    }

    /**
     * The changes one app initiated in a window, fetched page by page as the stream is consumed.
     *
     * @param appDisplayName the initiating app's display name
     * @param from start, inclusive
     * @param to end, inclusive
     * @return a lazy stream; a refused read surfaces as {@link GraphException} naming the permissions
     */
    @Override
    public Stream<DirectoryAuditEntry> byApp(String appDisplayName, Instant from, Instant to) {
        Objects.requireNonNull(appDisplayName, "appDisplayName");
        String filter = filter(appDisplayName, Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
        var audits = graph.auditLogs().directoryAudits();
        String what = "Reading the directory audit log of " + name + " (needs AuditLog.Read.All and "
                + "Directory.Read.All)";
        return Pages.<DirectoryAuditCollectionResponse, DirectoryAudit, DirectoryAuditEntry>stream(
                "directory audit log",
                link -> Calls.call(what, () -> link == null
                        ? audits.get(rc -> {
                            rc.queryParameters.filter = filter;
                            rc.queryParameters.top = PAGE_SIZE;
                            Calls.retry(rc, settings);
                        })
                        : audits.withUrl(link).get(rc -> Calls.retry(rc, settings))),
                DirectoryAuditCollectionResponse::getValue,
                DirectoryAuditCollectionResponse::getOdataNextLink,
                (entry, page, index) -> toEntry(entry, page, index));
    }

    private static DirectoryAuditEntry toEntry(DirectoryAudit a, int page, int index) {
        if (a == null || a.getId() == null) {
            throw new GraphException("Reading the directory audit log: Graph sent an entry without an id as entry "
                    + index + " of page " + page, 0, null, null, null, List.of());
        }
        AppIdentity app = a.getInitiatedBy() == null ? null : a.getInitiatedBy().getApp();
        List<String> targets = new ArrayList<>();
        if (a.getTargetResources() != null) {
            for (TargetResource t : a.getTargetResources()) {
                if (t == null) {
                    continue;
                }
                String label = t.getUserPrincipalName() != null ? t.getUserPrincipalName()
                        : t.getDisplayName() != null ? t.getDisplayName() : t.getId();
                targets.add((t.getType() == null ? "Object" : t.getType()) + " " + label);
            }
        }
        return new DirectoryAuditEntry(a.getId(),
                a.getActivityDateTime() == null ? null : a.getActivityDateTime().toInstant(),
                a.getActivityDisplayName(), a.getCategory(),
                a.getResult() == null ? null : a.getResult().getValue(),
                app == null ? null : app.getDisplayName(), app == null ? null : app.getAppId(),
                app == null ? null : app.getServicePrincipalId(), targets);
    }

    /**
     * The tenant this log belongs to.
     *
     * @return the directory's name
     */
    @Override
    public String name() {
        return name;
    }
}
