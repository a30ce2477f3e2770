package dev.oktaentra.core.staging;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The figures of a pending-export review, for the CLI's one-line JSON and the HTML report's summary:
 * {@code {"adds":3,"updates":120,"deletes":0,"attributeDeletions":4,"unexpectedAdds":1,…}}.
 *
 * @param adds objects Entra Connect would create
 * @param updates objects it would change ({@code update} or {@code replace})
 * @param deletes objects it would delete
 * @param attributeDeletions attribute changes that remove a value with nothing in its place
 * @param unexpectedAdds adds that match an existing cloud user: duplicates in the making
 * @param softMatches adds that match a cloud user without an ImmutableID by UPN or primary SMTP address: Entra ID
 *        soft-matches these on export (unless soft matching is blocked in the tenant), so they are not duplicates
 * @param unexpectedDeletes deletes and delete-adds of any object type that no one reviewed as a leaver's
 * @param reviewedDeletes deletes of users listed as reviewed leavers (counted in {@code deletes}, not blocking)
 * @param backfillCandidates attribute deletions whose on-prem value is empty
 * @param deleteAdds objects it would delete and create again (not in {@code adds} or {@code deletes})
 * @param renames updates that rename the object
 * @param exportErrors objects whose last export failed
 * @param rejected objects that could not be read
 * @param objects every object read, pending or not
 * @param deletionThreshold the export's deletes against Entra Connect's deletion threshold; never null
 * @param byObjectType the operation counts per object type, sorted by type; never null
 * @param refusedUpdates updates Entra ID refuses or that rebind the object ({@link StagingFindingKind#REFUSED_UPDATE})
 */
@JsonPropertyOrder({"adds", "updates", "deletes", "attributeDeletions", "unexpectedAdds", "unexpectedDeletes",
        "backfillCandidates", "deleteAdds", "renames", "exportErrors", "rejected", "objects", "softMatches",
        "reviewedDeletes", "refusedUpdates", "deletionThreshold", "byObjectType"})
public record PendingExportSummary(long adds, long updates, long deletes, long attributeDeletions,
        long unexpectedAdds, long softMatches, long unexpectedDeletes, long reviewedDeletes, long backfillCandidates,
        long deleteAdds, long renames, long exportErrors, long rejected, long objects,
        DeletionThreshold deletionThreshold, Map<String, OperationCounts> byObjectType, long refusedUpdates) {

    /**
     * Checks the threshold and freezes the per-type counts in type order.
     *
     * @param adds objects Entra Connect would create
     * @param updates objects it would change ({@code update} or {@code replace})
     * @param deletes objects it would delete
     * @param attributeDeletions attribute changes that remove a value with nothing in its place
     * @param unexpectedAdds adds that match an existing cloud user: duplicates in the making
     * @param softMatches adds that match a cloud user without an ImmutableID by UPN or primary SMTP address: Entra ID
     *        soft-matches these on export (unless soft matching is blocked in the tenant), so they are not duplicates
     * @param unexpectedDeletes deletes of users still on-prem or synced
     * @param reviewedDeletes deletes of users the operator listed as reviewed leavers
     * @param backfillCandidates attribute deletions whose on-prem value is empty
     * @param deleteAdds objects it would delete and create again (not in {@code adds} or {@code deletes})
     * @param renames updates that rename the object
     * @param exportErrors objects whose last export failed
     * @param rejected objects that could not be read
     * @param objects every object read, pending or not
     * @param deletionThreshold Entra Connect's deletion threshold and whether this export exceeds it
     * @param byObjectType the operation counts per object type, sorted by type; never null
     * @param refusedUpdates updates Entra ID refuses or that rebind the object
     */
    public PendingExportSummary {
        Objects.requireNonNull(deletionThreshold, "deletionThreshold");
        byObjectType = Collections.unmodifiableMap(new TreeMap<>(byObjectType));
    }

    /**
     * A summary without refused updates, as before {@link StagingFindingKind#REFUSED_UPDATE} existed.
     *
     * @param adds objects Entra Connect would create
     * @param updates objects it would change ({@code update} or {@code replace})
     * @param deletes objects it would delete
     * @param attributeDeletions attribute changes that remove a value with nothing in its place
     * @param unexpectedAdds adds that match an existing cloud user: duplicates in the making
     * @param softMatches adds that Entra ID soft-matches on export
     * @param unexpectedDeletes deletes of users still on-prem or synced
     * @param reviewedDeletes deletes of users the operator listed as reviewed leavers
     * @param backfillCandidates attribute deletions whose on-prem value is empty
     * @param deleteAdds objects it would delete and create again
     * @param renames updates that rename the object
     * @param exportErrors objects whose last export failed
     * @param rejected objects that could not be read
     * @param objects every object read, pending or not
     * @param deletionThreshold Entra Connect's deletion threshold and whether this export exceeds it
     * @param byObjectType the operation counts per object type; never null
     */
    public PendingExportSummary(long adds, long updates, long deletes, long attributeDeletions, long unexpectedAdds,
            long softMatches, long unexpectedDeletes, long reviewedDeletes, long backfillCandidates, long deleteAdds,
            long renames, long exportErrors, long rejected, long objects, DeletionThreshold deletionThreshold,
            Map<String, OperationCounts> byObjectType) {
        this(adds, updates, deletes, attributeDeletions, unexpectedAdds, softMatches, unexpectedDeletes,
                reviewedDeletes, backfillCandidates, deleteAdds, renames, exportErrors, rejected, objects,
                deletionThreshold, byObjectType, 0);
    }

    /**
     * Whether the review found nothing that must be fixed before leaving staging mode: no unexpected add or
     * delete (a reviewed leaver's delete does not count), no refused update, no back-fill candidate, no export
     * error, no unreadable object, and not more deletes than Entra Connect's deletion threshold.
     *
     * @return true when nothing blocks
     */
    public boolean noBlockingFindings() {
        return unexpectedAdds == 0 && unexpectedDeletes == 0 && refusedUpdates == 0 && backfillCandidates == 0
                && exportErrors == 0
                && rejected == 0 && !deletionThreshold.exceeded();
    }

    /**
     * The summary as one line of JSON, names as in the record.
     *
     * @return e.g. {@code {"adds":3,"updates":120,…}}
     */
    public String toJson() {
        return ReportJson.compact(this);
    }
}
