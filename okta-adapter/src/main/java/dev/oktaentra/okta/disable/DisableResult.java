package dev.oktaentra.okta.disable;

import dev.oktaentra.core.directory.WriteStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What apply did, app by app, with each app's before-state: the input of a rollback.
 *
 * @param plan the plan applied
 * @param appliedAt when apply finished
 * @param changes one per planned app, in the plan's order
 */
public record DisableResult(DisablePlan plan, Instant appliedAt, List<AppChange> changes) {

    /** Checks the components and freezes the list. */
    public DisableResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(appliedAt, "appliedAt");
        changes = List.copyOf(changes);
    }

    /**
     * The apps apply switched off: exactly what a rollback switches on again.
     *
     * @return the changes with status {@code APPLIED}
     */
    public List<AppChange> deactivated() {
        return withStatus(WriteStatus.APPLIED);
    }

    /**
     * The apps a person must switch off in the Admin Console and confirm; each message carries the steps.
     *
     * @return the changes with status {@code REFUSED}
     */
    public List<AppChange> confirmByHand() {
        return withStatus(WriteStatus.REFUSED);
    }

    /**
     * The apps that did not end up off: errors and states changed since planning.
     *
     * @return the changes with status {@code FAILED} or {@code CONFLICT}
     */
    public List<AppChange> problems() {
        return changes.stream()
                .filter(c -> c.status() == WriteStatus.FAILED || c.status() == WriteStatus.CONFLICT).toList();
    }

    /**
     * Whether every app the API can switch is now off. Apps to confirm by hand do not count against it; check
     * {@link #confirmByHand()}.
     *
     * @return true when there are no {@link #problems()}
     */
    public boolean succeeded() {
        return problems().isEmpty();
    }

    private List<AppChange> withStatus(WriteStatus status) {
        return changes.stream().filter(c -> c.status() == status).toList();
    }
}
