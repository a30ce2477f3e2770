package dev.oktaentra.graph.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The fake's request handling: authentication check, scripted answers, fault injection, routing to the endpoint
 * handlers, and the request log. Every method runs under the server's one lock except the HTTP I/O.
 */
final class Dispatcher {

    private static final int MAX_LOGGED = 100_000;
    private static final int MAX_BODY = 64 * 1024;

    private record Scripted(String method, String pathPrefix, ScriptedResponse response) {
    }

    /** Answers to lose after carrying out the request; {@code left} counts down. */
    private static final class Loss {
        final String method;
        final String pathPrefix;
        final LostAnswer how;
        int left;

        Loss(String method, String pathPrefix, LostAnswer how, int times) {
            this.method = method;
            this.pathPrefix = pathPrefix;
            this.how = how;
            this.left = times;
        }
    }

    private final Object lock;
    private final UserRoutes users;
    private final TenantRoutes tenantRoutes;
    private final RoleRoutes roles;
    private final DirectoryRoutes directoryRoutes;
    private final AuditRoutes auditRoutes;
    private final OnDemandRoutes onDemand;
    private final Deque<RecordedRequest> log = new ArrayDeque<>();
    private final List<Scripted> scripted = new ArrayList<>();
    private final List<Loss> losses = new ArrayList<>();
    /** What happens to the HTTP answer being built: null, or a loss one of its requests asked for. */
    private LostAnswer carrying;
    private FaultPlan faults = FaultPlan.NONE;
    private Random random = new Random(0);
    private boolean requireToken = true;
    private boolean enforcePermissions;
    /** The {@code Authorization} of the {@code $batch} being answered, which its items carry. */
    private String batchAuthorization;
    private long sequence;

    Dispatcher(Object lock, FakeTenant tenant, String baseUrl) {
        this.lock = lock;
        this.users = new UserRoutes(tenant, baseUrl);
        this.tenantRoutes = new TenantRoutes(tenant, baseUrl);
        this.roles = new RoleRoutes(tenant, baseUrl);
        this.directoryRoutes = new DirectoryRoutes(tenant, baseUrl);
        this.auditRoutes = new AuditRoutes(baseUrl);
        this.onDemand = new OnDemandRoutes(tenant);
    }

    AuditRoutes audits() {
        return auditRoutes;
    }

    void faults(FaultPlan plan) {
        this.faults = plan;
        this.random = new Random(plan.seed());
    }

    void script(String method, String pathPrefix, ScriptedResponse response) {
        scripted.add(new Scripted(method.toUpperCase(Locale.ROOT), pathPrefix, response));
    }

    void loseAnswers(String method, String pathPrefix, LostAnswer how, int times) {
        losses.add(new Loss(method.toUpperCase(Locale.ROOT), pathPrefix, how, times));
    }

    void requireToken(boolean value) {
        this.requireToken = value;
    }

    void enforcePermissions(boolean value) {
        this.enforcePermissions = value;
    }

    List<RecordedRequest> requests() {
        return List.copyOf(log);
    }

