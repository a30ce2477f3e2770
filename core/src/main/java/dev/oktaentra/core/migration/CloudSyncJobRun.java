package dev.oktaentra.core.migration;

import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.TenantSync;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A cloud sync job started, or restarted, through the context's {@link TenantSync}, one job at a time. The target is
 * the job's id; {@code before} its status as planned, {@code after} {@value #ACTIVE} (start) or {@value #RESTARTED}.
 * A job that is already {@value #ACTIVE} is not started again; a restart is written whatever the job's status, since
 * restarting a running job is its whole point (the tutorial's "Restart the cloud provisioning sync" after ImmutableID
 * fixes, https://learn.microsoft.com/entra/identity/enterprise-apps/migrate-okta-sync-provisioning, "Enable cloud
 * sync agents", step 8). A started job cannot be un-started through the API: a rollback tells a person how to pause
 * it instead.
 *
 * <p>A restart resets {@link #RESET_SCOPE} ({@code Watermark, Escrows, QuarantineState}), Microsoft's own example
 * (https://learn.microsoft.com/graph/api/synchronization-synchronizationjob-restart) and what the portal's "Restart
 * provisioning" does ("similar to setting the resetScope to include QuarantineState, Watermark, and Escrows",
 * https://learn.microsoft.com/graph/api/resources/synchronization-synchronizationjobrestartcriteria). Never
 * {@code Full}: that is "all of the options", so it includes {@code ForceDeletes}, which "Forces the system to
 * delete the pending deleted users when using the accidental deletions prevention feature and the deletion
 * threshold is exceeded" (same page): a restart after the cutover must never bypass the deletion guard.
 */
public final class CloudSyncJobRun extends OneByOneKind<TenantSync> {

    /** The kind. */
    public static final CloudSyncJobRun KIND = new CloudSyncJobRun();

    /** The attribute every change of this kind names. */
    public static final String ATTRIBUTE = "cloudSyncJob";

    /** A job that runs: the status Graph reports, and the after-value of a start. */
    public static final String ACTIVE = "Active";

    /** The after-value of a restart. */
    public static final String RESTARTED = "Restarted";

    /** The scopes a restart resets, in Microsoft's example's order; never {@code Full} (see the class comment). */
    public static final Set<String> RESET_SCOPE = Collections.unmodifiableSet(
            new LinkedHashSet<>(List.of("Watermark", "Escrows", "QuarantineState")));

    private CloudSyncJobRun() {
        super(ATTRIBUTE, TargetSystem.TENANT, NamedKind::tenant);
    }

    /**
     * A start of a job that does not run.
     *
     * @param job the job, with its status now
     * @param reason why, for people
     * @return the change
     */
    public static Change start(CloudSyncJob job, String reason) {
        return Change.of(KIND, job.jobId(), ATTRIBUTE, job.status(), ACTIVE, reason);
    }

    /**
     * A restart of a job, resetting {@link #RESET_SCOPE}.
     *
     * @param job the job, with its status now
     * @param reason why, for people
     * @return the change
     */
    public static Change restart(CloudSyncJob job, String reason) {
        return Change.of(KIND, job.jobId(), ATTRIBUTE, job.status(), RESTARTED, reason);
    }

    /**
     * Whether a job runs.
     *
     * @param job the job
     * @return true when its status is {@value #ACTIVE}
     */
    public static boolean isActive(CloudSyncJob job) {
        return ACTIVE.equalsIgnoreCase(job.status());
    }

    @Override
    ChangeResult apply(TenantSync tenant, Change change) {
        if (!ATTRIBUTE.equals(change.attribute())) {
            return ChangeResult.refused(change, "Unknown tenant setting " + change.attribute());
        }
        Optional<CloudSyncJob> found = job(tenant, change);
        if (found.isEmpty()) {
            return ChangeResult.conflict(change, null, "Cloud sync job " + change.target() + " no longer exists");
        }
        CloudSyncJob job = found.get();
        if (RESTARTED.equals(change.after())) {
            // An active job is what a restart expects to find: it is never "already applied" by its status.
            tenant.restart(job, RESET_SCOPE);
            return ChangeResult.applied(change, job.status());
        }
        if (isActive(job)) {
            return ChangeResult.alreadyApplied(change, job.status());
        }
        tenant.start(job);
        return ChangeResult.applied(change, job.status());
    }

    /**
     * The job's status now, for a start: a job that runs after a start whose answer was lost was started. A restart
     * leaves no trace in the status, so it cannot be read back.
     */
    @Override
    ReadBack read(TenantSync tenant, Change change) {
        if (RESTARTED.equals(change.after())) {
            return ReadBack.unreadable();
        }
        return ReadBack.of(job(tenant, change).map(j -> isActive(j) ? ACTIVE : j.status()).orElse(null));
    }

    /** Never: a started job cannot be un-started. */
    @Override
    public boolean reversible(Change change) {
        return false;
    }

    @Override
    public String undoByHand(Change change) {
        return "Pause cloud sync job " + change.target() + " in the Entra admin center if it must stop";
    }

    private static Optional<CloudSyncJob> job(TenantSync tenant, Change change) {
        return tenant.cloudSyncJobs().stream().filter(j -> j.jobId().equals(change.target())).findFirst();
    }
}
