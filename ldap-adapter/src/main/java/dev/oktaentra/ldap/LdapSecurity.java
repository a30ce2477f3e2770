package dev.oktaentra.ldap;

/**
 * How a connection to a domain controller is protected.
 *
 * <p>{@link #LDAPS} is the default. {@link #PLAINTEXT} sends the bind password readable on the wire and is only
 * reachable through {@link LdapSettings.Builder#allowPlaintextOnLoopback()}, and only to a loopback host.
 */
public enum LdapSecurity {

    /** TLS from the first byte, usually port {@value LdapSettings#DEFAULT_LDAPS_PORT}. */
    LDAPS,

    /**
     * A plain connection, usually port {@value LdapSettings#DEFAULT_LDAP_PORT}, upgraded with the StartTLS extended
     * operation before the bind. A server that refuses StartTLS is an error, never a fallback to plaintext.
     */
    START_TLS,

    /** No encryption at all: the password and every attribute cross the network readable. Labs only. */
    PLAINTEXT;

    /**
     * The URL scheme used in names and messages.
     *
     * @return {@code ldaps} or {@code ldap}
     */
    public String scheme() {
        return this == LDAPS ? "ldaps" : "ldap";
    }
}
