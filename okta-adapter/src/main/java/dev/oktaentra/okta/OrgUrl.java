package dev.oktaentra.okta;

import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.Loopback;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A checked Okta org URL such as {@code https://contoso.okta.com}: https, a host, nothing after it, never user info.
 * Plain http is accepted only when the caller opted in and the host is loopback by {@link Loopback}'s rule, for tests
 * and the embedded rehearsal against a local fake.
 */
record OrgUrl(String text, boolean plainHttp) {

    static OrgUrl parse(String input, boolean allowPlaintextOnLoopback) {
        if (input == null || input.isBlank()) {
            throw new ConfigurationException("orgUrl", "The Okta org URL is missing, e.g. https://contoso.okta.com");
        }
        String trimmed = input.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new ConfigurationException("orgUrl", "Not an Okta org URL: " + OktaException.quote(trimmed)
                    + " (" + e.getReason() + "); expected e.g. https://contoso.okta.com");
        }
        if (uri.getRawUserInfo() != null) {
            // The user info may be a password: name the host only.
            throw new ConfigurationException("orgUrl", "The Okta org URL for host " + OktaException.quote(uri.getHost())
                    + " contains user info (user:password@); remove it and pass credentials separately.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ConfigurationException("orgUrl", "Not an Okta org URL: " + OktaException.quote(trimmed)
                    + "; expected https://<your org>.okta.com");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigurationException("orgUrl", "The Okta org URL " + OktaException.quote(trimmed)
                    + " has a path, query or fragment; give only the org, e.g. https://contoso.okta.com");
        }
        if (host.toLowerCase(Locale.ROOT).contains("-admin.")) {
            throw new ConfigurationException("orgUrl", "The Okta org URL " + OktaException.quote(trimmed)
                    + " is the Admin Console's address; use the org URL without '-admin'.");
        }
        boolean plain = scheme.equals("http");
        if (plain && !allowPlaintextOnLoopback) {
            throw new ConfigurationException("orgUrl", "The Okta org URL " + OktaException.quote(trimmed)
                    + " is not https. Okta orgs are https only; for a local fake server call"
                    + " allowPlaintextOnLoopback() on the builder.");
        }
        if (plain && !Loopback.isLoopback(host)) {
            throw new ConfigurationException("allowPlaintextOnLoopback", "The Okta org URL "
                    + OktaException.quote(trimmed) + " is plain http to a host that is not loopback; plain http is"
                    + " allowed only for localhost, 127.0.0.0/8 and ::1.");
        }
        String normalised = scheme + "://" + uri.getRawAuthority();
        return new OrgUrl(normalised, plain);
    }

    @Override
    public String toString() {
        return text;
    }
}
