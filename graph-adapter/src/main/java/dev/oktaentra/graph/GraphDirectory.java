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
import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.RetryPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
 */
public final class GraphDirectory implements CloudDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(GraphDirectory.class);

    private final GraphServiceClient graph;
    private final GraphSettings settings;
    private final String name;
    private final OkHttpClient ownedHttp;

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
     * {@link GraphSettings#markAdminRoles()} is on, the directory role holders are read once first.
     *
     * @return a lazy stream; close it after use
     * @throws GraphException when Graph refuses a request (also while the stream is consumed)
     */
    @Override
    public Stream<DirectoryRecord<CloudUser>> records() {
        Set<String> admins = settings.markAdminRoles() ? AdminRoleHolders.userIds(graph, settings) : Set.of();
        UserMapper mapper = new UserMapper(name, settings.extraUserFields(), admins);
        List<String> fields = new ArrayList<>(UserMapper.FIELDS);
        settings.extraUserFields().stream().filter(f -> fields.stream().noneMatch(f::equalsIgnoreCase))
                .forEach(fields::add);
        String[] select = fields.toArray(String[]::new);
        return UserPages.stream(graph, settings, select, mapper, name);
    }

    /**
     * The tenant's sync state and controls over this directory's client.
     *
     * @return the tenant sync port
     */
    public GraphTenantSync tenantSync() {
        return new GraphTenantSync(graph, settings, name);
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
