package dev.oktaentra.graph.testing;

import com.sun.net.httpserver.HttpServer;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.DirectoryAuditEntry;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.core.tenant.OnPremisesProvisioningError;
import dev.oktaentra.core.tenant.ProvisioningEvent;
import dev.oktaentra.core.tenant.SyncFeatures;
import dev.oktaentra.core.tenant.TenantDomain;
import dev.oktaentra.core.tenant.TenantObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A Microsoft Graph v1.0 stand-in on a loopback port, for tests and rehearsals: the real Graph SDK talks to it over
 * HTTP and cannot tell the difference for the endpoints the graph adapter uses. Beside {@code /v1.0} it serves
 * {@code /beta} with the same routes plus what beta alone has ({@code onPremisesObjectIdentifier} on users).
 *
 * <pre>{@code
 * try (FakeGraphServer graph = FakeGraphServer.start()) {
 *     graph.addUsers(users);                        // CloudUser objects; holdsAdminRole ones get a role assignment,
 *                                                   // eligibleForAdminRole ones a PIM eligibility
 *     graph.setMatchBlocks(MatchBlocks.CLOSED);
 *     graph.faults(FaultPlan.throttling(0.1, 42));  // 10% of requests answered 429, Retry-After: 1
 *     graph.loseAnswers("PATCH", "/users/", LostAnswer.CONNECTION_RESET, 1);  // written, then the answer lost
 *     GraphDirectory entra = GraphDirectory.connect(GraphSettings.builder().baseUrl(graph.baseUrl())
 *             .allowPlaintextOnLoopback().credentials(GraphCredentials.accessToken(Secret.of(token))).build());
 *     ...
 *     graph.user(id);                               // the state after writes
 *     graph.requests();                             // what was sent, Authorization redacted
 * }
 * }</pre>
 *
 * <p>Every answer carries {@code Content-Type: application/json} (the SDK silently returns null without it),
 * except {@code users/$count} ({@code text/plain}) and 204s. Requests without a bearer token are answered 401, as
 * Graph does, unless {@link #requireBearerToken(boolean)} turns that off.
 */
public final class FakeGraphServer implements AutoCloseable {

    /** Cloud sync's application template id, as Graph lists it on cloud sync service principals. */
    public static final String CLOUD_SYNC_TEMPLATE_ID = "1a4721b3-e57f-4451-ae87-ef078703ec94";

    private final Object lock = new Object();
    private final FakeTenant tenant = new FakeTenant();
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final Dispatcher dispatcher;

    private FakeGraphServer() throws IOException {
        // The JDK server writes headers and body separately; with Nagle on, every answer waits ~40 ms for the
        // client's delayed ACK (a $batch per 20 users made that minutes). Read once per JVM by the JDK, so it only
        // helps if set before the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        server = HttpServer.create(new InetSocketAddress(loopback, 0), 64);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-graph");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0";
        dispatcher = new Dispatcher(lock, tenant, baseUrl);
        server.createContext("/", dispatcher::handle);
        server.start();
    }

    /**
     * Starts a server on an ephemeral loopback port.
     *
     * @return the running server; close it after use
     * @throws UncheckedIOException when no port can be bound
     */
    public static FakeGraphServer start() {
        try {
            return new FakeGraphServer();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake Graph server", e);
        }
    }

    /**
     * The v1.0 root to give the SDK, e.g. {@code http://127.0.0.1:54321/v1.0}.
     *
     * @return the base URL
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The beta root, e.g. {@code http://127.0.0.1:54321/beta}.
     *
     * @return the beta root beside {@link #baseUrl()}
     */
    public String betaBaseUrl() {
        return baseUrl.substring(0, baseUrl.length() - "/v1.0".length()) + "/beta";
    }

    /**
     * The tenant id the fake's organization and onPremisesSynchronization objects carry.
     *
     * @return the id
     */
    public String tenantId() {
        synchronized (lock) {
            return tenant.tenantId;
        }
    }

    // ---- seeding ------------------------------------------------------------------------------------------------

    /**
     * Adds a user; one holding an admin role also gets a User Administrator role assignment.
     *
     * @param user the user; its id must be new (empty ids are allowed, to test malformed users)
     * @return this server
     */
    public FakeGraphServer addUser(CloudUser user) {
        synchronized (lock) {
            tenant.addUser(Objects.requireNonNull(user, "user"));
        }
        return this;
    }

    /**
     * Replaces a seeded user, as the sync engine or an admin would change it in the tenant: e.g. marks it synced
     * after a cutover. The user keeps its place in the listing.
     *
     * @param user the new state; its id names the user to replace
     * @return this server
     * @throws IllegalArgumentException when no user has that id
     */
    public FakeGraphServer replaceUser(CloudUser user) {
        synchronized (lock) {
            int index = tenant.find(Objects.requireNonNull(user, "user").id());
            if (index < 0) {
                throw new IllegalArgumentException("The fake holds no user with id " + user.id());
            }
            tenant.replace(index, user);
        }
        return this;
    }

    /**
     * Adds users, in order.
     *
     * @param users the users
     * @return this server
     */
    public FakeGraphServer addUsers(Collection<CloudUser> users) {
        synchronized (lock) {
            users.forEach(tenant::addUser);
        }
        return this;
    }

    /**
     * Sets the organization's sync status.
     *
     * @param onPremisesSyncEnabled directory sync on ({@code null} = never enabled)
     * @param onPremisesLastSyncDateTime the last sync, or {@code null}
     * @return this server
     */
    public FakeGraphServer setOrganization(Boolean onPremisesSyncEnabled, Instant onPremisesLastSyncDateTime) {
        synchronized (lock) {
            tenant.onPremisesSyncEnabled = onPremisesSyncEnabled;
            tenant.onPremisesLastSyncDateTime = onPremisesLastSyncDateTime;
        }
        return this;
    }

    /**
     * Sets the matching guards.
     *
     * @param blocks the guards
     * @return this server
     */
    public FakeGraphServer setMatchBlocks(MatchBlocks blocks) {
        synchronized (lock) {
            tenant.matchBlocks(Objects.requireNonNull(blocks, "blocks"));
        }
        return this;
    }

    /**
     * Sets the four synchronisation features matching depends on; the others keep their values.
     *
     * @param features the features
     * @return this server
     */
    public FakeGraphServer setSyncFeatures(SyncFeatures features) {
        synchronized (lock) {
            tenant.matchBlocks(features.matchBlocks());
            tenant.features.put("softMatchOnUpnEnabled", features.softMatchOnUpnEnabled());
            tenant.features.put("allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled",
                    features.allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled());
        }
        return this;
    }

    /**
     * Whether v1.0 serves {@code /users/{id}/onPremisesSyncBehavior} (default true); false answers as a Graph
     * without the segment, 400 "Resource not found for the segment 'onPremisesSyncBehavior'.". Beta always serves it.
     *
     * @param value false to refuse it on v1.0
     * @return this server
     */
    public FakeGraphServer serveSyncBehaviorOnV1(boolean value) {
        synchronized (lock) {
            tenant.syncBehaviorOnV1 = value;
        }
        return this;
    }

    /**
     * Whether {@code onPremisesSyncBehavior} comes wrapped in {@code value} (default true, as Microsoft's example
     * answers it) or as the plain object.
     *
     * @param value false for the plain object
     * @return this server
     */
    public FakeGraphServer wrapSyncBehavior(boolean value) {
        synchronized (lock) {
            tenant.syncBehaviorWrapped = value;
        }
        return this;
    }

    /**
     * Assigns a directory role (tenant-wide scope) to a user, group or service principal.
     *
     * @param principalId the principal's object id
     * @param roleDefinitionId the role, e.g. {@code 62e90394-69f5-4237-9190-012177145e10} (Global Administrator)
     * @return this server
     */
    public FakeGraphServer assignDirectoryRole(String principalId, String roleDefinitionId) {
        synchronized (lock) {
            tenant.roleAssignments.add(new FakeTenant.RoleAssignment(UUID.randomUUID().toString(), principalId,
                    roleDefinitionId));
        }
        return this;
    }

    /**
     * Makes a user or a role-assignable group eligible (PIM) for a directory role, tenant-wide: one
     * {@code roleEligibilitySchedules} item.
     *
     * @param principalId the principal's object id
     * @param roleDefinitionId the role
     * @return this server
     */
    public FakeGraphServer makeEligible(String principalId, String roleDefinitionId) {
        return makeEligible(principalId, roleDefinitionId, null);
    }

    /**
     * Removes every directory role assigned to a principal, as an administrator does for the matching window
     * ("Temporarily remove the role, complete the hard match, then reassign it", how-to-connect-install-existing-tenant).
     *
     * @param principalId the principal's object id
     * @return this server
     */
    public FakeGraphServer removeDirectoryRoles(String principalId) {
        synchronized (lock) {
            tenant.roleAssignments.removeIf(a -> a.principalId().equals(principalId));
        }
        return this;
    }

    /**
     * Removes every PIM eligibility of a principal, as an administrator does for the matching window (the recovery
     * table of how-to-connect-install-existing-tenant: "remove the eligibility for the matching window, complete the
     * hard match, then reassign it").
     *
     * @param principalId the principal's object id
     * @return this server
     */
    public FakeGraphServer removeEligibilities(String principalId) {
        synchronized (lock) {
            tenant.eligibilities.removeIf(e -> e.principalId().equals(principalId));
        }
        return this;
    }

    /**
     * Makes a user eligible (PIM) for a directory role, tenant-wide, until a given time.
     *
     * @param principalId the principal's object id
     * @param roleDefinitionId the role
     * @param end when the eligibility expires
     * @return this server
     */
    public FakeGraphServer makeEligible(String principalId, String roleDefinitionId, Instant end) {
        synchronized (lock) {
            tenant.eligibilities.add(new FakeTenant.Eligibility(UUID.randomUUID().toString(), principalId,
                    roleDefinitionId, Instant.parse("2026-06-01T00:00:00Z"), end));
        }
        return this;
    }

    /**
     * The directory roles a principal holds now, as the fake keeps them.
     *
     * @param principalId the principal's object id
     * @return {@code active <roleDefinitionId>} and {@code eligible <roleDefinitionId>[ until <end>]} lines
     */
    public List<String> heldRoles(String principalId) {
        synchronized (lock) {
            List<String> held = new ArrayList<>();
            tenant.roleAssignments.stream().filter(a -> a.principalId().equals(principalId))
                    .forEach(a -> held.add("active " + a.roleDefinitionId()));
            tenant.eligibilities.stream().filter(e -> e.principalId().equals(principalId))
                    .forEach(e -> held.add("eligible " + e.roleDefinitionId() + (e.end() == null ? ""
                            : " until " + e.end())));
            return held;
        }
    }

    /**
     * Adds a role-assignable group and its member users.
     *
     * @param groupId the group's object id
     * @param memberIds the members' object ids
     * @return this server
     */
    public FakeGraphServer addRoleAssignableGroup(String groupId, Collection<String> memberIds) {
        synchronized (lock) {
            tenant.groupMembers.put(groupId, List.copyOf(memberIds));
        }
        return this;
    }

    /**
     * Adds a service principal.
     *
     * @param id its object id
     * @param displayName its name
     * @param applicationTemplateId its application template, or {@code null}
     * @return this server
     */
    public FakeGraphServer addServicePrincipal(String id, String displayName, String applicationTemplateId) {
        synchronized (lock) {
            tenant.servicePrincipals.put(id, new FakeTenant.ServicePrincipal(id, displayName,
                    UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString(), applicationTemplateId));
        }
        return this;
    }

    /**
     * Adds a synchronization job; creates its service principal as a cloud sync one if it does not exist.
     *
     * @param job the job, as the adapter would report it
     * @return this server
     */
    public FakeGraphServer addSynchronizationJob(CloudSyncJob job) {
        synchronized (lock) {
            if (!tenant.servicePrincipals.containsKey(job.servicePrincipalId())) {
                addServicePrincipal(job.servicePrincipalId(), job.servicePrincipalName(), CLOUD_SYNC_TEMPLATE_ID);
            }
            tenant.jobs.computeIfAbsent(job.servicePrincipalId(), k -> new ArrayList<>()).add(new FakeTenant.Job(job));
        }
        return this;
    }

    /**
     * What the cloud sync agent reads from AD when a user is provisioned on demand: the user of a distinguished
     * name, or empty. Without one the fake knows no on-prem user and answers every on-demand provisioning with a
     * {@code Failure}.
     *
     * @param view the lookup by distinguished name, called under the server's lock
     * @return this server
     */
    public FakeGraphServer agentView(java.util.function.Function<String, Optional<OnPremUser>> view) {
        synchronized (lock) {
            tenant.agentView = Objects.requireNonNull(view, "view");
        }
        return this;
    }

    /**
     * The clock the rate limit of on-demand provisioning (5 requests per 10 seconds) is counted in; the system's
     * unless a test moves its own.
     *
     * @param clock the clock
     * @return this server
     */
    public FakeGraphServer clock(java.time.Clock clock) {
        synchronized (lock) {
            tenant.clock = Objects.requireNonNull(clock, "clock");
        }
        return this;
    }

    /**
     * Adds provisioning log entries.
     *
     * @param events the entries
     * @return this server
     */
    public FakeGraphServer addProvisioningEvents(Collection<ProvisioningEvent> events) {
        synchronized (lock) {
            tenant.events.addAll(events);
        }
        return this;
    }

    /**
     * Adds a domain to the tenant, e.g. one federated to Okta. Graph also lists the initial domain
     * ({@link #initialDomain()}) and, as managed unless a listed parent says otherwise, the domain of every UPN a user
     * held. A user whose UPN is in a federated domain cannot have its ImmutableID changed: the PATCH is answered 400.
     *
     * @param domain the domain
     * @return this server
     */
    public FakeGraphServer addDomain(TenantDomain domain) {
        synchronized (lock) {
            tenant.directory.domains.put(domain.name(), domain);
        }
        return this;
    }

    /**
     * Adds entries to the directory audit log ({@code GET /auditLogs/directoryAudits}).
     *
     * @param entries the entries
     * @return this server
     */
    public FakeGraphServer addDirectoryAudits(Collection<DirectoryAuditEntry> entries) {
        synchronized (lock) {
            dispatcher.audits().add(List.copyOf(entries));
        }
        return this;
    }

    /**
     * The tenant's initial domain, where Entra ID puts placeholder UPNs.
     *
     * @return e.g. {@code contoso.onmicrosoft.com}
     */
    public String initialDomain() {
        synchronized (lock) {
            return tenant.directory.initialDomain;
        }
    }

    /**
     * Plays a sync engine's export of a new (unmatched) object, as Entra ID handles it with duplicate attribute
     * resiliency: a UPN another user holds becomes {@code <prefix>+<4 digits>@<initial domain>}, a proxy address
     * another user holds is dropped, each recorded in the new user's {@code onPremisesProvisioningErrors}; the user is
     * created synced at {@code at}. Seeded users were created long before ({@code 2021-03-01}).
     *
     * @param user the on-prem object as exported: id, UPN, ImmutableID (no user may hold it), proxy addresses
     * @param at when the export ran
     * @return the user as created
     * @throws IllegalArgumentException when a user holds the ImmutableID: that would be a hard match, not an add
     */
    public CloudUser syncAdd(CloudUser user, Instant at) {
        synchronized (lock) {
            return tenant.directory.syncAdd(Objects.requireNonNull(user, "user"), Objects.requireNonNull(at, "at"));
        }
    }

    /**
     * Adds a group or contact, with its {@code onPremisesProvisioningErrors}.
     *
     * @param object a {@code GROUP} or {@code CONTACT}
     * @return this server
     */
    public FakeGraphServer addObject(TenantObject object) {
        synchronized (lock) {
            switch (object.type()) {
                case GROUP -> tenant.directory.groups.add(object);
                case CONTACT -> tenant.directory.contacts.add(object);
                default -> throw new IllegalArgumentException("Add users with addUser or syncAdd, not addObject");
            }
        }
        return this;
    }

    /**
     * A user's {@code onPremisesProvisioningErrors}.
     *
     * @param id the user's object id
     * @return the errors, empty when none
     */
    public List<OnPremisesProvisioningError> provisioningErrors(String id) {
        synchronized (lock) {
            return tenant.directory.errors.getOrDefault(FakeDirectory.key(id), List.of());
        }
    }

    // ---- behaviour ----------------------------------------------------------------------------------------------

    /**
     * Injects faults from now on, with a fresh random of the plan's seed.
     *
     * @param plan the plan, {@link FaultPlan#NONE} to stop
     * @return this server
     */
    public FakeGraphServer faults(FaultPlan plan) {
        synchronized (lock) {
            dispatcher.faults(Objects.requireNonNull(plan, "plan"));
        }
        return this;
    }

    /**
     * Answers the next request with this method whose path (after {@code /v1.0}) starts with the prefix with a
     * fixed response, once. Scripted answers are used in the order given.
     *
     * @param method the HTTP method, e.g. {@code GET}
     * @param pathPrefix e.g. {@code /users}
     * @param response the answer
     * @return this server
     */
    public FakeGraphServer respondNext(String method, String pathPrefix, ScriptedResponse response) {
        synchronized (lock) {
            dispatcher.script(method, pathPrefix, response);
        }
        return this;
    }

    /**
     * Carries out the next {@code times} requests with this method whose path (after {@code /v1.0}) starts with the
     * prefix, top-level or inside a {@code $batch}, and then loses their answer as {@code how} says: the change is
     * made and the client is not told. E.g. {@code loseAnswers("PATCH", "/users/", LostAnswer.CONNECTION_RESET, 5)}
     * writes the users of the next {@code $batch}es and resets their connections.
     *
     * @param method the HTTP method, e.g. {@code PATCH}
     * @param pathPrefix e.g. {@code /users/}
     * @param how how the answer is lost
     * @param times how many matching requests lose their answer (a retried request counts again)
     * @return this server
     */
    public FakeGraphServer loseAnswers(String method, String pathPrefix, LostAnswer how, int times) {
        Objects.requireNonNull(how, "how");
        synchronized (lock) {
            dispatcher.loseAnswers(method, pathPrefix, how, times);
        }
        return this;
    }

    /**
     * Whether requests without {@code Authorization: Bearer …} are answered 401 (default true).
     *
     * @param value false to accept anonymous requests
     * @return this server
     */
    public FakeGraphServer requireBearerToken(boolean value) {
        synchronized (lock) {
            dispatcher.requireToken(value);
        }
        return this;
    }

    /**
     * Whether the permissions in the bearer token's {@code roles} (app-only) or {@code scp} (delegated) are checked
     * (default false): a read whose token holds none of the permissions its Graph reference page accepts is answered
     * {@code 403 Authorization_RequestDenied}, inside a {@code $batch} too. Checked for users, their
     * {@code onPremisesSyncBehavior}, active and eligible directory roles and {@code directory/onPremisesSynchronization}
     * reads; every other route lets any token through.
     *
     * @param value true to check
     * @return this server
     */
    public FakeGraphServer enforcePermissions(boolean value) {
        synchronized (lock) {
            dispatcher.enforcePermissions(value);
        }
        return this;
    }

    // ---- state for assertions -----------------------------------------------------------------------------------

    /**
     * A user's current state.
     *
     * @param idOrUpn object id or UPN
     * @return the user, or empty
     */
    public Optional<CloudUser> user(String idOrUpn) {
        synchronized (lock) {
            int i = tenant.find(idOrUpn);
            return i < 0 ? Optional.empty() : Optional.of(tenant.users.get(i));
        }
    }

    /**
     * Every user, in the order served.
     *
     * @return a snapshot
     */
    public List<CloudUser> users() {
        synchronized (lock) {
            return List.copyOf(tenant.users);
        }
    }

    /**
     * The matching guards now.
     *
     * @return the guards
     */
    public MatchBlocks matchBlocks() {
        synchronized (lock) {
            return tenant.matchBlocks();
        }
    }

    /**
     * Every onPremisesSynchronization feature flag now.
     *
     * @return flag name to value
     */
    public Map<String, Boolean> features() {
        synchronized (lock) {
            return Map.copyOf(tenant.features);
        }
    }

    /**
     * The job starts, restarts and deletes received, in order.
     *
     * @return a snapshot
     */
    public List<JobAction> jobActions() {
        synchronized (lock) {
            return List.copyOf(tenant.jobActions);
        }
    }

    /**
     * The requests received that can change the tenant, in order: every request but a {@code GET}, except a
     * {@code $batch} that carried only {@code GET}s (a read sent in batches, such as {@code isCloudManaged}). A
     * {@code $batch} carrying a write counts once, its items not at all.
     *
     * @return a snapshot, from the most recent 100,000 requests
     */
    public List<RecordedRequest> writes() {
        List<RecordedRequest> all = requests();
        Set<Long> batchesWithWrites = new HashSet<>();
        for (RecordedRequest r : all) {
            if (r.inBatch() && !r.method().equals("GET")) {
                batchesWithWrites.add(r.batch());
            }
        }
        List<RecordedRequest> writes = new ArrayList<>();
        for (RecordedRequest r : all) {
            if (r.inBatch() || r.method().equals("GET")) {
                continue;
            }
            if (!r.path().endsWith("/$batch") || batchesWithWrites.contains(r.sequence())) {
                writes.add(r);
            }
        }
        return writes;
    }

    /**
     * The requests received, in order, including {@code $batch} items (the most recent 100,000).
     *
     * @return a snapshot
     */
    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return dispatcher.requests();
        }
    }

    /**
     * Forgets the recorded requests.
     *
     * @return this server
     */
    public FakeGraphServer clearRequests() {
        synchronized (lock) {
            dispatcher.clearRequests();
        }
        return this;
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "FakeGraphServer[" + baseUrl + "]";
    }
}
