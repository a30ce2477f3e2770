package dev.oktaentra.graph;

import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.UserField;
import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.RetryPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entra ID as a {@link CloudDirectory}, over the Microsoft Graph SDK for Java v6: streams users page by page,
 * and hands out the tenant's sync controls ({@link #tenantSync()}) and an ImmutableID writer ({@link #writer()}).
 *
 * <pre>{@code
 * GraphSettings settings = GraphSettings.builder()
 *         .credentials(GraphCredentials.clientSecret(tenantId, clientId, Secret.fromEnvironment("GRAPH_SECRET")))
 *         .build();
 * try (GraphDirectory entra = GraphDirectory.connect(settings);
 *      Stream<DirectoryRecord<CloudUser>> users = entra.records()) {
 *     users.forEach(record -> ...);
 * }
 * }</pre>
 *
 * <p>Users are read with {@code $select} of what {@link CloudUser} needs plus
 * {@link GraphSettings#extraUserFields()}, {@code $top=999}, following every {@code @odata.nextLink}; only one page
 * is held at a time. Throttled requests (429, 503, 504) are retried honouring {@code Retry-After}.
 *
 * <p>What Entra ID's 2026 hard-match protections look at
 * (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant, "Hard match
 * security protections") is read beside the users, each as its own source says:
 * <ul>
 *   <li>active directory roles ({@code roleManagement/directory/roleAssignments}) and PIM eligibility
 *       ({@code roleManagement/directory/roleEligibilitySchedules}, see {@code EligibleRoleHolders}), members of
 *       role-assignable groups included, once before the first page;</li>
 *   <li>{@code onPremisesObjectIdentifier}, a <b>beta-only</b> property, from one paged listing on the beta root
 *       (see {@code ObjectIdentifiers}), once before the first page;</li>
 *   <li>{@code onPremisesSyncBehavior.isCloudManaged}, per user with an ImmutableID or a sync state, 20 to a
 *       {@code $batch}, page by page (see {@code CloudManagedReader}).</li>
 * </ul>
 * What could not be read is "unknown", never "none": {@link #unreadFields()} names the fields no user got, and
 * {@link #readWarnings()} says why and for how many, so that a report can warn.
 */
public final class GraphDirectory implements CloudDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(GraphDirectory.class);

    private final GraphServiceClient graph;
    private final GraphSettings settings;
    private final String name;
    private final OkHttpClient ownedHttp;
    /** Shared by every tenantSync() handed out, so the on-demand rate limit counts all of this client's requests. */
    private OnDemandProvisioner onDemand;
    private volatile ReadCoverage coverage = new ReadCoverage();

    private GraphDirectory(GraphServiceClient graph, GraphSettings settings, String name, OkHttpClient ownedHttp) {
        this.graph = graph;
        this.settings = settings;
        this.name = name;
        this.ownedHttp = ownedHttp;
    }

    /**
     * Wraps a client the caller built and owns; {@link #close()} leaves it open. The client's own base URL and
     * authentication apply; of the settings, the credentials, cloud and base URL are ignored.
     *
     * @param graph the client
     * @param settings reading and retry settings
     * @return the directory
     */
    public static GraphDirectory of(GraphServiceClient graph, GraphSettings settings) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(settings, "settings");
        return new GraphDirectory(graph, settings, describe(URI.create(graph.getRequestAdapter().getBaseUrl()), null),
                null);
    }

    /**
     * Wraps a client the caller built and owns, with the default settings.
     *
     * @param graph the client
     * @return the directory
     */
    public static GraphDirectory of(GraphServiceClient graph) {
        return of(graph, GraphSettings.defaults());
    }

    /**
     * Signs in with the settings' credentials and builds a client for their cloud or base URL. Nothing is sent until
     * the first call; {@link #close()} releases the client's connections. A sign-in that fails (credentials refused,
     * authority out of reach) fails that first call with a {@link GraphSignInException}.
     *
     * @param settings credentials, cloud, base URL, reading and retry settings
     * @return the directory
     * @throws ConfigurationException when the settings hold no credentials
     */
    public static GraphDirectory connect(GraphSettings settings) {
        Objects.requireNonNull(settings, "settings");
        GraphCredentials credentials = settings.credentials().orElseThrow(() -> new ConfigurationException(
                "credentials", "The Graph settings hold no credentials: call credentials(GraphCredentials...) on"
                        + " GraphSettings.builder()."));
        URI base = settings.baseUrl();
        AuthenticationProvider auth = credentials.kind() == GraphCredentials.Kind.ACCESS_TOKEN
                ? new BaseBearerTokenAuthenticationProvider(new FixedTokenProvider(credentials.secret(), base.getHost()))
                : new AzureIdentityAuthenticationProvider(
                        new SignInGuard(credentials.toTokenCredential(settings), credentials.toString()),
                        new String[] {base.getHost()}, settings.cloud().defaultScope());
        RetryPolicy retry = settings.retry();
        OkHttpClient http = GraphClientFactory.create(new RequestOption[] {
            new RetryHandlerOption(null, retry.maxRetries(), retry.backOff().getSeconds())}).build();
        GraphServiceClient graph = new GraphServiceClient(new BaseGraphRequestAdapter(auth, base.toString(), http));
        GraphDirectory directory = new GraphDirectory(graph, settings, describe(base, credentials.tenantId()), http);
        LOG.debug("Graph client for {} signing in with {}", directory.name, credentials);
        return directory;
    }

    /**
     * Every user, page by page: a {@link DirectoryRecord.Usable} per readable user and a
     * {@link DirectoryRecord.Rejected} per user with a missing or malformed field. When
     * {@link GraphSettings#markAdminRoles()} is on, the directory role holders, active and eligible, are read once
     * first; when {@link GraphSettings#readOnPremisesObjectIdentifier()} is on, so is beta's
     * {@code onPremisesObjectIdentifier}; when {@link GraphSettings#readCloudManaged()} is on, each page's users with an
     * ImmutableID or a sync state get {@code isCloudManaged} before the page is handed out.
     *
     * @return a lazy stream; close it after use
     * @throws GraphException when Graph refuses a request (also while the stream is consumed); the beta read and a
     *         tenant without PIM do not fail the read, they leave their field unknown
     */
    @Override
    public Stream<DirectoryRecord<CloudUser>> records() {
        ReadCoverage read = new ReadCoverage();
        coverage = read;
        Set<String> admins = Set.of();
        Set<String> eligible = Set.of();
        if (settings.markAdminRoles()) {
            admins = AdminRoleHolders.userIds(graph, settings);
            EligibleRoleHolders.Result result = EligibleRoleHolders.read(graph, settings);
            eligible = result.userIds();
            if (result.unknown() != null) {
                read.eligibilityUnknown(result.unknown());
            }
        }
        Map<String, String> identifiers = Map.of();
        if (settings.readOnPremisesObjectIdentifier()) {
            ObjectIdentifiers.Result result = ObjectIdentifiers.read(graph, settings);
            identifiers = result.byUserId();
            if (result.unknown() != null) {
                read.objectIdentifierUnknown(result.unknown());
            }
        }
        UserMapper mapper = new UserMapper(name, settings.extraUserFields(), admins, eligible, identifiers);
        List<String> fields = new ArrayList<>(UserMapper.FIELDS);
        settings.extraUserFields().stream().filter(f -> fields.stream().noneMatch(f::equalsIgnoreCase))
                .forEach(fields::add);
        String[] select = fields.toArray(String[]::new);
        UnaryOperator<List<DirectoryRecord<CloudUser>>> enrich = UnaryOperator.identity();
        if (settings.readCloudManaged()) {
            String beta = ObjectIdentifiers.betaRoot(graph.getRequestAdapter().getBaseUrl()).orElse(null);
            enrich = new CloudManagedReader(graph, settings, beta, read)::enrich;
        }
        return UserPages.stream(graph, settings, select, mapper, name, enrich);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The fields the settings leave unread ({@link GraphSettings#markAdminRoles()} off: active and eligible roles;
     * {@link GraphSettings#readOnPremisesObjectIdentifier()} off; {@link GraphSettings#readCloudManaged()} off), and,
     * for the most recent {@link #records()} read, those Graph would not give: eligibility in a tenant without PIM, a
     * beta that refused {@code onPremisesObjectIdentifier}, {@code isCloudManaged} refused for every user. A user whose
     * {@code isCloudManaged} alone failed keeps {@code cloudManaged() == null}; {@link #readWarnings()} counts them.
     */
    @Override
    public Set<UserField> unreadFields() {
        EnumSet<UserField> fields = EnumSet.noneOf(UserField.class);
        if (!settings.markAdminRoles()) {
            fields.add(UserField.ADMIN_ROLES);
            fields.add(UserField.ELIGIBLE_ADMIN_ROLES);
        }
        if (!settings.readOnPremisesObjectIdentifier()) {
            fields.add(UserField.ON_PREMISES_OBJECT_IDENTIFIER);
        }
        if (!settings.readCloudManaged()) {
            fields.add(UserField.CLOUD_MANAGED);
        }
        fields.addAll(coverage.unreadFields());
        return Set.copyOf(fields);
    }

    /**
     * What the most recent {@link #records()} read could not establish, one sentence each with the reason and, for
     * {@code isCloudManaged}, how many users: e.g. "onPremisesObjectIdentifier unknown for every user without a value
     * read: Graph beta … could not be read (…403…)". Complete once the stream has been consumed.
     *
     * @return the warnings; empty when everything asked for was read
     */
    public List<String> readWarnings() {
        return coverage.warnings();
    }

    /**
     * The tenant's sync state and controls over this directory's client.
     *
     * @return the tenant sync port
     */
    public synchronized GraphTenantSync tenantSync() {
        if (onDemand == null) {
            onDemand = new OnDemandProvisioner(graph, settings);
        }
        return new GraphTenantSync(graph, settings, name, onDemand);
    }

    /**
     * Entra ID's directory audit log over this directory's client ({@code auditLogs/directoryAudits}).
     *
     * @return the audit log port
     */
    public GraphDirectoryAudits directoryAudits() {
        return new GraphDirectoryAudits(graph, settings, name);
    }

    /**
     * A compare-and-set writer of {@code onPremisesImmutableId} over this directory's client.
     *
     * @return the writer
     */
    public ImmutableIdWriter writer() {
        return new ImmutableIdWriter(graph, settings, name);
    }

    /** The client, for the adapter's other readers and writers over this directory. */
    GraphServiceClient client() {
        return graph;
    }

    /**
     * The settings in force.
     *
     * @return the settings
     */
    public GraphSettings settings() {
        return settings;
    }

    /**
     * The Graph host and, when known, the tenant, e.g. {@code graph.microsoft.com (tenant contoso.onmicrosoft.com)}.
     *
     * @return the description; never holds credentials
     */
    @Override
    public String name() {
        return name;
    }

    /** Releases the connections of a client this directory built; a client passed to {@link #of} stays open. */
    @Override
    public void close() {
        if (ownedHttp != null) {
            ownedHttp.dispatcher().executorService().shutdown();
            ownedHttp.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "GraphDirectory[" + name + "]";
    }

    private static String describe(URI base, String tenantId) {
        String host = base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
        return tenantId == null ? host : host + " (tenant " + tenantId + ")";
    }
}
