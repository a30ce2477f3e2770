package dev.oktaentra.okta.disable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The state of every Office 365 app read back after apply, against the plan: the apps of the plan and any that
 * appeared since.
 *
 * @param source the org
 * @param verifiedAt when the states were read
 * @param checks one per app, planned apps first
 */
public record Verification(String source, Instant verifiedAt, List<AppCheck> checks) {

    /** Checks the components and freezes the list. */
    public Verification {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        checks = List.copyOf(checks);
    }

    /**
     * Whether no Office 365 app still provisions through the API. Apps to confirm by hand are listed by
     * {@link #confirmByHand()}; they do not fail verification, but the migration must not go on until a person has
     * confirmed them.
     *
     * @return true when no check is {@link CheckOutcome#STILL_ENABLED}
     */
    public boolean passed() {
        return stillEnabled().isEmpty();
    }

    /**
     * The apps that still provision.
     *
     * @return the checks with {@link CheckOutcome#STILL_ENABLED}
     */
    public List<AppCheck> stillEnabled() {
        return with(CheckOutcome.STILL_ENABLED);
    }

    /**
     * The apps a person must check in the Admin Console.
     *
     * @return the checks with {@link CheckOutcome#CONFIRM_BY_HAND}
     */
    public List<AppCheck> confirmByHand() {
        return with(CheckOutcome.CONFIRM_BY_HAND);
    }

    private List<AppCheck> with(CheckOutcome outcome) {
        return checks.stream().filter(c -> c.outcome() == outcome).toList();
    }
}
