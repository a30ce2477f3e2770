package dev.oktaentra.graph.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** {@code POST /$batch}: up to 20 requests, each answered as if it came alone, in one JSON answer. */
final class BatchRoute {

    static final int MAX_REQUESTS = 20;

    private BatchRoute() {
    }

    /**
     * Answers a batch.
     *
     * @param batch the {@code $batch} request
     * @param dispatch answers one item
     * @param versionRoot the version root the items' relative URLs are under: {@code ""} for v1.0, {@code "/beta"}
     */
    static Reply answer(FakeRequest batch, Function<FakeRequest, Reply> dispatch, String versionRoot) {
        JsonNode root = Json.parse(batch.body());
        JsonNode requests = root == null ? null : root.get("requests");
        if (requests == null || !requests.isArray()) {
            return Reply.error(400, "BadRequest", "Invalid batch payload format.");
        }
        if (requests.size() > MAX_REQUESTS) {
            return Reply.error(400, "BadRequest", "Batch request limit exceeded: at most " + MAX_REQUESTS
                    + " requests, not " + requests.size() + ".");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode r : requests) {
            if (!r.hasNonNull("id") || !r.hasNonNull("method") || !r.hasNonNull("url") || !ids.add(r.get("id").asText())) {
                return Reply.error(400, "BadRequest", "Every batch request needs a unique id, a method and a url.");
            }
        }
        ObjectNode out = Json.object();
        ArrayNode responses = out.putArray("responses");
        for (JsonNode r : requests) {
            Reply reply = dispatch.apply(item(r, versionRoot));
            ObjectNode response = responses.addObject();
            response.put("id", r.get("id").asText());
            response.put("status", reply.status());
            ObjectNode headers = response.putObject("headers");
            if (reply.contentType() != null) {
                headers.put("Content-Type", reply.contentType());
            }
            reply.headers().forEach(headers::put);
            if (reply.body().length > 0) {
                JsonNode body = reply.isJson() ? Json.parse(reply.body()) : null;
                if (body != null) {
                    response.set("body", body);
                } else {
                    response.put("body", new String(reply.body(), StandardCharsets.UTF_8));
                }
            }
        }
        return Reply.ok(out);
    }

    private static FakeRequest item(JsonNode r, String root) {
        String url = r.get("url").asText();
        if (!url.startsWith("/")) {
            url = "/" + url;
        }
        url = root + url;
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? null : url.substring(q + 1);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        JsonNode h = r.get("headers");
        if (h != null && h.isObject()) {
            h.fields().forEachRemaining(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT),
                    List.of(e.getValue().asText())));
        }
        JsonNode body = r.get("body");
        byte[] bytes = body == null || body.isNull() ? new byte[0]
                : body.isTextual() ? body.asText().getBytes(StandardCharsets.UTF_8) : Json.bytes(body);
        return FakeRequest.of(r.get("method").asText(), path, query, headers, bytes);
    }
}
