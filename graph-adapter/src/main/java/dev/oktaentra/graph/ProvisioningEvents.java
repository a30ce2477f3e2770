package dev.oktaentra.graph;

import com.microsoft.graph.models.ProvisionedIdentity;
import com.microsoft.graph.models.ProvisioningErrorInfo;
import com.microsoft.graph.models.ProvisioningObjectSummary;
import com.microsoft.graph.models.ProvisioningObjectSummaryCollectionResponse;
import com.microsoft.graph.models.ProvisioningStatusInfo;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.oktaentra.core.tenant.ProvisioningEvent;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/** Reads Entra's provisioning log ({@code auditLogs/provisioning}) for a time window, page by page. */
final class ProvisioningEvents {

    /** Entries per page. */
    public static final int PAGE_SIZE = 500;

    private ProvisioningEvents() {
    }

    /**
     * The OData filter for a window and an optional job.
     *
     * @param from start, inclusive
     * @param to end, exclusive
     * @param jobId the job, or {@code null}
     * @return the filter text
     */
    public static String filter(Instant from, Instant to, String jobId) {
        String filter = "activityDateTime ge " + DateTimeFormatter.ISO_INSTANT.format(from)
                + " and activityDateTime lt " + DateTimeFormatter.ISO_INSTANT.format(to);
        // OData string literals double their quotes.
        return jobId == null ? filter : filter + " and jobId eq '" + jobId.replace("'", "''") + "'";
    }

    /**
     * The entries, lazily.
     *
     * @param graph the client
     * @param settings the retry policy
     * @param from start, inclusive
     * @param to end, exclusive
     * @param jobId the job, or {@code null}
     * @return the stream
     */
    public static Stream<ProvisioningEvent> stream(GraphServiceClient graph, GraphSettings settings, Instant from,
            Instant to, String jobId) {
        String filter = filter(from, to, jobId);
        var logs = graph.auditLogs().provisioning();
        return Pages.<ProvisioningObjectSummaryCollectionResponse, ProvisioningObjectSummary, ProvisioningEvent>stream(
                "provisioning log",
                link -> Calls.call("Reading the provisioning log (needs AuditLog.Read.All and Directory.Read.All)",
                        () -> link == null
                        ? logs.get(rc -> {
                            rc.queryParameters.filter = filter;
                            rc.queryParameters.top = PAGE_SIZE;
                            Calls.retry(rc, settings);
                        })
                        : logs.withUrl(link).get(rc -> Calls.retry(rc, settings))),
                ProvisioningObjectSummaryCollectionResponse::getValue,
                ProvisioningObjectSummaryCollectionResponse::getOdataNextLink,
                (entry, page, index) -> toEvent(entry, page, index));
    }

    private static ProvisioningEvent toEvent(ProvisioningObjectSummary e, int page, int index) {
        if (e == null) {
            throw new GraphException("Reading the provisioning log: Graph sent null as entry "
                    + index + " of page " + page, 0, null, null, null, List.of());
        }
        ProvisioningStatusInfo info = e.getProvisioningStatusInfo();
        ProvisioningErrorInfo error = info == null ? null : info.getErrorInformation();
        ProvisionedIdentity source = e.getSourceIdentity();
        ProvisionedIdentity target = e.getTargetIdentity();
        return new ProvisioningEvent(e.getId(),
                e.getActivityDateTime() == null ? null : e.getActivityDateTime().toInstant(),
                e.getJobId(),
                e.getProvisioningAction() == null ? null : e.getProvisioningAction().getValue(),
                info == null || info.getStatus() == null ? null : info.getStatus().getValue(),
                error == null ? null : error.getErrorCode(),
                error == null ? null : error.getReason(),
                source == null ? null : source.getId(),
                source == null ? null : source.getDisplayName(),
                target == null ? null : target.getId(),
                target == null ? null : target.getDisplayName());
    }
}
