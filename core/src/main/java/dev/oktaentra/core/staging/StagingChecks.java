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
 * @param roleHoldersReleased whether {@code release-role-holders} removes the directory roles of the role holders
 *        before the cutover (the opt-in {@code MigrationOptions.removeRoleHolders}): an add that meets a cloud user
 *        whose hard match only its roles block is then listed as released, not as an unexpected add
 */
public record StagingChecks(int deletionThreshold, ReviewedLeavers reviewedLeavers, boolean roleHoldersReleased) {

    /**
     * Checks the threshold.
     *
     * @param deletionThreshold the server's deletion threshold, at least 1 (see {@link DeletionThreshold})
     * @param reviewedLeavers the users whose delete a person has reviewed; never null
     * @param roleHoldersReleased whether release-role-holders removes the role holders' roles before the cutover
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
        return new StagingChecks(DeletionThreshold.DEFAULT_LIMIT, ReviewedLeavers.none(), false);
    }

    /**
     * Checks with roles left as they are (no opt-in removal).
     *
     * @param deletionThreshold the server's deletion threshold, at least 1
     * @param reviewedLeavers the users whose delete a person has reviewed; never null
     */
    public StagingChecks(int deletionThreshold, ReviewedLeavers reviewedLeavers) {
        this(deletionThreshold, reviewedLeavers, false);
    }

    /**
     * The same checks, saying whether {@code release-role-holders} removes the role holders' roles before the
     * cutover (the opt-in {@code MigrationOptions.withRemoveRoleHolders(true)}).
     *
     * @param value true when the library removes them
     * @return a copy
     */
    public StagingChecks withRoleHoldersReleased(boolean value) {
        return new StagingChecks(deletionThreshold, reviewedLeavers, value);
    }

    /**
     * The same checks with the server's threshold, as {@code Get-ADSyncExportDeletionThreshold} shows it.
     *
     * @param value the threshold, at least 1
     * @return a copy
     * @throws IllegalArgumentException when the threshold is below 1
     */
    public StagingChecks withDeletionThreshold(int value) {
        return new StagingChecks(value, reviewedLeavers, roleHoldersReleased);
    }

    /**
     * The same checks with these reviewed leavers.
     *
     * @param value the leavers
     * @return a copy
     */
    public StagingChecks withReviewedLeavers(ReviewedLeavers value) {
        return new StagingChecks(deletionThreshold, value, roleHoldersReleased);
    }
}
