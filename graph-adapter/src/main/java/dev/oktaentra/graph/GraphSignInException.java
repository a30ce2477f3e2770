package dev.oktaentra.graph;

/**
 * Signing in to Microsoft Entra ID failed, so no request reached Graph: the credentials were refused (a wrong or
 * expired client secret or certificate, an unknown tenant or app) or the authority could not be reached (network,
 * proxy, TLS). Says which sign-in, why, and what to check, in one line; never a permission, which cannot be known
 * without a token.
 */
public final class GraphSignInException extends GraphException {

    private static final long serialVersionUID = 1L;

    /** Why the sign-in failed, as {@link #reason()} returns it. */
    private final String reason;

    /**
     * A failed sign-in.
     *
     * @param who what signed in, as {@link GraphCredentials#toString()} says it (never a secret)
     * @param reason why it failed, e.g. {@code 127.0.0.1:8443 refused the connection}
     * @param check what to check, e.g. {@code check the network connection and proxy}; not empty
     * @param cause the failure underneath; its message must not carry credentials
     */
    public GraphSignInException(String who, String reason, String check, Throwable cause) {
        super("Signing in to Microsoft Entra ID with " + who + " failed: " + sentence(reason) + " "
                + sentence(Character.toUpperCase(check.charAt(0)) + check.substring(1)), cause);
        this.reason = reason;
    }

    private static String sentence(String text) {
        String body = text.strip();
        return body.endsWith(".") ? body : body + ".";
    }

    /**
     * Why the sign-in failed, without what signed in or what to check.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
