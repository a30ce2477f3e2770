package dev.oktaentra.core.validation.internal.store;

import java.util.Locale;

/** How the store and the matching compare proxy addresses and keys: stripped and lower-cased, as Entra's keys are. */
public final class ProxyText {

    private ProxyText() {
    }

    /**
     * A value as Entra's soft-match and uniqueness keys compare it: stripped and lower-cased (the same normalisation
     * as {@code MatchRule.softMatchUserPrincipalName()}).
     *
     * @param value the value
     * @return the key, or {@code null} when the value is {@code null} or blank
     */
    public static String key(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped.toLowerCase(Locale.ROOT);
    }

    /**
     * The address of an SMTP proxy address ({@code SMTP:} or {@code smtp:}), as a key.
     *
     * @param proxy the proxy address
     * @return the lower-cased address, or {@code null} for another type or an empty address
     */
    public static String smtpAddress(String proxy) {
        if (proxy == null || proxy.length() <= 5 || !proxy.regionMatches(true, 0, "smtp:", 0, 5)) {
            return null;
        }
        return key(proxy.substring(5));
    }

    /**
     * A proxy address as the takeover comparison uses it: type and address lower-cased, so that an address kept on
     * the other side under another letter case or as the other kind (primary or not) is not counted as lost.
     *
     * @param proxy the proxy address
     * @return the key, or {@code null} when blank
     */
    public static String proxyKey(String proxy) {
        return key(proxy);
    }
}