    void clearRequests() {
        log.clear();
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            FakeRequest req = FakeRequest.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body);
            Reply reply;
            long seq;
            LostAnswer lost;
            synchronized (lock) {
                seq = ++sequence;
                carrying = null;
                reply = answer(req, seq, false);
                lost = carrying;
                if (lost == LostAnswer.BATCH_SERVICE_UNAVAILABLE || lost == LostAnswer.BATCH_GATEWAY_TIMEOUT) {
                    reply = lostReply(lost);
                }
                record(seq, req, lost == LostAnswer.CONNECTION_RESET ? 0 : reply.status(), 0);
            }
            if (lost == LostAnswer.CONNECTION_RESET) {
                return;   // closing the exchange before any answer closes the connection: the client reads EOF
            }
            send(exchange, reply);
        }
    }

    /** The reply to one request or batch item; called with the lock held. */
    private Reply answer(FakeRequest req, long seq, boolean batchItem) {
        for (int i = 0; i < scripted.size(); i++) {
            Scripted s = scripted.get(i);
            if (s.method().equals(req.method()) && req.path().startsWith(s.pathPrefix())) {
                scripted.remove(i);
                ScriptedResponse r = s.response();
                return new Reply(r.status(), r.contentType(), r.body().getBytes(StandardCharsets.UTF_8), r.headers());
            }
        }
        if (!batchItem && requireToken) {
            String auth = req.header("Authorization");
            if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.length() <= 7) {
                return Reply.error(401, "InvalidAuthenticationToken", "Access token is empty.");
            }
        }
        Fault fault = drawFault(req, batchItem);
        if (fault != null) {
            return faulted(fault);
        }
        Reply reply;
        try {
            reply = route(req, seq);
        } catch (Paging.Refusal r) {
            return r.reply;
        }
        return lose(req, reply);
    }

    /** The answer to a request that was carried out, unless a loss was asked for. */
    private Reply lose(FakeRequest req, Reply reply) {
        for (Loss loss : losses) {
            if (loss.left > 0 && loss.method.equals(req.method()) && req.path().startsWith(loss.pathPrefix)) {
                loss.left--;
                if (loss.how == LostAnswer.SERVICE_UNAVAILABLE || loss.how == LostAnswer.GATEWAY_TIMEOUT) {
                    return lostReply(loss.how);
                }
                carrying = loss.how;
                return reply;
            }
        }
        return reply;
    }

    private static Reply lostReply(LostAnswer how) {
        return how == LostAnswer.SERVICE_UNAVAILABLE || how == LostAnswer.BATCH_SERVICE_UNAVAILABLE
                ? Reply.error(503, "serviceNotAvailable", "The service is temporarily unavailable.")
                        .withHeader("Retry-After", "1")
                : Reply.error(504, "GatewayTimeout", "The gateway did not receive a timely response from the "
                        + "service.");
    }

    private Fault drawFault(FakeRequest req, boolean batchItem) {
        if (faults.rate() <= 0 || batchItem && !faults.batchItems() || !req.path().startsWith(faults.pathPrefix())) {
            return null;
        }
        if (random.nextDouble() >= faults.rate()) {
            return null;
        }
        List<Fault> kinds = List.copyOf(faults.faults());
        return kinds.get(random.nextInt(kinds.size()));
    }

    private static Reply faulted(Fault fault) {
        switch (fault) {
            case THROTTLE:
                return Reply.error(429, "TooManyRequests", "Too many requests. Please retry after the time in"
                        + " Retry-After.").withHeader("Retry-After", "1");
            case UNAVAILABLE:
                return Reply.error(503, "serviceNotAvailable", "The service is temporarily unavailable.")
                        .withHeader("Retry-After", "1");
            default:
                return Reply.text(200, Reply.JSON, "{\"value\":[{\"id\":\"");
        }
    }

    private Reply route(FakeRequest req, long seq) {
        String method = req.method();
        // Beta requests keep their /beta in the log; their routes are v1.0's, with what beta alone has.
        boolean beta = req.path().startsWith("/beta/");
        String path = beta ? req.path().substring("/beta".length()) : req.path();
        String[] p = path.substring(1).split("/", -1);
        if (enforcePermissions) {
            // A $batch item is checked against the token of the $batch that carries it.
            Reply refused = Permissions.refusal(req, path,
                    batchAuthorization != null ? batchAuthorization : req.header("Authorization"));
            if (refused != null) {
                return refused;
            }
        }
        if (p.length == 1 && p[0].equals("$batch") && method.equals("POST")) {
            batchAuthorization = req.header("Authorization");
            try {
                return BatchRoute.answer(req, (item) -> {
                    long itemSeq = ++sequence;
                    Reply r = answer(item, itemSeq, true);
                    record(itemSeq, item, r.status(), seq);
                    return r;
                }, beta ? "/beta" : "");
            } finally {
                batchAuthorization = null;
            }
        }
        if (p[0].equals("users")) {
            if (p.length == 1 && method.equals("GET")) {
                return users.list(req, beta);
            }
            if (p.length == 2 && p[1].equals("$count") && method.equals("GET")) {
                return users.count(req);
            }
            if (p.length == 2 && method.equals("GET")) {
                return users.get(req, p[1], beta);
            }
            if (p.length == 2 && method.equals("PATCH")) {
                return users.patch(req, p[1]);
            }
            if (p.length == 3 && p[2].equals("onPremisesSyncBehavior") && method.equals("GET")) {
                return users.syncBehavior(req, p[1], beta);
            }
        }
        if (p.length == 1 && p[0].equals("organization") && method.equals("GET")) {
            return tenantRoutes.organization();
        }
        if (p.length >= 2 && p[0].equals("directory") && p[1].equals("onPremisesSynchronization")) {
            if (p.length == 2 && method.equals("GET")) {
                return tenantRoutes.synchronization();
            }
            if (p.length == 3 && method.equals("PATCH")) {
                return tenantRoutes.patchSynchronization(req, p[2]);
            }
        }
        if (p.length >= 3 && p[0].equals("roleManagement") && p[1].equals("directory") && !method.equals("GET")) {
            if (p.length == 4 && p[2].equals("roleAssignments") && method.equals("DELETE")) {
                return roles.deleteRoleAssignment(p[3]);
            }
            if (p.length == 3 && p[2].equals("roleAssignments") && method.equals("POST")) {
                return roles.postRoleAssignment(req);
            }
            if (p.length == 3 && p[2].equals("roleEligibilityScheduleRequests") && method.equals("POST")) {
                return roles.postEligibilityRequest(req);
            }
        }
        if (p.length == 3 && p[0].equals("roleManagement") && p[1].equals("directory") && method.equals("GET")) {
            if (p[2].equals("roleAssignments")) {
                return roles.roleAssignments(req);
            }
            if (p[2].equals("roleEligibilitySchedules")) {
                return roles.roleEligibilitySchedules(req);
            }
        }
        if (p.length == 4 && p[0].equals("groups") && p[2].equals("members")
                && (p[3].equals("microsoft.graph.user") || p[3].equals("graph.user")) && method.equals("GET")) {
            return roles.groupUsers(req, p[1]);
        }
        if (p[0].equals("servicePrincipals")) {
            if (p.length == 1 && method.equals("GET")) {
                return tenantRoutes.servicePrincipals(req);
            }
            if (p.length == 4 && p[2].equals("synchronization") && p[3].equals("jobs") && method.equals("GET")) {
                return tenantRoutes.jobs(req, p[1]);
            }
            if ((p.length == 5 || p.length == 6 && p[5].isEmpty()) && p[2].equals("synchronization")
                    && p[3].equals("jobs") && method.equals("DELETE")) {
                return tenantRoutes.deleteJob(p[1], p[4]);
            }
            if (p.length == 6 && p[2].equals("synchronization") && p[3].equals("jobs") && method.equals("POST")
                    && (p[5].equals("start") || p[5].equals("restart"))) {
                return tenantRoutes.jobAction(req, p[1], p[4], p[5]);
            }
            if (p.length == 6 && p[2].equals("synchronization") && p[3].equals("jobs") && p[5].equals("schema")
                    && method.equals("GET")) {
                return onDemand.schema(p[1], p[4]);
            }
            if (p.length == 6 && p[2].equals("synchronization") && p[3].equals("jobs")
                    && p[5].equals("provisionOnDemand") && method.equals("POST")) {
                return onDemand.provision(req, p[1], p[4]);
            }
        }
        if (p.length == 2 && p[0].equals("auditLogs") && p[1].equals("directoryAudits") && method.equals("GET")) {
            return auditRoutes.list(req);
        }
        if (p.length == 2 && p[0].equals("auditLogs") && p[1].equals("provisioning") && method.equals("GET")) {
            return tenantRoutes.provisioningLog(req);
        }
        Reply directory = directoryRoutes.route(req, p);
        if (directory != null) {
            return directory;
        }
        return Reply.error(400, "BadRequest", "Resource not found for the segment '" + req.path() + "' ("
                + method + ") in the fake Graph server.");
    }

    private void record(long seq, FakeRequest req, int status, long batch) {
        Map<String, List<String>> headers = new LinkedHashMap<>(req.headers());
        if (headers.containsKey("authorization")) {
            headers.put("authorization", List.of("Bearer [redacted]"));
        }
        String body = new String(req.body(), 0, Math.min(req.body().length, MAX_BODY), StandardCharsets.UTF_8);
        log.addLast(new RecordedRequest(seq, req.method(), req.path(), req.decodedQuery(), Map.copyOf(headers), body,
                status, batch));
        while (log.size() > MAX_LOGGED) {
            log.removeFirst();
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        exchange.getResponseHeaders().set("request-id", UUID.randomUUID().toString());
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
