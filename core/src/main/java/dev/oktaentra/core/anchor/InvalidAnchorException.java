package dev.oktaentra.core.anchor;

import dev.oktaentra.core.OktaEntraException;

/**
 * A text that should hold an anchor (GUID, ImmutableID, hex, LDAP-escaped bytes, connector-space DN) does not.
 *
 * <p>The message quotes the input, shortened to about 80 characters, and says what was wrong with it, e.g.
 * {@code Not a GUID: '3ab39606-c642-489b-84b6-58c038d3ef3' has 31 hex digits, a GUID has 32}.
 */
public final class InvalidAnchorException extends OktaEntraException {

    private static final long serialVersionUID = 1L;

    /** The input as {@link #quote(CharSequence)} shows it, never the whole of a long one. */
    private final String input;
    /** What is wrong with the input, without it. */
    private final String reason;

    InvalidAnchorException(String what, CharSequence input, String reason) {
        super(what + ": " + quote(input) + " " + reason);
        this.input = quote(input);
        this.reason = reason;
    }

    /**
     * The offending input as the message quotes it: shortened and with control characters escaped.
     *
     * @return the quoted input
     */
    public String input() {
        return input;
    }

    /**
     * Why the input was refused, without the input itself.
     *
     * @return the reason, e.g. {@code "has 31 hex digits, a GUID has 32"}
     */
    public String reason() {
        return reason;
    }
}
