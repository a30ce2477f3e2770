package dev.oktaentra.okta.disable;

import dev.oktaentra.core.report.Counts;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every Office 365 app of an Okta org with its provisioning state and what apply will do. Making a plan changes
 * nothing: it is the dry run.
 *
 * @param source the org, e.g. {@code https://contoso.okta.com}
 * @param plannedAt when the states were read
 * @param apps the apps in Okta's order
 */
public record DisablePlan(String source, Instant plannedAt, List<PlannedApp> apps) {

    /** Checks the components and freezes the list. */
    public DisablePlan {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(plannedAt, "plannedAt");
        apps = List.copyOf(apps);
    }

    /**
     * The apps planned for one action.
     *
     * @param action the action
     * @return those apps, in order
     */
    public List<PlannedApp> withAction(Action action) {
        return apps.stream().filter(a -> a.action() == action).toList();
    }

    /**
     * Whether apply would call Okta to change anything.
     *
     * @return true when at least one app is to be deactivated
     */
    public boolean changesSomething() {
        return apps.stream().anyMatch(a -> a.action() == Action.DEACTIVATE);
    }

    /**
     * A few lines for a person: one per app with its state and action.
     *
     * @return the text
     */
    public String describe() {
        StringBuilder text = new StringBuilder("Disable Okta Office 365 provisioning in ").append(source)
                .append(" (").append(Counts.of(apps.size(), "app", "apps")).append(", read ").append(plannedAt)
                .append(')');
        for (PlannedApp p : apps) {
            text.append('\n').append("- ").append(p.app().label()).append(" [")
                    .append(p.app().id()).append("]: ").append(p.app().provisioning()).append(" \u2192 ")
                    .append(p.action());
            if (p.action() == Action.CONFIRM_BY_HAND) {
                text.append(": ").append(p.app().consoleSteps());
            }
        }
        return text.toString();
    }
}
