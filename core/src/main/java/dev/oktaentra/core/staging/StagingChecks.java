package dev.oktaentra.core.staging;

import java.util.Objects;

/**
 * What the pending-export review checks besides the join with the validation: Entra Connect's deletion threshold and
 * the users a person has reviewed as leavers.
 *
 * <pre>{@code
 * StagingChecks checks = StagingChecks.defaults()                 // threshold 500, no reviewed leavers
 *         .withDeletionThreshold(1_000)                            // Get-ADSyncExportDeletionThreshold says 1000
 *         .withReviewedLeavers(ReviewedLeavers.read(Path.of("reviewed-leavers.txt")));
 * PendingExportReport report = PendingExportReport.read(Path.of("export.xml"), known, checks);
 * }</pre>
 *
 * @param deletionThreshold the server's deletion threshold, at least 1 (see {@link DeletionThreshold})
 * @param reviewedLeavers the users whose delete a person has reviewed; never null
 */
public record StagingChecks(int deletionThreshold, ReviewedLeavers reviewedLeavers) {

    /**
     * Checks the threshold.
     *
     * @param deletionThreshold the server's deletion threshold, at least 1
     * @param reviewedLeavers the users whose delete a person has reviewed; never null
     * @throws IllegalArgumentException when the threshold is below 1
     */
    public StagingChecks {
        if (deletionThreshold < 1) {
            throw new IllegalArgumentException("The deletion threshold must be at least 1, got " + deletionThreshold);
        }
        Objects.requireNonNull(reviewedLeavers, "reviewedLeavers");
    }

    /**
     * Entra Connect's default threshold ({@value DeletionThreshold#DEFAULT_LIMIT}) and no reviewed leavers: every
     * pending delete is a finding.
     *
     * @return the defaults
     */
    public static StagingChecks defaults() {
        return new StagingChecks(DeletionThreshold.DEFAULT_LIMIT, ReviewedLeavers.none());
    }

    /**
     * The same checks with the server's threshold, as {@code Get-ADSyncExportDeletionThreshold} shows it.
     *
     * @param value the threshold, at least 1
     * @return a copy
     * @throws IllegalArgumentException when the threshold is below 1
     */
    public StagingChecks withDeletionThreshold(int value) {
        return new StagingChecks(value, reviewedLeavers);
    }

    /**
     * The same checks with these reviewed leavers.
     *
     * @param value the leavers
     * @return a copy
     */
    public StagingChecks withReviewedLeavers(ReviewedLeavers value) {
        return new StagingChecks(deletionThreshold, value);
    }
}
