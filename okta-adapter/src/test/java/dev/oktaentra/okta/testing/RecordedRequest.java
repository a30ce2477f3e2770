package dev.oktaentra.okta.testing;

/**
 * One request {@link FakeOktaServer} answered, for assertions.
 *
 * @param method e.g. {@code POST}
 * @param path e.g. {@code /api/v1/apps/0oa1/connections/default/lifecycle/deactivate}
 * @param query the decoded query string, or {@code ""}
 * @param authorization the scheme only, e.g. {@code SSWS [redacted]}, {@code Bearer [redacted]} or {@code (none)}
 * @param status the HTTP status answered
 */
public record RecordedRequest(String method, String path, String query, String authorization, int status) {

    /**
     * Whether this request changed state on the fake (a POST, PUT or DELETE).
     *
     * @return true for a write
     */
    public boolean isWrite() {
        return !method.equals("GET") && !method.equals("HEAD") && !path.equals("/oauth2/v1/token");
    }
}
