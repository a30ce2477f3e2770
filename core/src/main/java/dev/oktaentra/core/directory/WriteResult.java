package dev.oktaentra.core.directory;

import java.util.Objects;

/**
 * The outcome of one {@link AttributeWrite}.
 *
 * @param write the write
 * @param status what happened
 * @param observed the value the directory held when the write was attempted, when known ({@code null} = empty or
 *        unknown; the message says which)
 * @param message a sentence for a person: the directory's error code and text, or why the write was refused; empty
 *        for {@link WriteStatus#APPLIED}
 */
public record WriteResult(AttributeWrite write, WriteStatus status, AttributeValue observed, String message) {

    /**
     * Checks the required components.
     *
     * @param write the write
     * @param status what happened
     * @param observed the value the directory held when the write was attempted, when known ({@code null} = empty or
     *        unknown; the message says which)
     * @param message a sentence for a person: the directory's error code and text, or why the write was refused; empty
     *        for {@link WriteStatus#APPLIED}
     */
    public WriteResult {
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    /**
     * Whether the attribute now holds the planned value, written now or before.
     *
     * @return true for {@link WriteStatus#APPLIED} and {@link WriteStatus#ALREADY_APPLIED}
     */
    public boolean succeeded() {
        return status == WriteStatus.APPLIED || status == WriteStatus.ALREADY_APPLIED;
    }
}
