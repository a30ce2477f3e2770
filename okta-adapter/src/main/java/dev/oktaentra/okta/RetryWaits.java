package dev.oktaentra.okta;

import com.okta.sdk.resource.client.ApiException;
import dev.oktaentra.core.settings.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Whether and how long to wait before retrying a failed Okta call, by the settings' {@link RetryPolicy}. The rules
 * are the Okta SDK's own (its {@code OktaHttpRequestRetryStrategy}, which the adapter switches off so that waits go
 * through the policy's sleeper):
 *
 * <ul>
 *   <li>429, 503 and 504 are retried for every method. After a 429 the wait is until {@code X-Rate-Limit-Reset}
 *       (seconds since the epoch) measured against the answer's {@code Date}, plus one second, as Okta advises:
 *       "wait until the rate limit resets" (https://developer.okta.com/docs/reference/rl-best-practices/); else a
 *       {@code Retry-After}; else the policy's back-off.</li>
 *   <li>A network failure is retried only for a read, never for a write whose effect is unknown (RFC 9110 section
 *       9.2.2), and not when retrying cannot help: a refused connection, an unknown host, a TLS failure, a
 *       timeout.</li>
 * </ul>
 */
final class RetryWaits {

    private static final Set<Integer> RETRYABLE = Set.of(429, 503, 504);
    private static final List<Class<? extends IOException>> FINAL = List.of(InterruptedIOException.class,
            UnknownHostException.class, ConnectException.class, NoRouteToHostException.class, SSLException.class);
    private static final String CONNECTION_CLOSED = "org.apache.hc.core5.http.ConnectionClosedException";

    private RetryWaits() {
    }

    /**
     * The wait before the next attempt.
     *
     * @param failure what the SDK threw
     * @param read whether the call only reads, so repeating it is harmless
     * @param retries retries made so far
     * @param policy the policy
     * @return the wait, or {@code null} when the failure is not to be retried
     */
    static Duration wait(RuntimeException failure, boolean read, int retries, RetryPolicy policy) {
        if (!policy.allowsRetry(retries)) {
            return null;
        }
        ApiException api = find(failure, ApiException.class);
        if (api != null && api.getCode() > 0) {
            return RETRYABLE.contains(api.getCode()) ? policy.delay(retries, hint(api, policy)) : null;
        }
        IOException io = find(failure, IOException.class);
        if (!read || io == null || FINAL.stream().anyMatch(type -> type.isInstance(io))
                || io.getClass().getName().equals(CONNECTION_CLOSED)) {
            return null;
        }
        return policy.delay(retries, null);
    }

    /**
     * A few words on what failed, for the log line of a retry; never a header or body.
     *
     * @param failure what the SDK threw
     * @return e.g. {@code HTTP 429} or {@code SocketException}
     */
    static String describe(RuntimeException failure) {
        ApiException api = find(failure, ApiException.class);
        if (api != null && api.getCode() > 0) {
            return "HTTP " + api.getCode();
        }
        IOException io = find(failure, IOException.class);
        return (io != null ? io : failure).getClass().getSimpleName();
    }

    /** How long Okta asked to wait, or {@code null}. */
    static Duration hint(ApiException api, RetryPolicy policy) {
        Map<String, List<String>> headers = api.getResponseHeaders();
        String reset = header(headers, "X-Rate-Limit-Reset");
        if (api.getCode() == 429 && reset != null) {
            try {
                Instant resetAt = Instant.ofEpochSecond(Long.parseLong(reset.trim()));
                Instant now = date(header(headers, "Date"), policy);
                Duration left = Duration.between(now, resetAt);
                return (left.isNegative() ? Duration.ZERO : left).plusSeconds(1);
            } catch (NumberFormatException e) {
                // An unreadable reset: fall through to Retry-After or the back-off.
            }
        }
        return policy.retryAfter(header(headers, "Retry-After"));
    }

    private static Instant date(String value, RetryPolicy policy) {
        if (value != null) {
            try {
                return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // Measure against this machine's clock instead.
            }
        }
        return policy.clock().instant();
    }

    private static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey()) && entry.getValue() != null && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
