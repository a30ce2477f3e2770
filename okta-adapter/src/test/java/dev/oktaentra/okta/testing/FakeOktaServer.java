package dev.oktaentra.okta.testing;

import com.sun.net.httpserver.HttpServer;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.provisioning.ProvisionedUser;
import dev.oktaentra.core.settings.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback Okta org that speaks the Management API's wire format, for the real Okta SDK to talk to in tests and in
 * the embedded rehearsal.
 *
 * <p>It answers: apps ({@code filter=name eq "…"} and {@code status eq "…"}, {@code limit}, {@code after}, one
 * {@code Link} header per relation), one app, the default provisioning connection (get, activate, deactivate), the
 * features ({@code USER_PROVISIONING} with {@code lifecycleDeactivate}), group push mappings, app users with paging, profile mappings (list with
 * {@code sourceId}/{@code targetId}, get), and the OAuth 2.0 token endpoint for {@code private_key_jwt} clients.
 * Requests need {@code Authorization: SSWS <apiToken>} or a bearer token it issued; bearer tokens are held to their
 * scopes. It can answer a chosen share of API calls with 429 (with {@code X-Rate-Limit-Reset} and {@code Date}), and
 * lose the answer to requests it carried out ({@link #loseAnswers}: a reset connection, a 503 or a 504).
 * Every request is logged with the credential redacted.
 *
 * <pre>{@code
 * try (FakeOktaServer okta = FakeOktaServer.start()) {
 *     okta.addApp(FakeApp.office365("0oa1o365", "Microsoft Office 365"));
 *     okta.addAppUser(new ProvisionedUser("0oa1o365", "00u1", "ada@contoso.com", immutableId, "ext1", "PROVISIONED"));
 *     // OktaSettings.builder().orgUrl(okta.orgUrl()).credentials(OktaCredentials.apiToken(okta.apiToken()))
 *     //         .allowPlaintextOnLoopback()…
 * }
 * }</pre>
 *
 * <p>Depends only on the JDK, Jackson and oktaentra-core. Thread-safe.
 */
public final class FakeOktaServer implements AutoCloseable {

    /** Okta's largest {@code limit} for apps and mappings. */
    static final int MAX_APPS_LIMIT = 200;

    /** Okta's largest {@code limit} for app users. */
    static final int MAX_USERS_LIMIT = 500;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String orgUrl;
    private final char[] apiToken;
    final Object lock = new Object();
    final Map<String, FakeApp> apps = new LinkedHashMap<>();
    final Map<String, List<ProvisionedUser>> appUsers = new LinkedHashMap<>();
    final OAuthClients oauth = new OAuthClients();
    final OktaJson json;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private int maxPageSize = MAX_USERS_LIMIT;
    private final List<Loss> losses = new ArrayList<>();
    private int rateLimitNext;
    private int rateLimitEvery;
    private int rateLimitWrites;
    private long apiCalls;
    private int userCounter;
    private boolean ignoreAppFilter;

    private FakeOktaServer(char[] apiToken) throws IOException {
        // The JDK server writes headers and body separately; with Nagle on, every answer waits ~40 ms for the
        // client's delayed ACK. Read once per JVM by the JDK, so it only helps if set before the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        this.apiToken = apiToken.clone();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.orgUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.json = new OktaJson(orgUrl);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-okta-" + server.getAddress().getPort());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new OktaRoutes(this));
    }

    /**
     * Starts a fake org on an ephemeral loopback port with a random API token.
     *
     * @return the running server
     */
    public static FakeOktaServer start() {
        byte[] raw = new byte[20];
        RANDOM.nextBytes(raw);
        StringBuilder token = new StringBuilder("00");
        for (byte b : raw) {
            token.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return start(token.toString().toCharArray());
    }

    /**
     * Starts a fake org that accepts the given API token.
     *
     * @param apiToken the token clients must send as {@code SSWS}; copied
     * @return the running server
     */
    public static FakeOktaServer start(char[] apiToken) {
        if (apiToken == null || apiToken.length == 0) {
            throw new IllegalArgumentException("The fake needs a non-empty API token");
        }
        try {
            FakeOktaServer fake = new FakeOktaServer(apiToken);
            fake.server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the fake Okta server on loopback", e);
        }
    }

    /**
     * The org URL, e.g. {@code http://127.0.0.1:54321} (plain http on loopback).
     *
     * @return the URL
     */
    public String orgUrl() {
        return orgUrl;
    }

    /**
     * The API token the fake accepts.
     *
     * @return the token
     */
    public Secret apiToken() {
        return Secret.of(apiToken);
    }

    /**
     * Registers an OAuth 2.0 service app for {@code private_key_jwt} sign-in.
     *
     * @param clientId the client id
     * @param publicKey the public half of the app's RSA or EC key
     * @param grantedScopes the scopes the app may ask for
     */
    public void registerServiceApp(String clientId, PublicKey publicKey, Set<String> grantedScopes) {
        synchronized (lock) {
            oauth.register(clientId, publicKey, grantedScopes);
        }
    }

    /**
     * Adds an app, or replaces the one with the same id.
     *
     * @param app the app
     */
    public void addApp(FakeApp app) {
        synchronized (lock) {
            apps.put(app.id(), app);
            appUsers.computeIfAbsent(app.id(), k -> new ArrayList<>());
        }
    }

    /**
     * Adds apps in order.
     *
     * @param toAdd the apps
     */
    public void addApps(FakeApp... toAdd) {
        for (FakeApp app : toAdd) {
            addApp(app);
        }
    }

    /**
     * Deletes an app and its users, as an admin deleting the app instance would.
     *
     * @param appId the app
     */
    public void removeApp(String appId) {
        synchronized (lock) {
            apps.remove(appId);
            appUsers.remove(appId);
        }
    }

    /**
     * Assigns a user to an app as Okta holds it: {@code profile.immutableId}, {@code externalId},
     * {@code credentials.userName}, {@code status}.
     *
     * @param user the user; its {@code appId} must name a seeded app
     */
    public void addAppUser(ProvisionedUser user) {
        synchronized (lock) {
            requireApp(user.appId()).add(user);
        }
    }

    /**
     * Assigns Entra users to an app as Okta would have provisioned them: a generated Okta user id, the Entra object
     * id as {@code externalId}, the UPN as user name, the cloud ImmutableID as {@code profile.immutableId}, status
     * {@code PROVISIONED}.
     *
     * @param appId a seeded app
     * @param users the cloud users
     * @return the app users added
     */
    public List<ProvisionedUser> addAppUsers(String appId, Collection<CloudUser> users) {
        List<ProvisionedUser> added = new ArrayList<>();
        synchronized (lock) {
            List<ProvisionedUser> list = requireApp(appId);
            for (CloudUser cloud : users) {
                userCounter++;
                ProvisionedUser user = new ProvisionedUser(appId, String.format("00u%016d", userCounter),
                        cloud.userPrincipalName(), cloud.immutableId(), cloud.id(), "PROVISIONED");
                list.add(user);
                added.add(user);
            }
        }
        return added;
    }

    private List<ProvisionedUser> requireApp(String appId) {
        List<ProvisionedUser> list = appUsers.get(appId);
        if (list == null) {
            throw new IllegalArgumentException("No app " + appId + " in the fake; addApp first");
        }
        return list;
    }

    /**
     * An app as the fake holds it now, e.g. to assert its connection after a deactivate.
     *
     * @param appId the app
     * @return the app
     * @throws IllegalArgumentException when there is no such app
     */
    public FakeApp app(String appId) {
        synchronized (lock) {
            FakeApp app = apps.get(appId);
            if (app == null) {
                throw new IllegalArgumentException("No app " + appId + " in the fake");
            }
            return app;
        }
    }

    /**
     * Every app, in the order added.
     *
     * @return a snapshot
     */
    public List<FakeApp> apps() {
        synchronized (lock) {
            return List.copyOf(apps.values());
        }
    }

    /**
     * Caps every page at this many items whatever {@code limit} a client asks for, to force paging with few items.
     *
     * @param value at least 1
     */
    public void maxPageSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxPageSize must be at least 1, not " + value);
        }
        synchronized (lock) {
            maxPageSize = value;
        }
    }

    /**
     * Makes {@code GET /api/v1/apps} ignore its {@code filter}, listing every app, as a misbehaving proxy or org
     * might; the adapter must still touch only Office 365 apps.
     *
     * @param value true to ignore the filter
     */
    public void ignoreAppFilter(boolean value) {
        synchronized (lock) {
            ignoreAppFilter = value;
        }
    }

    /**
     * Answers the next {@code count} API calls with 429.
     *
     * @param count how many
     */
    public void rateLimitNext(int count) {
        synchronized (lock) {
            rateLimitNext = Math.max(0, count);
        }
    }

    /**
     * Answers the next {@code count} API writes (POST, PUT, DELETE) with 429; reads go through.
     *
     * @param count how many
     */
    public void rateLimitNextWrites(int count) {
        synchronized (lock) {
            rateLimitWrites = Math.max(0, count);
        }
    }

    /**
     * Answers every {@code n}-th API call with 429 from now on; 0 stops it. A retried call counts again, so with
     * {@code n > 1} a retry goes through.
     *
     * @param n the period, or 0
     */
    public void rateLimitEvery(int n) {
        synchronized (lock) {
            rateLimitEvery = Math.max(0, n);
            apiCalls = 0;
        }
    }

    /**
     * Carries out the next {@code times} requests with this method whose path starts with the prefix, and then loses
     * their answer as {@code how} says: the change is made and the client is not told. A request the SDK retries
     * counts again. E.g. {@code loseAnswers("POST", "/api/v1/apps/0oa1/connections/default/lifecycle/deactivate",
     * LostAnswer.CONNECTION_RESET, 1)}.
     *
     * @param method the HTTP method, e.g. {@code POST}
     * @param pathPrefix e.g. {@code /api/v1/apps/}
     * @param how how the answer is lost
     * @param times how many matching requests lose their answer
     */
    public void loseAnswers(String method, String pathPrefix, LostAnswer how, int times) {
        synchronized (lock) {
            losses.add(new Loss(method, pathPrefix, java.util.Objects.requireNonNull(how, "how"), times));
        }
    }

    /**
     * Every request answered so far, credentials redacted.
     *
     * @return a snapshot in arrival order
     */
    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /** Forgets the logged requests. */
    public void clearRequests() {
        synchronized (lock) {
            requests.clear();
        }
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- for OktaRoutes, under lock ----

    boolean acceptsApiToken(String presented) {
        if (presented.length() != apiToken.length) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < apiToken.length; i++) {
            diff |= presented.charAt(i) ^ apiToken[i];
        }
        return diff == 0;
    }

    boolean ignoresAppFilter() {
        return ignoreAppFilter;
    }

    int pageCap() {
        return maxPageSize;
    }

    boolean nextCallRateLimited(String method) {
        apiCalls++;
        if (!method.equals("GET") && rateLimitWrites > 0) {
            rateLimitWrites--;
            return true;
        }
        if (rateLimitNext > 0) {
            rateLimitNext--;
            return true;
        }
        return rateLimitEvery > 0 && apiCalls % rateLimitEvery == 0;
    }

    void record(RecordedRequest request) {
        requests.add(request);
    }

    /** The loss asked for a request that was just carried out, or {@code null}; counts it down. */
    LostAnswer lose(String method, String path) {
        for (Loss loss : losses) {
            if (loss.left > 0 && loss.method.equalsIgnoreCase(method) && path.startsWith(loss.pathPrefix)) {
                loss.left--;
                return loss.how;
            }
        }
        return null;
    }

    /** Answers to lose; {@code left} counts down. */
    private static final class Loss {
        final String method;
        final String pathPrefix;
        final LostAnswer how;
        int left;

        Loss(String method, String pathPrefix, LostAnswer how, int left) {
            this.method = method;
            this.pathPrefix = pathPrefix;
            this.how = how;
            this.left = left;
        }
    }
}
