package dev.oktaentra.graph.testing;

/** A failure {@link FakeGraphServer} can inject in place of a real answer. */
public enum Fault {

    /** {@code 429 Too Many Requests} with {@code Retry-After: 1} and Graph's JSON error. */
    THROTTLE,

    /** {@code 503 Service Unavailable} with {@code Retry-After: 1} and Graph's JSON error. */
    UNAVAILABLE,

    /** {@code 200 OK} whose JSON body is cut off mid-way. */
    MALFORMED_BODY
}
