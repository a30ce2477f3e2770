package dev.oktaentra.okta.testing;

/**
 * How {@link FakeOktaServer#loseAnswers} loses the answer to a request it has already carried out: the change is
 * made and the client is not told. After a communication failure a client cannot know whether the server processed
 * the request (RFC 9110 section 9.2.2), and a 503 or 504 from the load balancers in front of an org says only that
 * no answer came back in time. The 503 and 504 carry no Okta error body, as a gateway's would not.
 */
public enum LostAnswer {

    /** The connection is closed without an answer, as by a reset after the request was received. */
    CONNECTION_RESET,

    /** {@code 503 Service Unavailable}, without a body. */
    SERVICE_UNAVAILABLE,

    /** {@code 504 Gateway Timeout}, without a body. */
    GATEWAY_TIMEOUT
}
