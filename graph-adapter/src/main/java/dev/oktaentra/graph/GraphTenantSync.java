package dev.oktaentra.graph;

import com.microsoft.graph.models.OnPremisesDirectorySynchronization;
import com.microsoft.graph.models.OnPremisesDirectorySynchronizationCollectionResponse;
import com.microsoft.graph.models.OnPremisesDirectorySynchronizationFeature;
import com.microsoft.graph.models.Organization;
import com.microsoft.graph.models.OrganizationCollectionResponse;
import com.microsoft.graph.models.SynchronizationJobRestartCriteria;
import com.microsoft.graph.models.SynchronizationJobRestartScope;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.restart.RestartPostRequestBody;
import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.directory.ConflictException;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.core.tenant.OnDemandProvisioning;
import dev.oktaentra.core.tenant.ProvisioningEvent;
import dev.oktaentra.core.tenant.ProvisioningLogSummary;
import dev.oktaentra.core.tenant.SyncFeatures;
import dev.oktaentra.core.tenant.TenantDomains;
import dev.oktaentra.core.tenant.TenantObject;
import dev.oktaentra.core.tenant.TenantSync;
import dev.oktaentra.core.tenant.TenantSyncState;
import dev.oktaentra.core.tenant.DirectoryRoles;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Entra tenant's sync controls over Graph ({@link TenantSync}): {@code organization} and
 * {@code directory/onPremisesSynchronization} for state and matching guards, cloud sync jobs on their service
 * principals, and {@code auditLogs/provisioning}. Get one from {@link GraphDirectory#tenantSync()}.
 */
public final class GraphTenantSync implements TenantSync {

    private static final Logger LOG = LoggerFactory.getLogger(GraphTenantSync.class);

    private final GraphServiceClient graph;
    private final GraphSettings settings;
    private final String name;
    private final OnDemandProvisioner onDemand;

    GraphTenantSync(GraphServiceClient graph, GraphSettings settings, String name, OnDemandProvisioner onDemand) {
        this.graph = graph;
        this.settings = settings;
        this.name = name;
        this.onDemand = onDemand;
    }

    /**
     * Reads {@code organization} (needs {@code Directory.Read.All}) and {@code directory/onPremisesSynchronization}
     * (needs {@code OnPremDirectorySynchronization.Read.All}): the sync status and the synchronisation
     * {@link #features() features}.
     *
     * @return the state
     * @throws GraphException when either cannot be read
     */
    @Override
    public TenantSyncState state() {
        OrganizationCollectionResponse orgs = Calls.call("Reading the organization of " + name,
                () -> graph.organization().get(rc -> {
                    rc.queryParameters.select = new String[] {"id", "onPremisesSyncEnabled",
                        "onPremisesLastSyncDateTime"};
                    Calls.retry(rc, settings);
                }));
        if (orgs == null || orgs.getValue() == null || orgs.getValue().isEmpty()) {
            throw new GraphException("Reading the organization of " + name + ": Graph listed no organization", 200,
                    null, null, null, List.of());
        }
        Organization org = orgs.getValue().get(0);
        OffsetDateTime last = org.getOnPremisesLastSyncDateTime();
        return new TenantSyncState(org.getOnPremisesSyncEnabled(), last == null ? null : last.toInstant(),
                features(synchronization()));
    }

    /**
     * Reads the tenant's synchronisation features that decide how Entra ID matches
     * ({@code GET /directory/onPremisesSynchronization}, {@code features}: the
     * {@code onPremisesDirectorySynchronizationFeature} resource,
     * https://learn.microsoft.com/graph/api/resources/onpremisesdirectorysynchronizationfeature). All four are v1.0:
     * {@code allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled} joined the other three in July 2026 (Graph "What's
     * new", https://learn.microsoft.com/graph/whats-new-overview) and Graph Java SDK 6.70 has a getter for each. Needs
     * {@code OnPremDirectorySynchronization.Read.All}.
     *
     * <p>Graph sends every flag. Should one of the two matching guards be missing, the read fails: guessing either
     * way could predict a match Entra ID refuses or hide one it makes. A missing {@code softMatchOnUpnEnabled} is read
     * as off and a missing allowance as off ("This flag is disabled by default", how-to-connect-install-existing-tenant;
     * a Graph cloud that has not yet shipped the July 2026 property sends none): both predict fewer matches, the
     * safer side.
     *
     * @return the features
     * @throws GraphException when they cannot be read
     */
    public SyncFeatures features() {
        return features(synchronization());
    }

    /**
     * Switches the matching guards, compare-and-set: reads them, refuses when they differ from {@code expected},
     * writes nothing when they already equal {@code wanted}, else PATCHes the whole {@code features} object (as
     * Microsoft's own instructions do, so the other features keep their values) and reads it back. Needs
     * {@code OnPremDirectorySynchronization.ReadWrite.All}.
     *
     * <p>When the PATCH has no answer (a dropped connection) or a 5xx one after the retries, Graph may still have
     * written it (https://learn.microsoft.com/en-us/graph/errors: a 504 is the gateway giving up on the service), so
     * the guards are read back first: guards that read as {@code wanted} are returned as written; otherwise the
     * failure is thrown.
     *
     * @param expected the guards the plan saw
     * @param wanted the guards to set
     * @return the guards read back
     * @throws ConflictException when the guards are no longer {@code expected}; nothing was written
     * @throws GraphException when Graph refuses
     */
    @Override
    public MatchBlocks setMatchBlocks(MatchBlocks expected, MatchBlocks wanted) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(wanted, "wanted");
        OnPremisesDirectorySynchronization sync = synchronization();
        MatchBlocks current = blocks(sync);
        if (!current.equals(expected)) {
            throw new ConflictException("The matching guards of " + name + " are " + current + ", not the planned "
                    + expected + ": someone changed them since planning; nothing was written");
        }
        if (current.equals(wanted)) {
            LOG.info("Matching guards of {} already {}; nothing written", name, wanted);
            return current;
        }
        OnPremisesDirectorySynchronizationFeature features = new OnPremisesDirectorySynchronizationFeature();
        if (sync.getFeatures() != null) {
            sync.getFeatures().getBackingStore().enumerate().forEach(features.getBackingStore()::set);
        }
        features.setBlockSoftMatchEnabled(wanted.blockSoftMatchEnabled());
        features.setBlockCloudObjectTakeoverThroughHardMatchEnabled(
                wanted.blockCloudObjectTakeoverThroughHardMatchEnabled());
        OnPremisesDirectorySynchronization delta = new OnPremisesDirectorySynchronization();
        delta.setFeatures(features);
        try {
            Calls.run("Setting the matching guards of " + name + " to " + wanted
                    + " (needs OnPremDirectorySynchronization.ReadWrite.All)",
                    () -> graph.directory().onPremisesSynchronization()
                            .byOnPremisesDirectorySynchronizationId(sync.getId()).patch(delta, rc -> Calls.retry(rc,
                                    settings)));
        } catch (GraphException e) {
            if (e.httpStatus() != 0 && e.httpStatus() < 500) {
                throw e;   // refused: not written
            }
            MatchBlocks read = readBackAfter(e);
            if (!read.equals(wanted)) {
                throw e;
            }
            LOG.warn("Graph's answer to setting the matching guards of {} was lost ({}); they read back as {}",
                    name, e.getMessage(), read);
            return read;
        }
        MatchBlocks after = blocks(synchronization());
        LOG.info("Matching guards of {} changed from {} to {}; read back {}", name, current, wanted, after);
        return after;
    }

    /**
     * The users' directory roles over {@code roleManagement/directory} ({@link GraphDirectoryRoles}).
     *
     * @return the roles port
     */
    @Override
    public Optional<DirectoryRoles> directoryRoles() {
        return Optional.of(new GraphDirectoryRoles(graph, settings, Clock.systemUTC()));
    }

    /**
     * Sets {@code allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled}, compare-and-set, by PATCHing the whole
     * {@code features} object as {@link #setMatchBlocks} does ("enable the tenant-level feature flag
     * allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled", https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant,
     * "Temporarily allow onPremisesObjectIdentifier updates"), then reads it back. Needs
     * {@code OnPremDirectorySynchronization.ReadWrite.All}.
     *
     * @param expected the value the plan saw
     * @param wanted the value to set
     * @return the value read back
     * @throws ConflictException when the value is no longer {@code expected}; nothing was written
     */
    @Override
    public boolean setObjectIdentifierAllowance(boolean expected, boolean wanted) {
        OnPremisesDirectorySynchronization sync = synchronization();
        boolean current = features(sync).allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled();
        if (current != expected) {
            throw new ConflictException("allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled of " + name + " is "
                    + current + ", not the planned " + expected + "; nothing was written");
        }
        if (current == wanted) {
            return current;
        }
        OnPremisesDirectorySynchronizationFeature features = new OnPremisesDirectorySynchronizationFeature();
        if (sync.getFeatures() != null) {
            sync.getFeatures().getBackingStore().enumerate().forEach(features.getBackingStore()::set);
        }
        features.setAllowOnPremUpdateOfOnPremisesObjectIdentifierEnabled(wanted);
        OnPremisesDirectorySynchronization delta = new OnPremisesDirectorySynchronization();
        delta.setFeatures(features);
        Calls.run("Setting allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled of " + name + " to " + wanted
                + " (needs OnPremDirectorySynchronization.ReadWrite.All)",
                () -> graph.directory().onPremisesSynchronization().byOnPremisesDirectorySynchronizationId(sync.getId())
                        .patch(delta, rc -> Calls.retry(rc, settings)));
        boolean after = features().allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled();
        LOG.info("allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled of {} changed from {} to {}; read back {}",
                name, current, wanted, after);
        return after;
    }

    /**
     * Finds the AD-to-Entra cloud sync jobs: service principals of application template
     * {@code 1a4721b3-e57f-4451-ae87-ef078703ec94}, then their jobs of template {@code AD2AADProvisioning}. Needs
     * {@code Directory.Read.All} and {@code Synchronization.Read.All}.
     *
     * @return the jobs, one per AD domain; empty when cloud sync is not set up
     */
    @Override
    public List<CloudSyncJob> cloudSyncJobs() {
        return CloudSyncJobs.find(graph, settings);
    }

    /**
     * Starts or resumes a job ({@code POST …/jobs/{id}/start}); it also clears a quarantine. Needs
     * {@code Synchronization.ReadWrite.All}.
     *
     * @param job the job
     */
    @Override
    public void start(CloudSyncJob job) {
        Objects.requireNonNull(job, "job");
        Calls.run("Starting cloud sync job " + job.jobId() + " of " + job.servicePrincipalName(),
                () -> graph.servicePrincipals().byServicePrincipalId(job.servicePrincipalId()).synchronization()
                        .jobs().bySynchronizationJobId(job.jobId()).start().post(rc -> Calls.retry(rc, settings)));
        LOG.info("Started cloud sync job {} of {}", job.jobId(), job.servicePrincipalName());
    }

    /**
     * Restarts a job, resetting the given scopes ({@code POST …/jobs/{id}/restart}). Needs
     * {@code Synchronization.ReadWrite.All}.
     *
     * @param job the job
     * @param resetScopes Microsoft's scope names, any case: {@code Full}, {@code Watermark}, {@code Escrows},
     *        {@code QuarantineState}, {@code ForceDeletes}, {@code ConnectorDataStore}, {@code None}; empty for none
     * @throws IllegalArgumentException naming an unknown scope
     */
    @Override
    public void restart(CloudSyncJob job, Set<String> resetScopes) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(resetScopes, "resetScopes");
        RestartPostRequestBody body = new RestartPostRequestBody();
        if (!resetScopes.isEmpty()) {
            EnumSet<SynchronizationJobRestartScope> scopes = EnumSet.noneOf(SynchronizationJobRestartScope.class);
            for (String scope : resetScopes) {
                scopes.add(scope(scope));
            }
            SynchronizationJobRestartCriteria criteria = new SynchronizationJobRestartCriteria();
            criteria.setResetScope(scopes);
            body.setCriteria(criteria);
        }
        Calls.run("Restarting cloud sync job " + job.jobId() + " of " + job.servicePrincipalName()
                + " with reset scope " + resetScopes,
                () -> graph.servicePrincipals().byServicePrincipalId(job.servicePrincipalId()).synchronization()
                        .jobs().bySynchronizationJobId(job.jobId()).restart().post(body,
                                rc -> Calls.retry(rc, settings)));
        LOG.info("Restarted cloud sync job {} of {} resetting {}", job.jobId(), job.servicePrincipalName(),
                resetScopes);
    }

    /**
     * Provisions one AD user on demand through a cloud sync job ({@code POST …/jobs/{id}/provisionOnDemand}, with the
     * rule for users read from the job's schema): a real provisioning, not a dry run. Never more than 5 requests in
     * 10 seconds, the API's rate limit: a sixth waits, through the retry policy's sleeper. Needs
     * {@code Synchronization.ReadWrite.All}.
     *
     * @param job the {@code AD2AADProvisioning} job
     * @param distinguishedName the AD user's distinguished name
     * @return the answer, its key and value parsed
     * @throws GraphException when the call fails, the job has no single rule for users, or the answer's key or value
     *         is not JSON (naming the job and the user)
     */
    @Override
    public OnDemandProvisioning provisionOnDemand(CloudSyncJob job, String distinguishedName) {
        Objects.requireNonNull(job, "job");
        return onDemand.provision(job, distinguishedName);
    }

    /**
     * Streams the provisioning log of a window, page by page. Needs {@code AuditLog.Read.All} and
     * {@code Directory.Read.All}.
     *
     * @param from start, inclusive
     * @param to end, exclusive; after {@code from}
     * @param jobId only this job's entries, or {@code null}
     * @return a lazy stream; close it after use
     */
    @Override
    public Stream<ProvisioningEvent> provisioningEvents(Instant from, Instant to, String jobId) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The provisioning log window must end after it starts: " + from
                    + " .. " + to);
        }
        return ProvisioningEvents.stream(graph, settings, from, to, jobId);
    }

    /**
     * Reads a window of the provisioning log and summarises it with core's classifier: failures by error code and
     * category, and the failures that block the cutover.
     *
     * @param from start, inclusive
     * @param to end, exclusive
     * @param jobId only this job's entries, or {@code null}
     * @return the summary
     */
    public ProvisioningLogSummary provisioningSummary(Instant from, Instant to, String jobId) {
        return ProvisioningLogSummary.of(provisioningEvents(from, to, jobId));
    }

    /**
     * The required permissions the access token lacks, read from its {@code roles} (app-only) or {@code scp}
     * (delegated) claims; the token is decoded locally, not verified, never logged and never sent anywhere new. A
     * granted {@code X.ReadWrite.Y} counts as {@code X.Read.Y}.
     *
     * @param required permission names, e.g. {@link GraphPermissions#RUNBOOK}
     * @return one line per missing permission with the admin-consent hint; empty when all are granted
     * @throws GraphException when no token can be obtained, or it is not a JWT whose claims can be read
     */
    @Override
    public List<String> missingPermissions(List<String> required) {
        Objects.requireNonNull(required, "required");
        return PermissionCheck.missing(graph, name, required);
    }

    /**
     * The runbook's permissions ({@link GraphPermissions#RUNBOOK}) the token lacks.
     *
     * @return one line per missing permission; empty when all are granted
     */
    public List<String> missingPermissions() {
        return missingPermissions(GraphPermissions.RUNBOOK);
    }

    /**
     * Reads the tenant's domains ({@code GET /domains}, needs {@code Domain.Read.All}); see {@link GraphDomains}.
     *
     * @return the domains, always present
     */
    @Override
    public Optional<TenantDomains> domains() {
        return Optional.of(GraphDomains.read(graph, settings, name));
    }

    /**
     * Streams every user, group and contact with {@code onPremisesProvisioningErrors}; see
     * {@link TenantObjectPages}.
     *
     * @return a lazy stream; close it after use
     */
    @Override
    public Stream<TenantObject> tenantObjects() {
        return TenantObjectPages.stream(graph, settings, name);
    }

    /** The guards read after a write whose answer was lost; a failed read adds to the write's failure. */
    private MatchBlocks readBackAfter(GraphException lost) {
        try {
            return blocks(synchronization());
        } catch (GraphException e) {
            throw new GraphException(lost.getMessage() + "; reading the guards back failed too (" + e.getMessage()
                    + "), so whether they were written is unknown: read them in the Entra admin center or plan "
                    + "the step again", lost.httpStatus(), lost.errorCode(), lost.graphMessage(), lost.requestId(),
                    lost.details());
        }
    }

    private OnPremisesDirectorySynchronization synchronization() {
        OnPremisesDirectorySynchronizationCollectionResponse list = Calls.call("Reading the on-premises"
                + " synchronization settings of " + name + " (needs OnPremDirectorySynchronization.Read.All)",
                () -> graph.directory().onPremisesSynchronization().get(rc -> Calls.retry(rc, settings)));
        if (list == null || list.getValue() == null || list.getValue().isEmpty()) {
            throw new GraphException("Reading the on-premises synchronization settings of " + name
                    + ": Graph listed none", 200, null, null, null, List.of());
        }
        return list.getValue().get(0);
    }

    private SyncFeatures features(OnPremisesDirectorySynchronization sync) {
        OnPremisesDirectorySynchronizationFeature f = sync.getFeatures();
        if (f == null) {
            throw unknownFeature("features");
        }
        if (f.getBlockSoftMatchEnabled() == null) {
            throw unknownFeature("features.blockSoftMatchEnabled");
        }
        if (f.getBlockCloudObjectTakeoverThroughHardMatchEnabled() == null) {
            throw unknownFeature("features.blockCloudObjectTakeoverThroughHardMatchEnabled");
        }
        return new SyncFeatures(f.getBlockSoftMatchEnabled(), f.getBlockCloudObjectTakeoverThroughHardMatchEnabled(),
                Boolean.TRUE.equals(f.getSoftMatchOnUpnEnabled()),
                Boolean.TRUE.equals(f.getAllowOnPremUpdateOfOnPremisesObjectIdentifierEnabled()));
    }

    private GraphException unknownFeature(String property) {
        return new GraphException("Reading the on-premises synchronization settings of " + name + ": Graph's answer"
                + " has no " + property + ", so how Entra ID will match is unknown; check the tenant with"
                + " Get-MgDirectoryOnPremiseSynchronization", 200, null, null, null, List.of());
    }

    private static MatchBlocks blocks(OnPremisesDirectorySynchronization sync) {
        OnPremisesDirectorySynchronizationFeature f = sync.getFeatures();
        // Graph sends every feature flag; an absent one is off, the service's default.
        return f == null ? new MatchBlocks(false, false)
                : new MatchBlocks(Boolean.TRUE.equals(f.getBlockSoftMatchEnabled()),
                        Boolean.TRUE.equals(f.getBlockCloudObjectTakeoverThroughHardMatchEnabled()));
    }

    private static SynchronizationJobRestartScope scope(String name) {
        for (SynchronizationJobRestartScope s : SynchronizationJobRestartScope.values()) {
            if (s.getValue().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Reset scope " + OktaEntraException.quote(name) + " is not one of "
                + Arrays.stream(SynchronizationJobRestartScope.values()).map(SynchronizationJobRestartScope::getValue)
                        .collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return "GraphTenantSync[" + name + "]";
    }
}
