package dev.oktaentra.okta;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A checked Okta org URL such as {@code https://contoso.okta.com}: https, a host, nothing after it, never user info.
 * Plain http is accepted only when the caller opted in and the host is a loopback address, for tests and the
 * embedded rehearsal against a local fake.
 */
record OrgUrl(String text, boolean plainHttp) {

    static OrgUrl parse(String input, boolean allowPlainHttpOnLoopback) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("The Okta org URL is missing, e.g. https://contoso.okta.com");
        }
        String trimmed = input.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not an Okta org URL: " + OktaException.quote(trimmed)
                    + " (" + e.getReason() + "); expected e.g. https://contoso.okta.com");
        }
        if (uri.getRawUserInfo() != null) {
            // The user info may be a password: name the host only.
            throw new IllegalArgumentException("The Okta org URL for host " + OktaException.quote(uri.getHost())
                    + " contains user info (user:password@); remove it and pass credentials separately.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("Not an Okta org URL: " + OktaException.quote(trimmed)
                    + "; expected https://<your org>.okta.com");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The Okta org URL " + OktaException.quote(trimmed)
                    + " has a path, query or fragment; give only the org, e.g. https://contoso.okta.com");
        }
        if (host.toLowerCase(Locale.ROOT).contains("-admin.")) {
            throw new IllegalArgumentException("The Okta org URL " + OktaException.quote(trimmed)
                    + " is the Admin Console's address; use the org URL without '-admin'.");
        }
        boolean plain = scheme.equals("http");
        if (plain && !allowPlainHttpOnLoopback) {
            throw new IllegalArgumentException("The Okta org URL " + OktaException.quote(trimmed)
                    + " is not https. Okta orgs are https only; for a local fake server call"
                    + " allowPlainHttpOnLoopback() on the builder.");
        }
        if (plain && !isLoopback(host)) {
            throw new IllegalArgumentException("The Okta org URL " + OktaException.quote(trimmed)
                    + " is plain http to a host that is not loopback; plain http is allowed only for"
                    + " localhost, 127.0.0.0/8 and ::1.");
        }
        String normalised = scheme + "://" + uri.getRawAuthority();
        return new OrgUrl(normalised, plain);
    }

    /** Loopback by literal only, so checking never asks DNS. */
    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = literal.contains(":") && literal.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
