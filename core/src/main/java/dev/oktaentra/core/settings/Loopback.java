package dev.oktaentra.core.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule every adapter applies to unencrypted connections: a plaintext opt-in ({@code allowPlaintextOnLoopback()}
 * on a settings builder) is honoured only for a host on this machine, because on loopback the password or token
 * never crosses a network; to any other host the builder refuses to build.
 *
 * <p>A host is loopback when it is
 * <ul>
 *   <li>an IPv4 address in {@code 127.0.0.0/8} or the IPv6 address {@code ::1} (also written in full, in brackets,
 *       or IPv4-mapped as {@code ::ffff:127.0.0.1}); address literals are parsed, never looked up;</li>
 *   <li>the name {@code localhost}, which RFC 6761 section 6.3 reserves for the loopback interface.</li>
 * </ul>
 *
 * <p>No other name is loopback, even one that resolves to {@code 127.0.0.1} today: DNS answers can change between
 * this check and the connection (a name such as {@code 127.0.0.1.nip.io} resolves wherever its owner wants), so
 * the check never asks DNS. For a lab name mapped to loopback (an SSH tunnel), give {@code 127.0.0.1} instead.
 */
public final class Loopback {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private Loopback() {
    }

    /**
     * Whether a host is on this machine, by the rule above.
     *
     * @param host a host name or address, with or without IPv6 brackets; {@code null} is not loopback
     * @return true for a loopback host
     */
    public static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        try {
            if (IPV4.matcher(h).matches()) {
                return isLoopbackIpv4(h);
            }
            if (IPV6.matcher(h).matches()) {
                // With a colon, InetAddress parses the text as an IPv6 literal and never asks DNS.
                return InetAddress.getByName(h).isLoopbackAddress();
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isLoopbackIpv4(String literal) {
        String[] octets = literal.split("\\.");
        for (String octet : octets) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return Integer.parseInt(octets[0]) == 127;
    }

    /**
     * Refuses a plaintext opt-in to a host that is not loopback.
     *
     * @param setting the opt-in's name on the builder, e.g. {@code allowPlaintextOnLoopback}
     * @param target what would be reached in clear text, for the message, e.g. {@code http://graph.example:80/v1.0};
     *        never a URL with user info
     * @param host the host to check
     * @throws ConfigurationException naming the target when the host is not loopback
     */
    public static void require(String setting, String target, String host) {
        if (!isLoopback(host)) {
            throw new ConfigurationException(setting, setting + ": " + ConfigurationException.quote(target)
                    + " is not on a loopback host; plaintext is allowed only to localhost, 127.0.0.0/8 and ::1."
                    + " Use https or TLS for any other host.");
        }
    }
}
