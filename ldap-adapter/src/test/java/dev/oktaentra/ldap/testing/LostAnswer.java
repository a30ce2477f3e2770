package dev.oktaentra.ldap.testing;

/**
 * How {@link InMemoryActiveDirectory#loseModifyAnswers} loses the answer to a modify it has already applied: the
 * change is made and the client is not told. After a communication failure a client cannot know whether the
 * request was processed (RFC 9110 section 9.2.2 says so for HTTP; LDAP over TCP is no different), and a domain
 * controller that is shutting down or overloaded tells its clients so with a notice of disconnection or result code
 * 51/52 (RFC 4511 sections 4.4.1 and A.1).
 */
public enum LostAnswer {

    /** The server sends a notice of disconnection and drops the connection before the modify's answer. */
    CONNECTION_CLOSED,

    /** The modify is answered {@code unavailable (52)} although it was applied. */
    UNAVAILABLE,

    /** The modify is answered {@code busy (51)} although it was applied. */
    BUSY
}
