package dev.oktaentra.core.match;

import dev.oktaentra.core.directory.DirectoryUser;
import java.util.Locale;

/** The built-in rules' implementations. */
final class Rules {

    static final MatchRule UPN = new Named("softMatchUserPrincipalName",
            user -> normalise(user.userPrincipalName()), false);

    static final MatchRule PRIMARY_SMTP = new Named("softMatchPrimarySmtp",
            user -> normalise(user.primarySmtpAddress()), false);

    private Rules() {
    }

    /** Trims and lower-cases; {@code toLowerCase} returns the same instance when nothing changes, saving memory. */
    static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped.toLowerCase(Locale.ROOT);
    }

    /** A rule with a name and a kind. */
    record Named(String name, MatchRule rule, boolean hard) implements MatchRule {

        @Override
        public String key(DirectoryUser user) {
            return rule.key(user);
        }

        @Override
        public boolean isHardMatch() {
            return hard;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
