package dev.oktaentra.core.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Entra tenant's synchronisation controls, as the cutover steps need them: read the sync state, open and close
 * the matching guards, drive cloud sync jobs, and read the provisioning log. Implemented over Microsoft Graph.
 */
public interface TenantSync {

    /**
     * Reads the tenant's sync settings and status.
     *
     * @return the state
     */
    TenantSyncState state();

    /**
     * Sets the matching guards, compare-and-set: only while they still equal {@code expected}. When the write's
     * answer is lost, implementations read the guards back before they throw: guards that read as {@code wanted}
     * are returned as written.
     *
     * @param expected the guards the plan saw
     * @param wanted the guards to set
     * @return the guards read back after the change
     * @throws dev.oktaentra.core.directory.ConflictException when the guards no longer equal {@code expected}
     */
    MatchBlocks setMatchBlocks(MatchBlocks expected, MatchBlocks wanted);

    /**
     * The tenant's cloud sync jobs, one per configured AD domain; empty when cloud sync is not set up.
     *
     * @return the jobs
     */
    List<CloudSyncJob> cloudSyncJobs();

    /**
     * Starts (or resumes) a cloud sync job.
     *
     * @param job the job
     */
    void start(CloudSyncJob job);

    /**
     * Restarts a cloud sync job, resetting the given scopes (e.g. {@code Full}, {@code Watermark},
     * {@code QuarantineState}).
     *
     * @param job the job
     * @param resetScopes the scopes to reset; Microsoft's values, case as documented
     */
    void restart(CloudSyncJob job, Set<String> resetScopes);

    /**
     * Provisions one AD user on demand through a cloud sync job, with the job's rule for users: the service really
     * provisions it, matching an existing Entra user or creating a new one; it is not a dry run
     * (https://learn.microsoft.com/graph/api/synchronization-synchronizationjob-provisionondemand: "Select a user and
     * provision the account on-demand. The rate limit for this API is 5 requests per 10 seconds."). Scoping filters
     * are not applied to the user ("the scoping filters are not applied to the user that you selected",
     * https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/how-to-on-demand-provision). Implementations keep
     * to the rate limit.
     *
     * @param job the {@code AD2AADProvisioning} job
     * @param distinguishedName the AD user's distinguished name
     * @return the service's answer, parsed
     * @throws UnsupportedOperationException by default: this implementation cannot provision on demand
     */
    default OnDemandProvisioning provisionOnDemand(CloudSyncJob job, String distinguishedName) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot provision users on demand; "
                + "implement TenantSync.provisionOnDemand, or set the on-demand sample to 0");
    }

    /**
     * The provisioning log entries of a time window, streamed page by page.
     *
     * @param from start of the window, inclusive
     * @param to end of the window, exclusive
     * @param jobId only entries of this job, or {@code null} for all
     * @return a stream to close after use
     */
    Stream<ProvisioningEvent> provisioningEvents(Instant from, Instant to, String jobId);

    /**
     * The permissions the runbook needs that the caller's token lacks, found before any step runs.
     *
     * @param required permission names, e.g. {@code User.ReadWrite.All}
     * @return the missing ones with a hint each (admin consent), empty when all are granted
     */
    List<String> missingPermissions(List<String> required);

    /**
     * The tenant's domains and how each authenticates its users, to tell which users are federated (their
     * ImmutableID cannot be changed directly) and where a UPN can move meanwhile. The default reads nothing.
     *
     * @return the domains, or empty when this implementation cannot read them
     */
    default Optional<TenantDomains> domains() {
        return Optional.empty();
    }

    /**
     * Every user, group and contact of the tenant with its sync state, creation time and
     * {@code onPremisesProvisioningErrors}: what a failed match leaves behind after the cutover. The default cannot
     * read them; {@code verify-cutover} then fails, since it cannot see duplicates.
     *
     * @return a stream to close after use
     * @throws UnsupportedOperationException when this implementation cannot read them (the default)
     */
    default Stream<TenantObject> tenantObjects() {
        throw new UnsupportedOperationException(getClass().getName() + " does not read the tenant's users, groups "
                + "and contacts with their onPremisesProvisioningErrors; implement TenantSync.tenantObjects()");
    }

    /**
     * The users' directory roles, read and written, where this implementation offers them.
     *
     * @return the roles port, or empty (the default) when this implementation cannot read assignments
     */
    default java.util.Optional<DirectoryRoles> directoryRoles() {
        return java.util.Optional.empty();
    }

    /**
     * Sets the tenant's temporary allowance for {@code onPremisesObjectIdentifier} updates
     * ({@code allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled}), compare-and-set, and reads it back.
     *
     * @param expected the value the plan saw
     * @param wanted the value to set
     * @return the value read back
     * @throws dev.oktaentra.core.directory.ConflictException when the value no longer equals {@code expected}
     * @throws UnsupportedOperationException by default: this implementation cannot set it
     */
    default boolean setObjectIdentifierAllowance(boolean expected, boolean wanted) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot set the tenant's "
                + "allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled");
    }
}
