package dev.oktaentra.graph;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Says in one line why a sign-in failed and what to check, from the chain azure-identity and MSAL throw: an
 * {@code AADSTS} error from Entra ID (the codes are Microsoft's, listed at
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes), or a network failure on the way to the
 * authority (unknown host, refused connection, timeout, TLS). The SDKs' own text is cut at its first line and at the
 * "Trace ID" Entra appends, and scrubbed of anything shaped like a token.
 */
final class SignInFailures {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
    private static final String NETWORK = "check the network connection, the proxy settings and the cloud setting";

    private SignInFailures() {
    }

    static GraphSignInException explain(String who, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            Matcher code = message == null ? null : AADSTS.matcher(message);
            if (code != null && code.find()) {
                return new GraphSignInException(who, "Entra ID refused the sign-in: "
                        + firstSentences(message.substring(code.start())), checkFor(code.group(1)), failure);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new GraphSignInException(who, "the host " + host(t.getMessage()) + " was not found (DNS)",
                        NETWORK, failure);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new GraphSignInException(who, address(t.getMessage()) + " refused the connection", NETWORK,
                        failure);
            }
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                return new GraphSignInException(who, "the sign-in endpoint did not answer in time", NETWORK, failure);
            }
            if (t instanceof SSLException) {
                return new GraphSignInException(who, "the TLS handshake with the sign-in endpoint failed ("
                        + firstSentences(t.getMessage()) + ")", "a proxy that inspects TLS needs its CA certificate "
                        + "in Java's trust store (cacerts)", failure);
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new GraphSignInException(who, root.getClass().getSimpleName() + ": " + firstSentences(root.getMessage()),
                "check the tenant, the client id and the app's client secret or certificate", failure);
    }

    /** What to check for an AADSTS code; the meanings are those of Microsoft's error code reference. */
    private static String checkFor(String code) {
        return switch (code) {
            // Invalid or expired client secret, invalid client assertion (certificate), assertion out of time.
            case "7000215", "7000222", "700027", "700024", "7000218" ->
                    "check the client secret or certificate, that it has not expired, and the client id";
            // Application not found in the directory; unauthorized client.
            case "700016", "700003", "7000112" -> "check the client id and that the app is registered in this tenant";
            // Tenant not found or not valid.
            case "90002", "900023", "90072" -> "check the tenant id or domain and the cloud setting";
            default -> "check the tenant, the client id and the app's client secret or certificate";
        };
    }

    /** The text up to a line break or Entra's "Trace ID", without the SDK's wrapping, scrubbed. */
    private static String firstSentences(String text) {
        if (text == null || text.isBlank()) {
            return "no details";
        }
        String cut = text.strip();
        int trace = cut.indexOf("Trace ID:");
        if (trace > 0) {
            cut = cut.substring(0, trace);
        }
        cut = cut.lines().findFirst().orElse("").strip();
        return Redaction.scrub(cut);
    }

    /** {@code login.example: Name or service not known} → {@code login.example}. */
    private static String host(String message) {
        if (message == null) {
            return "of the sign-in endpoint";
        }
        int colon = message.indexOf(':');
        return colon > 0 ? message.substring(0, colon) : message;
    }

    /** {@code …Connection refused: /127.0.0.1:8443} or {@code …: localhost/127.0.0.1:8443} → {@code 127.0.0.1:8443}. */
    private static String address(String message) {
        if (message == null) {
            return "the sign-in endpoint";
        }
        String last = message.substring(message.lastIndexOf(": ") + 1).strip();
        int slash = last.lastIndexOf('/');
        String address = slash >= 0 ? last.substring(slash + 1) : last;
        return address.isEmpty() ? "the sign-in endpoint" : address;
    }
}
