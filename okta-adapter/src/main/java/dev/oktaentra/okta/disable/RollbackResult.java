package dev.oktaentra.okta.disable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a rollback did: the apps apply switched off, switched on again, and the console steps for apps a person
 * switched off by hand.
 *
 * @param rolledBackAt when the rollback finished
 * @param changes one per app apply deactivated, action {@link Action#REACTIVATE}
 * @param manualSteps for each app apply left to a person: how to switch it on again by hand, if it was switched off
 */
public record RollbackResult(Instant rolledBackAt, List<AppChange> changes, List<String> manualSteps) {

    /** Checks the components and freezes the lists. */
    public RollbackResult {
        Objects.requireNonNull(rolledBackAt, "rolledBackAt");
        changes = List.copyOf(changes);
        manualSteps = List.copyOf(manualSteps);
    }

    /**
     * Whether every app apply switched off is on again.
     *
     * @return true when every change succeeded
     */
    public boolean succeeded() {
        return changes.stream().allMatch(AppChange::succeeded);
    }
}
