package dev.oktaentra.okta;

import dev.oktaentra.core.directory.DirectoryException;

/**
 * Okta could not be reached, refused the call or answered with an error.
 *
 * <p>The message names the org, the operation and Okta's own error ({@code errorCode}, {@code errorSummary},
 * {@code errorId}), so it can be searched in Okta's System Log. It never contains the API token, the private key
 * or an access token.
 */
public class OktaException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    /** {@link #httpStatus()} when no HTTP answer was received (network failure, refused sign-in). */
    public static final int NO_HTTP_STATUS = 0;

    /** The HTTP status Okta answered, or {@link #NO_HTTP_STATUS}. */
    private final int httpStatus;
    /** Okta's error code, or {@code null}. */
    private final String errorCode;

    /**
     * A failed call to Okta.
     *
     * @param message what failed, naming the org and the operation
     * @param httpStatus the HTTP status Okta answered, or {@link #NO_HTTP_STATUS}
     * @param errorCode Okta's error code, e.g. {@code E0000007}, or {@code null}
     * @param cause the underlying failure; its message must not carry credentials
     */
    public OktaException(String message, int httpStatus, String errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /**
     * The HTTP status Okta answered.
     *
     * @return the status, or {@link #NO_HTTP_STATUS} when there was no answer
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Okta's error code, e.g. {@code E0000047} for an exhausted rate limit.
     *
     * @return the code, or {@code null} when the answer carried none
     */
    public String errorCode() {
        return errorCode;
    }
}
