package dev.oktaentra.core.anchor;

/**
 * The form an anchor text is written in, as {@link Anchors#detect(String)} recognises it.
 *
 * <p>Some texts fit several forms; detection tries them in the order of this enum and documents each rule, so
 * that the answer is predictable. In particular 32 hex digits without separators are read as a GUID in .NET's "N"
 * format (text order), as {@code [guid]::ToString("N")} prints it; the LDAP octet string of the same GUID is
 * recognised as {@link #HEX} only when written with a {@code 0x} prefix or with separators, and
 * {@link Anchors#convert(String)} warns about every 32-digit input.
 */
public enum AnchorFormat {

    /** An Entra connector-space DN, {@code CN={hex of the ImmutableID's text}}. */
    CONNECTOR_SPACE_DN,

    /** Bytes escaped for an LDAP filter, every byte as {@code \hh}: {@code \06\96\b3\3a…}. */
    LDAP_ESCAPED,

    /**
     * A GUID's text: {@code 8-4-4-4-12} hex digits, optionally in braces or parentheses or after {@code urn:uuid:},
     * or 32 hex digits.
     */
    GUID,

    /**
     * Hex digits of bytes in the order they are stored: {@code 0x}-prefixed ({@code 0x0696b33a…}), as pairs
     * separated by spaces, colons or hyphens ({@code 06-96-B3-3A…}, as .NET's {@code BitConverter} prints), or at
     * least 16 contiguous digits other than 32.
     */
    HEX,

    /**
     * The canonical standard Base64 of 16 bytes: the ImmutableID of a GUID anchor, 24 characters ending in
     * {@code ==}.
     */
    BASE64_GUID,

    /**
     * Canonical standard Base64 of bytes other than 16. To tell it from a string anchor it must contain
     * {@code +}, {@code /} or {@code =}, which string anchors cannot, or be at least 16 characters long.
     */
    BASE64_BINARY,

    /**
     * Anything else that is a valid string anchor, such as an employeeID, used by Entra Connect as it is. A text
     * that is not one either is refused rather than read as a string: it holds a character Entra forbids in string
     * anchors or an unpaired surrogate; it has whitespace at either end (a space, tab, line break, no-break space or
     * byte-order mark); or it is a GUID or ImmutableID mistyped, with a character missing or too many, or with a
     * character that is not a hex digit in the 8-4-4-4-12 shape (a letter {@code O} for a zero). Such a text that
     * really is a string anchor is read with {@link AnchorConversion#ofStringAnchor(String)}.
     */
    STRING
}
