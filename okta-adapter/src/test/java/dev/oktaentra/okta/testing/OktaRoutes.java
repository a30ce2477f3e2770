package dev.oktaentra.okta.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.oktaentra.core.provisioning.ProvisionedUser;
import dev.oktaentra.core.provisioning.PushedGroup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Routes the fake's requests: authentication, 429 injection, then the Management API endpoints. */
final class OktaRoutes implements HttpHandler {

    private static final Pattern APP = Pattern.compile("/api/v1/apps/([A-Za-z0-9]+)(/.*)?");
    private static final Pattern FILTER_TERM = Pattern.compile("(name|status) eq \"([^\"]*)\"");
    private static final Set<String> APPS_READ = Set.of("okta.apps.read", "okta.apps.manage");
    private static final Set<String> APPS_MANAGE = Set.of("okta.apps.manage");
    private static final Set<String> MAPPINGS_READ = Set.of("okta.profileMappings.read", "okta.profileMappings.manage");

    private final FakeOktaServer fake;

    OktaRoutes(FakeOktaServer fake) {
        this.fake = fake;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Map<String, String> query = Paging.parse(rawQuery);
            byte[] requestBody = readAll(exchange.getRequestBody());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Answer answer;
            LostAnswer lost;
            synchronized (fake.lock) {
                answer = route(method, path, rawQuery, query, requestBody, authorization);
                lost = fake.lose(method, path);
                if (lost == LostAnswer.SERVICE_UNAVAILABLE || lost == LostAnswer.GATEWAY_TIMEOUT) {
                    answer = new Answer(lost == LostAnswer.SERVICE_UNAVAILABLE ? 503 : 504, null,
                            new LinkedHashMap<>());
                }
                fake.record(new RecordedRequest(method, path, Paging.decode(rawQuery == null ? "" : rawQuery),
                        redact(authorization), lost == LostAnswer.CONNECTION_RESET ? 0 : answer.status()));
            }
            if (lost == LostAnswer.CONNECTION_RESET) {
                return;   // closing the exchange before any answer closes the connection: the client reads EOF
            }
            send(exchange, answer);
        }
    }

    private Answer route(String method, String path, String rawQuery, Map<String, String> query, byte[] body,
            String authorization) {
        if (path.equals("/oauth2/v1/token")) {
            return method.equals("POST") ? token(body) : notAllowed();
        }
        if (!path.startsWith("/api/v1/")) {
            return notFound(path);
        }
        if (fake.nextCallRateLimited(method)) {
            return rateLimited();
        }
        Set<String> scopes = authenticate(authorization);
        if (scopes == null) {
            return Answer.error(401, "E0000011", "Invalid token provided");
        }
        Matcher app = APP.matcher(path);
        if (path.equals("/api/v1/apps")) {
            return !method.equals("GET") ? notAllowed() : !allowed(scopes, APPS_READ) ? forbidden()
                    : listApps(path, rawQuery, query);
        }
        if (path.equals("/api/v1/mappings") || path.startsWith("/api/v1/mappings/")) {
            if (!method.equals("GET")) {
                return notAllowed();
            }
            if (!allowed(scopes, MAPPINGS_READ)) {
                return forbidden();
            }
            return path.equals("/api/v1/mappings") ? listMappings(path, rawQuery, query)
                    : getMapping(path.substring("/api/v1/mappings/".length()));
        }
        if (app.matches()) {
            FakeApp found = fake.apps.get(app.group(1));
            if (found == null) {
                return notFound(app.group(1) + " (AppInstance)");
            }
            String rest = app.group(2) == null ? "" : app.group(2);
            boolean write = !method.equals("GET");
            if (!allowed(scopes, write ? APPS_MANAGE : APPS_READ)) {
                return forbidden();
            }
            return appRoute(found, method, rest, path, rawQuery, query);
        }
        return notFound(path);
    }

    private Answer appRoute(FakeApp app, String method, String rest, String path, String rawQuery,
            Map<String, String> query) {
        switch (rest) {
            case "", "/" -> {
                return method.equals("GET") ? Answer.json(200, fake.json.app(app)) : notAllowed();
            }
            case "/connections/default" -> {
                if (!method.equals("GET")) {
                    return notAllowed();
                }
                return app.connection() == FakeConnection.UNSUPPORTED ? unsupportedConnection()
                        : Answer.json(200, fake.json.connection(app));
            }
            case "/connections/default/lifecycle/activate", "/connections/default/lifecycle/deactivate" -> {
                if (!method.equals("POST")) {
                    return notAllowed();
                }
                if (app.connection() == FakeConnection.UNKNOWN || app.connection() == FakeConnection.UNSUPPORTED) {
                    return unsupportedConnection();
                }
                boolean on = rest.endsWith("/activate");
                fake.apps.put(app.id(), app.withConnection(on ? FakeConnection.ENABLED : FakeConnection.DISABLED));
                return new Answer(204, null, new LinkedHashMap<>());
            }
            case "/features" -> {
                if (!method.equals("GET")) {
                    return notAllowed();
                }
                if (app.userProvisioning() == null) {
                    return noProvisioning();
                }
                ArrayNode list = OktaJson.MAPPER.createArrayNode().add(fake.json.userProvisioningFeature(app));
                return Answer.json(200, list);
            }
            case "/features/USER_PROVISIONING" -> {
                if (!method.equals("GET")) {
                    return notAllowed();
                }
                return app.userProvisioning() == null ? noProvisioning()
                        : Answer.json(200, fake.json.userProvisioningFeature(app));
            }
            case "/group-push/mappings" -> {
                // Okta Management API, Group Push Mappings: "List all group push mappings", paged with after/limit.
                if (!method.equals("GET")) {
                    return notAllowed();
                }
                return Paging.page(fake.orgUrl(), fake.pageCap(), path, rawQuery, query, app.groupPushes(),
                        PushedGroup::mappingId, 100, 1000, g -> fake.json.groupPush(app, g));
            }
            case "/users" -> {
                if (!method.equals("GET")) {
                    return notAllowed();
                }
                List<ProvisionedUser> users = fake.appUsers.getOrDefault(app.id(), List.of());
                return Paging.page(fake.orgUrl(), fake.pageCap(), path, rawQuery, query, users, ProvisionedUser::userId, 50, FakeOktaServer.MAX_USERS_LIMIT,
                        fake.json::appUser);
            }
            default -> {
                return notFound(path);
            }
        }
    }

    private Answer listApps(String path, String rawQuery, Map<String, String> query) {
        List<FakeApp> matching = new ArrayList<>();
        String filter = fake.ignoresAppFilter() ? null : query.get("filter");
        Map<String, String> terms = new LinkedHashMap<>();
        if (filter != null && !filter.isBlank()) {
            for (String term : filter.trim().split("\\s+and\\s+")) {
                Matcher m = FILTER_TERM.matcher(term.trim());
                if (!m.matches()) {
                    return Answer.error(400, "E0000031", "Invalid search criteria.");
                }
                terms.put(m.group(1), m.group(2));
            }
        }
        String q = query.get("q");
        for (FakeApp app : fake.apps.values()) {
            boolean ok = (!terms.containsKey("name") || terms.get("name").equals(app.name()))
                    && (!terms.containsKey("status") || terms.get("status").equals(app.status()))
                    && (q == null || app.label().toLowerCase().startsWith(q.toLowerCase())
                            || app.name().toLowerCase().startsWith(q.toLowerCase()));
            if (ok) {
                matching.add(app);
            }
        }
        return Paging.page(fake.orgUrl(), fake.pageCap(), path, rawQuery, query, matching, FakeApp::id, 20, FakeOktaServer.MAX_APPS_LIMIT,
                fake.json::app);
    }

    private Answer listMappings(String path, String rawQuery, Map<String, String> query) {
        record Item(FakeApp app, boolean toApp) {
        }
        List<Item> items = new ArrayList<>();
        String sourceId = query.get("sourceId");
        String targetId = query.get("targetId");
        for (FakeApp app : fake.apps.values()) {
            if (!app.profileMapping()) {
                continue;
            }
            for (boolean toApp : new boolean[] {true, false}) {
                String source = toApp ? OktaJson.USER_TYPE_ID : app.id();
                String target = toApp ? app.id() : OktaJson.USER_TYPE_ID;
                if ((sourceId == null || sourceId.equals(source)) && (targetId == null || targetId.equals(target))) {
                    items.add(new Item(app, toApp));
                }
            }
        }
        return Paging.page(fake.orgUrl(), fake.pageCap(), path, rawQuery, query, items, i -> OktaJson.mappingId(i.app(), i.toApp()), 20,
                FakeOktaServer.MAX_APPS_LIMIT, i -> fake.json.mappingSummary(i.app(), i.toApp()));
    }

    private Answer getMapping(String id) {
        for (FakeApp app : fake.apps.values()) {
            for (boolean toApp : new boolean[] {true, false}) {
                if (app.profileMapping() && OktaJson.mappingId(app, toApp).equals(id)) {
                    return Answer.json(200, fake.json.mapping(app, toApp));
                }
            }
        }
        return notFound(id + " (ProfileMapping)");
    }

    private Answer token(byte[] body) {
        Map<String, String> form = Paging.parse(new String(body, StandardCharsets.UTF_8));
        OAuthClients.Outcome outcome = fake.oauth.exchange(form, fake.orgUrl() + "/oauth2/v1/token");
        ObjectNode node = OktaJson.MAPPER.createObjectNode();
        if (outcome.accessToken() == null) {
            node.put("error", outcome.error()).put("error_description", outcome.description());
        } else {
            node.put("token_type", "Bearer").put("expires_in", 3600).put("access_token", outcome.accessToken())
                    .put("scope", String.join(" ", outcome.scopes()));
        }
        return Answer.json(outcome.status(), node);
    }

    /** The scopes a request may use: all for the API token, the token's for a bearer token, null when refused. */
    private Set<String> authenticate(String authorization) {
        if (authorization == null) {
            return null;
        }
        if (authorization.startsWith("SSWS ") && fake.acceptsApiToken(authorization.substring(5))) {
            return Set.of("*");
        }
        if (authorization.startsWith("Bearer ")) {
            return fake.oauth.scopesOf(authorization.substring(7));
        }
        return null;
    }

    private static boolean allowed(Set<String> granted, Set<String> anyOf) {
        return granted.contains("*") || anyOf.stream().anyMatch(granted::contains);
    }

    private static Answer rateLimited() {
        Answer answer = Answer.error(429, "E0000047", "API call exceeded rate limit due to too many requests.");
        // Reset now: the SDK then waits its minimum of one second. The JDK server adds the Date header it needs.
        answer.headers().put("X-Rate-Limit-Limit", List.of("600"));
        answer.headers().put("X-Rate-Limit-Remaining", List.of("0"));
        answer.headers().put("X-Rate-Limit-Reset", List.of(Long.toString(Instant.now().getEpochSecond())));
        return answer;
    }

    private static Answer forbidden() {
        Answer answer = Answer.error(403, "E0000006", "You do not have permission to perform the requested action");
        answer.headers().put("WWW-Authenticate", List.of("Bearer error=\"insufficient_scope\""));
        return answer;
    }

    private static Answer unsupportedConnection() {
        return Answer.error(400, "E0000001",
                "Api validation failed: This application does not support provisioning connections");
    }

    private static Answer noProvisioning() {
        return Answer.error(400, "E0000001", "Api validation failed: Provisioning is not enabled for this application");
    }

    private static Answer notAllowed() {
        return Answer.error(405, "E0000022", "The endpoint does not support the provided HTTP method");
    }

    private static Answer notFound(String what) {
        return Answer.error(404, "E0000007", "Not found: Resource not found: " + what);
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = OktaJson.MAPPER.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String redact(String authorization) {
        if (authorization == null) {
            return "(none)";
        }
        int space = authorization.indexOf(' ');
        return (space < 0 ? "?" : authorization.substring(0, space)) + " [redacted]";
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
