package dev.oktaentra.graph.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer of the fake, before it goes out over HTTP or into a {@code $batch} response. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    static Reply json(int status, JsonNode body) {
        return new Reply(status, JSON, Json.bytes(body), Map.of());
    }

    static Reply ok(JsonNode body) {
        return json(200, body);
    }

    static Reply noContent() {
        return new Reply(204, null, new byte[0], Map.of());
    }

    static Reply error(int status, String code, String message) {
        return json(status, Json.error(code, message));
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    Reply withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Reply(status, contentType, body, all);
    }

    boolean isJson() {
        return contentType != null && contentType.startsWith("application/json");
    }
}
