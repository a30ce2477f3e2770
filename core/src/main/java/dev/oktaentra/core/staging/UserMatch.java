package dev.oktaentra.core.staging;

import java.util.Objects;

/**
 * A known user a pending export was tied to, and how.
 *
 * @param user the known user; never null
 * @param matchedBy the look-up that found it; never null
 */
public record UserMatch(KnownUser user, MatchedBy matchedBy) {

    /**
     * Checks the components.
     *
     * @param user the known user; never null
     * @param matchedBy the look-up that found it; never null
     */
    public UserMatch {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(matchedBy, "matchedBy");
    }
}
