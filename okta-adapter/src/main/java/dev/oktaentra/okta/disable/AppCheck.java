package dev.oktaentra.okta.disable;

import dev.oktaentra.core.provisioning.ProvisioningApp;
import java.util.Objects;

/**
 * Verification of one Office 365 app.
 *
 * @param app the app as read now (as planned, for {@link CheckOutcome#GONE})
 * @param planned whether the app was in the plan; an app that is not appeared after planning
 * @param outcome what was found
 * @param message a sentence for a person
 */
public record AppCheck(ProvisioningApp app, boolean planned, CheckOutcome outcome, String message) {

    /** Checks the components. */
    public AppCheck {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
    }
}
