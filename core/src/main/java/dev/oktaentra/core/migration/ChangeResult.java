package dev.oktaentra.core.migration;

import dev.oktaentra.core.directory.WriteStatus;
import java.util.Objects;

/**
 * What became of one {@link Change} when its {@link ChangeKind} applied it; journaled as it is.
 *
 * @param change the change
 * @param status what happened
 * @param observed the value the target held when the change was attempted, as text, when known
 * @param message a sentence for a person: why it was not written, or how a lost answer was settled; empty when
 *        there is nothing to say
 */
public record ChangeResult(Change change, WriteStatus status, String observed, String message) {

    /**
     * Checks the required components.
     *
     * @param change the change
     * @param status what happened
     * @param observed the value the target held when the change was attempted, as text, when known
     * @param message a sentence for a person: why it was not written, or how a lost answer was settled; empty when
     *        there is nothing to say
     */
    public ChangeResult {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    /**
     * Written now.
     *
     * @param change the change
     * @param observed the value found before writing
     * @return the result
     */
    public static ChangeResult applied(Change change, String observed) {
        return new ChangeResult(change, WriteStatus.APPLIED, observed, "");
    }

    /**
     * Found already written: nothing was written.
     *
     * @param change the change
     * @param observed the value found, the change's {@code after}
     * @return the result
     */
    public static ChangeResult alreadyApplied(Change change, String observed) {
        return new ChangeResult(change, WriteStatus.ALREADY_APPLIED, observed, "");
    }

    /**
     * Not written: the target holds neither the plan's before-value nor its after-value.
     *
     * @param change the change
     * @param observed the value found
     * @param message what was found, for a person
     * @return the result
     */
    public static ChangeResult conflict(Change change, String observed, String message) {
        return new ChangeResult(change, WriteStatus.CONFLICT, observed, message);
    }

    /**
     * Not written, by design: the port never takes such a change.
     *
     * @param change the change
     * @param message why, and what works instead
     * @return the result
     */
    public static ChangeResult refused(Change change, String message) {
        return new ChangeResult(change, WriteStatus.REFUSED, null, message);
    }

    /**
     * Attempted and not written.
     *
     * @param change the change
     * @param observed the value found, when known
     * @param message the port's words
     * @return the result
     */
    public static ChangeResult failed(Change change, String observed, String message) {
        return new ChangeResult(change, WriteStatus.FAILED, observed, message);
    }

    /**
     * Whether the target now holds the change's after-value, written now or before.
     *
     * @return true for {@code APPLIED} and {@code ALREADY_APPLIED}
     */
    public boolean succeeded() {
        return status == WriteStatus.APPLIED || status == WriteStatus.ALREADY_APPLIED;
    }
}
