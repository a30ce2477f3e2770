package dev.oktaentra.okta.disable;

import dev.oktaentra.core.provisioning.ProvisioningApp;
import java.util.Objects;

/**
 * One Office 365 app in a {@link DisablePlan}: its state when planned, and what apply will do.
 *
 * @param app the app as read when planning (state, detail, console steps)
 * @param action what apply will do
 */
public record PlannedApp(ProvisioningApp app, Action action) {

    /** Checks the components. */
    public PlannedApp {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(action, "action");
        if (action == Action.REACTIVATE) {
            throw new IllegalArgumentException("A disable plan never reactivates; app " + app.id());
        }
    }

    /**
     * What apply does for an app in the given state.
     *
     * @param app the app
     * @return the planned step
     */
    public static PlannedApp of(ProvisioningApp app) {
        Action action = switch (app.provisioning()) {
            case ENABLED -> Action.DEACTIVATE;
            case DISABLED -> Action.LEAVE_ALONE;
            case MANUAL_ONLY -> Action.CONFIRM_BY_HAND;
        };
        return new PlannedApp(app, action);
    }
}
