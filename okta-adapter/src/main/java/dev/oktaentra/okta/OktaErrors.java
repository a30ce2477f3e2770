package dev.oktaentra.okta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.okta.sdk.resource.client.ApiException;
import dev.oktaentra.core.OktaEntraException;
import java.io.IOException;

/**
 * Turns the SDK's failures into {@link OktaException}s whose message names the org, the operation and Okta's error,
 * with a hint for the errors an admin can fix. Built only from the response's status and error fields, never from
 * request headers, so credentials cannot reach a message.
 */
final class OktaErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SUMMARY = 300;

    private final String org;
    private final int maxRetries;

    /**
     * A translator for one org.
     *
     * @param org the org URL, for messages
     * @param maxRetries how often a 429 is retried, for the rate-limit message
     */
    public OktaErrors(String org, int maxRetries) {
        this.org = org;
        this.maxRetries = maxRetries;
    }

    /**
     * The org URL these errors name.
     *
     * @return the org URL
     */
    public String org() {
        return org;
    }

    /**
     * An error found in an answer that Okta gave without an HTTP error, e.g. a malformed list.
     *
     * @param what what is wrong, a sentence
     * @return the exception to throw
     */
    public OktaException problem(String what) {
        return new OktaException("Okta at " + org + ": " + what, OktaException.NO_HTTP_STATUS, null, null);
    }

    /**
     * Translates a failure of one call.
     *
     * @param operation what was being done, e.g. {@code list the Office 365 apps}
     * @param failure what the SDK threw
     * @return the exception to throw
     */
    public OktaException translate(String operation, Throwable failure) {
        ApiException api = find(failure, ApiException.class);
        if (api != null && api.getCode() > 0) {
            return fromResponse(operation, api.getCode(), api.getResponseBody(), failure);
        }
        String tokenError = tokenEndpointBody(failure);
        if (tokenError != null) {
            return fromResponse(operation, 400, tokenError, failure);
        }
        Throwable root = rootCause(failure);
        String what = root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + shorten(root.getMessage()));
        String hint = isNetwork(failure) ? " Check the org URL, the network path and any proxy." : "";
        return new OktaException("Okta at " + org + ": could not " + operation + ": " + what + "." + hint,
                OktaException.NO_HTTP_STATUS, null, failure);
    }

    private OktaException fromResponse(String operation, int status, String body, Throwable failure) {
        OktaError error = OktaError.parse(body);
        StringBuilder message = new StringBuilder("Okta at ").append(org).append(": could not ").append(operation)
                .append(": HTTP ").append(status);
        if (error.code() != null) {
            message.append(' ').append(error.code());
        }
        if (error.summary() != null) {
            message.append(' ').append(OktaEntraException.quote(shorten(error.summary())));
        } else if (body != null && !body.isBlank()) {
            message.append(" with a body that is not an Okta error (").append(body.length()).append(" chars)");
        }
        if (error.id() != null) {
            message.append(" (errorId ").append(error.id()).append(')');
        }
        message.append('.').append(hint(status));
        return new OktaException(message.toString(), status, error.code(), failure);
    }

    private String hint(int status) {
        return switch (status) {
            case 401 -> " Okta did not accept the credentials: check the API token, or the OAuth 2.0 client id, key"
                    + " and scopes.";
            case 403 -> " The credentials lack the permission: an API token acts with its creator's admin role;"
                    + " an OAuth 2.0 client needs okta.apps.read, okta.apps.manage and okta.profileMappings.read.";
            case 429 -> " The rate limit was still exceeded after " + maxRetries + " retries; wait for it to reset"
                    + " or allow more retries (OktaSettings.Builder#retry).";
            default -> status >= 500 ? " Okta had a server error; try again later." : "";
        };
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_SUMMARY ? oneLine : oneLine.substring(0, MAX_SUMMARY) + "\u2026";
    }

    /**
     * The SDK's DPoP interceptor turns every 400 from the token endpoint into a {@code DPoPHandshakeException}
     * ("Unexpected authentication error. Error response body: {…}") without the status; the OAuth error is in the
     * body it quotes.
     */
    private static String tokenEndpointBody(Throwable failure) {
        String marker = "Error response body: ";
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (t.getClass().getSimpleName().equals("DPoPHandshakeException") && message != null
                    && message.contains(marker)) {
                return message.substring(message.indexOf(marker) + marker.length());
            }
        }
        return null;
    }

    private static boolean isNetwork(Throwable failure) {
        return find(failure, java.net.SocketException.class) != null
                || find(failure, java.net.UnknownHostException.class) != null
                || find(failure, java.net.SocketTimeoutException.class) != null
                || find(failure, javax.net.ssl.SSLException.class) != null;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The fields of Okta's error body, or of an OAuth 2.0 error body. */
    record OktaError(String code, String summary, String id) {

        static OktaError parse(String body) {
            if (body == null || body.isBlank()) {
                return new OktaError(null, null, null);
            }
            try {
                JsonNode node = JSON.readTree(body);
                if (node == null || !node.isObject()) {
                    return new OktaError(null, null, null);
                }
                String code = text(node, "errorCode");
                String summary = text(node, "errorSummary");
                if (code == null && summary == null) {
                    code = text(node, "error");
                    summary = text(node, "error_description");
                }
                return new OktaError(code, summary, text(node, "errorId"));
            } catch (IOException e) {
                return new OktaError(null, null, null);
            }
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
        }
    }
}
