package dev.oktaentra.graph;

import dev.oktaentra.core.directory.DirectoryException;
import java.util.List;

/**
 * Graph refused or failed a request: carries Graph's HTTP status, error code and message, as far as the answer
 * had them. Messages never contain a token or a secret.
 */
public class GraphException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status, or 0 when there was no answer. */
    private final int httpStatus;
    /** Graph's {@code error.code}, or {@code null}. */
    private final String errorCode;
    /** Graph's {@code error.message}, or {@code null}. */
    private final String graphMessage;
    /** Graph's {@code request-id}, or {@code null}. */
    private final String requestId;
    /** Graph's {@code error.details}; never null. */
    private final List<GraphErrorDetail> details;

    /**
     * An error answer from Graph.
     *
     * @param message the whole sentence for a person: what failed, and Graph's code and text
     * @param httpStatus the HTTP status, or 0 when there was no answer
     * @param errorCode Graph's {@code error.code}, or {@code null} when the answer had none
     * @param graphMessage Graph's {@code error.message}, or {@code null}
     * @param requestId Graph's {@code request-id}, for a support case, or {@code null}
     * @param details Graph's {@code error.details}; never null
     */
    public GraphException(String message, int httpStatus, String errorCode, String graphMessage, String requestId,
            List<GraphErrorDetail> details) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.graphMessage = graphMessage;
        this.requestId = requestId;
        this.details = List.copyOf(details);
    }

    /**
     * A failure without an answer from Graph (network, TLS, sign-in).
     *
     * @param message what failed
     * @param cause the failure; its message must not carry credentials
     */
    public GraphException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.errorCode = null;
        this.graphMessage = null;
        this.requestId = null;
        this.details = List.of();
    }

    /**
     * The HTTP status of Graph's answer.
     *
     * @return the status, or 0 when there was no answer
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Graph's error code, e.g. {@code Request_BadRequest}, {@code Authorization_RequestDenied}.
     *
     * @return the code, or {@code null} when the answer carried none
     */
    public String errorCode() {
        return errorCode;
    }

    /**
     * Graph's error text.
     *
     * @return the text, or {@code null}
     */
    public String graphMessage() {
        return graphMessage;
    }

    /**
     * Graph's request id, which Microsoft support asks for.
     *
     * @return the id, or {@code null}
     */
    public String requestId() {
        return requestId;
    }

    /**
     * Graph's error details.
     *
     * @return the details, empty when none
     */
    public List<GraphErrorDetail> details() {
        return details;
    }
}
