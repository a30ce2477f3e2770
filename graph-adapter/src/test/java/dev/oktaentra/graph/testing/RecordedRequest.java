package dev.oktaentra.graph.testing;

import java.util.List;
import java.util.Map;

/**
 * A request {@link FakeGraphServer} received, as a test asserts on it. The {@code Authorization} header's value is
 * replaced by {@code Bearer [redacted]} before it is recorded.
 *
 * @param sequence the order of arrival, from 1
 * @param method the HTTP method
 * @param path the decoded path after {@code /v1.0}, e.g. {@code /users} or {@code /$batch}
 * @param query the decoded query string, or empty
 * @param headers request headers, names in lower case
 * @param body the request body as text (at most 64 KiB), or empty
 * @param status the status the fake answered
 * @param batch for an item of a {@code $batch}, the {@code sequence} of that {@code $batch} request; else 0
 */
public record RecordedRequest(long sequence, String method, String path, String query,
        Map<String, List<String>> headers, String body, int status, long batch) {

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or {@code null}
     */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * Whether the request arrived inside a {@code $batch}.
     *
     * @return true for a batch item
     */
    public boolean inBatch() {
        return batch != 0;
    }
}
