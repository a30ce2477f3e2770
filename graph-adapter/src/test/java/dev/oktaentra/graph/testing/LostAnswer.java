package dev.oktaentra.graph.testing;

/**
 * How {@link FakeGraphServer#loseAnswers} loses the answer to a request it has already carried out: the change is
 * made, and the client is not told. A real client cannot tell this from a request that never arrived (RFC 9110
 * section 9.2.2: after a communication failure a client cannot know whether the server processed the request), and
 * Graph answers 503 and 504 from its gateways when the service behind them was slow, not necessarily idle
 * (https://learn.microsoft.com/en-us/graph/errors: 504 "didn't receive a timely response from the upstream server").
 */
public enum LostAnswer {

    /** The HTTP connection carrying the request is closed without an answer, as by a reset after the request. */
    CONNECTION_RESET,

    /** The request's own answer is {@code 503 serviceNotAvailable} (inside a {@code $batch}: that item's answer). */
    SERVICE_UNAVAILABLE,

    /** The request's own answer is {@code 504 GatewayTimeout} (inside a {@code $batch}: that item's answer). */
    GATEWAY_TIMEOUT,

    /** The whole HTTP request carrying it is answered {@code 503}: for a {@code $batch} item, the {@code $batch}. */
    BATCH_SERVICE_UNAVAILABLE,

    /** The whole HTTP request carrying it is answered {@code 504}: for a {@code $batch} item, the {@code $batch}. */
    BATCH_GATEWAY_TIMEOUT
}
