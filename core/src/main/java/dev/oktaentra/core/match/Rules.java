package dev.oktaentra.core.match;

import dev.oktaentra.core.directory.DirectoryUser;
import dev.oktaentra.core.directory.OnPremUser;
import java.util.Locale;

/** The built-in rules' implementations. */
final class Rules {

    static final MatchRule UPN = new Named("softMatchUserPrincipalName",
            user -> normalise(user.userPrincipalName()), false);

    static final MatchRule PRIMARY_SMTP = new Named("softMatchPrimarySmtp", Rules::primarySmtpKey, false);

    private Rules() {
    }

    /**
     * The primary SMTP address; for an on-prem object without any proxy address, its {@code mail}, which Entra is
     * said to soft-match on instead (no Microsoft page read confirms it; the validation treats such a pair as
     * needing a person).
     */
    private static String primarySmtpKey(DirectoryUser user) {
        String primary = normalise(user.primarySmtpAddress());
        if (primary == null && user instanceof OnPremUser onPrem && onPrem.proxyAddresses().isEmpty()) {
            return normalise(onPrem.mail());
        }
        return primary;
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
