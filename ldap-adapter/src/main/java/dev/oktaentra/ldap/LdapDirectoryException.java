package dev.oktaentra.ldap;

import dev.oktaentra.core.directory.DirectoryException;

/**
 * A directory server could not be reached, refused the bind, or failed a search. The message names the server and
 * the LDAP result code with the server's diagnostic text; it never carries the bind password.
 */
public final class LdapDirectoryException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    /** The LDAP result code, or {@link #NO_RESULT_CODE}. */
    private final int resultCode;

    /** {@link #resultCode()} when the failure happened before a server answered (a bad trust store, say). */
    public static final int NO_RESULT_CODE = -1;

    /**
     * An LDAP failure.
     *
     * @param message what failed, naming the server
     * @param resultCode the LDAP result code, or {@link #NO_RESULT_CODE}
     * @param cause the underlying failure; its message must not carry credentials
     */
    public LdapDirectoryException(String message, int resultCode, Throwable cause) {
        super(message, cause);
        this.resultCode = resultCode;
    }

    /**
     * The LDAP result code the server returned, e.g. 49 for invalid credentials or 91 for a connection that could
     * not be made.
     *
     * @return the code, or {@link #NO_RESULT_CODE}
     */
    public int resultCode() {
        return resultCode;
    }
}
