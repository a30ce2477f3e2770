package dev.oktaentra.okta.disable;

import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.ProvisioningState;
import java.util.Objects;

/**
 * What a step did to one app.
 *
 * <p>{@link WriteStatus} reads as for attribute writes: {@code APPLIED} = switched now; {@code ALREADY_APPLIED} =
 * it was already in the wanted state, nothing was called; {@code CONFLICT} = the state changed since planning, so
 * nothing was called (plan again); {@code REFUSED} = Okta's API cannot switch this app, a person must (the message
 * carries the console steps); {@code FAILED} = Okta answered with an error, or the state read back is not the
 * wanted one.
 *
 * @param app the app as it was before the step (its state is the before-state)
 * @param action the step
 * @param status what happened
 * @param after the state read back after the step, or {@code null} when it could not be read
 * @param message a sentence for a person; never a credential
 */
public record AppChange(ProvisioningApp app, Action action, WriteStatus status, ProvisioningState after,
        String message) {

    /** Checks the components. */
    public AppChange {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    /**
     * Whether the app is now in the wanted state, switched now or before.
     *
     * @return true for {@code APPLIED} and {@code ALREADY_APPLIED}
     */
    public boolean succeeded() {
        return status == WriteStatus.APPLIED || status == WriteStatus.ALREADY_APPLIED;
    }
}
