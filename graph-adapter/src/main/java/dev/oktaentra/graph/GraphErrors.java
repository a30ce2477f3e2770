package dev.oktaentra.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.odataerrors.ErrorDetails;
import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns whatever the SDK throws into a {@link GraphException} carrying Graph's code and message. Handles the SDK's
 * traps: an {@code ODataError} without {@code error} (whose own {@code getMessage()} throws), an empty body (a plain
 * {@code ApiException}) and a non-JSON body ({@code UnsupportedOperationException}).
 */
final class GraphErrors {

    private GraphErrors() {
    }

    /**
     * Translates a failure of one SDK call.
     *
     * @param action what was being done, e.g. {@code reading users page 3}
     * @param failure what the SDK threw
     * @return the library exception
     */
    public static GraphException translate(String action, RuntimeException failure) {
        if (failure instanceof GraphException already) {
            return already;
        }
        // A failed sign-in surfaces wrapped in whatever call needed the token; it is about the sign-in, not the call
        // (whose permission hint would mislead).
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof GraphSignInException signIn) {
                return signIn;
            }
        }
        if (failure instanceof ODataError odata) {
            return fromODataError(action, odata);
        }
        if (failure instanceof ApiException api) {
            int status = api.getResponseStatusCode();
            // An ApiException that is not an ODataError means the error answer had no body to parse.
            return new GraphException(action + ": Graph answered HTTP " + status + " with an empty body"
                    + hint(status, null), status, null, null, requestId(api), List.of());
        }
        if (failure instanceof UnsupportedOperationException || String.valueOf(failure.getMessage())
                .contains("does not have a factory to be parsed")) {
            // Kiota's answer to an error body in text/plain (UnsupportedOperationException) or text/html.
            return new GraphException(action + ": Graph (or a proxy in front of it) answered with a body that is not"
                    + " JSON, so its error could not be read", 0, null, null, null, List.of());
        }
        if (isJsonFailure(failure)) {
            return new GraphException(action + ": Graph's answer is not valid JSON: "
                    + Redaction.scrub(failure.getMessage()), 0, null, null, null, List.of());
        }
        Throwable cause = failure.getCause() instanceof IOException ? failure.getCause() : failure;
        String what = cause instanceof IOException || failure instanceof UncheckedIOException
                ? "Graph could not be reached" : "the Graph SDK failed";
        return new GraphException(action + ": " + what + ": " + cause.getClass().getSimpleName() + ": "
                + Redaction.scrub(cause.getMessage()), cause);
    }

    /**
     * An error answer found inside a {@code $batch} response.
     *
     * @param action what was being done
     * @param status the item's status
     * @param body the item's body, or {@code null}
     * @return the library exception
     */
    public static GraphException fromBatchItem(String action, int status, JsonNode body) {
        JsonNode error = body == null ? null : body.get("error");
        if (error == null || !error.isObject()) {
            return new GraphException(action + ": Graph answered HTTP " + status + " without an error body"
                    + hint(status, null), status, null, null, null, List.of());
        }
        String code = text(error.get("code"));
        String message = text(error.get("message"));
        List<GraphErrorDetail> details = new ArrayList<>();
        JsonNode list = error.get("details");
        if (list != null && list.isArray()) {
            for (JsonNode d : list) {
                details.add(new GraphErrorDetail(text(d.get("code")), text(d.get("target")), text(d.get("message"))));
            }
        }
        JsonNode inner = error.get("innerError");
        String requestId = inner == null ? null : text(inner.get("request-id"));
        return build(action, status, code, message, requestId, details);
    }

    private static GraphException fromODataError(String action, ODataError odata) {
        int status = odata.getResponseStatusCode();
        MainError error = odata.getError();
        if (error == null) {
            return new GraphException(action + ": Graph answered HTTP " + status + " with JSON that has no 'error'"
                    + " member" + hint(status, null), status, null, null, requestId(odata), List.of());
        }
        List<GraphErrorDetail> details = new ArrayList<>();
        if (error.getDetails() != null) {
            for (ErrorDetails d : error.getDetails()) {
                if (d != null) {
                    details.add(new GraphErrorDetail(d.getCode(), d.getTarget(), d.getMessage()));
                }
            }
        }
        String requestId = error.getInnerError() != null && error.getInnerError().getRequestId() != null
                ? error.getInnerError().getRequestId() : requestId(odata);
        return build(action, status, error.getCode(), error.getMessage(), requestId, details);
    }

    private static GraphException build(String action, int status, String code, String message, String requestId,
            List<GraphErrorDetail> details) {
        String cleanMessage = Redaction.scrub(message);
        StringBuilder text = new StringBuilder(action).append(": Graph answered HTTP ").append(status);
        if (code != null) {
            text.append(' ').append(code);
        }
        if (cleanMessage != null && !cleanMessage.isBlank()) {
            text.append(": ").append(cleanMessage);
        }
        for (GraphErrorDetail d : details) {
            if (d.code() != null) {
                text.append(" [").append(d.code()).append(d.target() == null ? "" : " on " + d.target()).append(']');
            }
        }
        String hint = hint(status, code);
        if (!hint.isEmpty() && text.charAt(text.length() - 1) == '.') {
            text.setLength(text.length() - 1);
        }
        text.append(hint);
        if (requestId != null) {
            text.append(" (request-id ").append(requestId).append(')');
        }
        return new GraphException(text.toString(), status, code, cleanMessage, requestId, details);
    }

    private static boolean isJsonFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("com.google.gson.")) {
                return true;
            }
        }
        return false;
    }

    private static String hint(int status, String code) {
        if (status == 401) {
            return ". The token was refused: check the tenant, the app registration and that the token is current";
        }
        if (status == 403 || "Authorization_RequestDenied".equals(code)) {
            return ". The app lacks a permission for this call: grant it under API permissions and give admin consent";
        }
        if (status == 429 || status == 503 || status == 504) {
            return ". Graph kept throttling or was unavailable after the configured retries";
        }
        return "";
    }

    private static String requestId(ApiException api) {
        if (api.getResponseHeaders() == null) {
            return null;
        }
        Set<String> values = api.getResponseHeaders().get("request-id");
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
