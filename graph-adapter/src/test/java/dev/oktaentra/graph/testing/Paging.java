package dev.oktaentra.graph.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** Graph-style paging: {@code $top}, an opaque-looking {@code $skiptoken}, absolute {@code @odata.nextLink}s. */
final class Paging {

    /** A reply that ends request handling, thrown by the parameter checks. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Reply reply;

        Refusal(Reply reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
    }

    private static final String TOKEN_PREFIX = "X'4453707402";

    private Paging() {
    }

    /** The page size asked for, checked like Graph checks it. */
    static int top(FakeRequest req, int defaultTop, int maxTop) {
        String top = req.param("$top");
        if (top == null) {
            return defaultTop;
        }
        try {
            int value = Integer.parseInt(top.trim());
            if (value >= 1 && value <= maxTop) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Refusal(Reply.error(400, "Request_BadRequest", "Invalid page size specified: '" + top
                + "'. Must be between 1 and " + maxTop + " inclusive."));
    }

    /** Where the page starts: 0, or the position a previous nextLink encoded. */
    static int start(FakeRequest req) {
        String token = req.param("$skiptoken");
        if (token == null) {
            return 0;
        }
        try {
            if (token.startsWith(TOKEN_PREFIX) && token.endsWith("'")) {
                return Integer.parseInt(token.substring(TOKEN_PREFIX.length(), token.length() - 1), 16);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Refusal(Reply.error(400, "Request_BadRequest", "Invalid paging token: '" + token + "'."));
    }

    /** The absolute link to the page starting at {@code next}, carrying the request's other parameters. */
    static String nextLink(String baseUrl, FakeRequest req, int next) {
        // A beta request's path keeps its /beta, which replaces the v1.0 root.
        String root = req.path().startsWith("/beta/") && baseUrl.endsWith("/v1.0")
                ? baseUrl.substring(0, baseUrl.length() - "/v1.0".length()) : baseUrl;
        StringBuilder link = new StringBuilder(root).append(req.path()).append('?');
        for (Map.Entry<String, String> p : req.query().entrySet()) {
            if (!p.getKey().equalsIgnoreCase("$skiptoken")) {
                link.append(p.getKey()).append('=').append(encode(p.getValue())).append('&');
            }
        }
        return link.append("$skiptoken=").append(encode(TOKEN_PREFIX + Integer.toHexString(next) + "'")).toString();
    }

    /** One page of a prepared list. */
    static ObjectNode page(String baseUrl, FakeRequest req, List<? extends JsonNode> items, int defaultTop,
            int maxTop) {
        int top = top(req, defaultTop, maxTop);
        int start = Math.min(start(req), items.size());
        int end = Math.min(items.size(), start + top);
        ObjectNode root = Json.object();
        if ("true".equalsIgnoreCase(req.param("$count"))) {
            root.put("@odata.count", items.size());
        }
        if (end < items.size()) {
            root.put("@odata.nextLink", nextLink(baseUrl, req, end));
        }
        ArrayNode value = root.putArray("value");
        items.subList(start, end).forEach(value::add);
        return root;
    }

    /**
     * An OData comparison of a log's {@code activityDateTime} with a literal, as the logs' {@code $filter} takes it; a
     * value that is not an ISO instant is answered 400, as Graph does. An entry without a time never passes.
     *
     * @param op {@code eq}, {@code ge}, {@code gt}, {@code le} or {@code lt}
     * @param value the literal, e.g. {@code 2026-08-01T09:00:00Z}
     * @return the test on an entry's time
     */
    static Predicate<Instant> dateTime(String op, String value) {
        Instant at;
        try {
            at = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new Refusal(Reply.error(400, "BadRequest", "Invalid date '" + value + "'."));
        }
        String operator = op.toLowerCase(Locale.ROOT);
        return t -> {
            if (t == null) {
                return false;
            }
            int c = t.compareTo(at);
            return switch (operator) {
                case "eq" -> c == 0;
                case "ge" -> c >= 0;
                case "gt" -> c > 0;
                case "le" -> c <= 0;
                case "lt" -> c < 0;
                default -> throw new IllegalArgumentException("Not an OData comparison: " + op);
            };
        };
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
