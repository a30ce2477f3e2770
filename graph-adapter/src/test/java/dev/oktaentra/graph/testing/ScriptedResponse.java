package dev.oktaentra.graph.testing;

import java.util.Map;

/**
 * A fixed answer {@link FakeGraphServer} gives once, in place of its normal one, for error-handling tests.
 *
 * @param status the HTTP status
 * @param contentType the Content-Type, or {@code null} for none
 * @param body the body, or empty for none
 * @param headers further headers
 */
public record ScriptedResponse(int status, String contentType, String body, Map<String, String> headers) {

    /** Freezes the headers. */
    public ScriptedResponse {
        body = body == null ? "" : body;
        headers = Map.copyOf(headers);
    }

    /**
     * Graph's JSON error.
     *
     * @param status the HTTP status
     * @param code Graph's error code
     * @param message Graph's error message
     * @return the response
     */
    public static ScriptedResponse graphError(int status, String code, String message) {
        return new ScriptedResponse(status, "application/json",
                Json.error(code, message).toString(), Map.of());
    }

    /**
     * Any status and body.
     *
     * @param status the HTTP status
     * @param contentType the Content-Type, or {@code null}
     * @param body the body
     * @return the response
     */
    public static ScriptedResponse raw(int status, String contentType, String body) {
        return new ScriptedResponse(status, contentType, body, Map.of());
    }
}
