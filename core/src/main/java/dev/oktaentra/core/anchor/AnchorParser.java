package dev.oktaentra.core.anchor;

import dev.oktaentra.core.OktaEntraException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Recognises the form of an anchor text and decodes it; the rules are those documented on {@link AnchorFormat}. */
final class AnchorParser {

    private static final String WHAT = "Not an anchor";
    private static final char[] HEX_SEPARATORS = {' ', ':', '-'};
    /** Fewer separated pairs than this are more likely a short string anchor such as {@code AB-12}. */
    private static final int MIN_SEPARATED_PAIRS = 4;

    private AnchorParser() {
    }

    static AnchorFormat detect(String text) {
        requirePresent(text);
        refuseSurroundingWhitespace(text);
        // Neither form can be a string anchor (Entra forbids braces, '=' and '\\' in those), so a malformed one
        // is an error rather than a STRING.
        if (looksLikeConnectorSpaceDn(text)) {
            ImmutableId.fromConnectorSpaceDn(text);
            return AnchorFormat.CONNECTOR_SPACE_DN;
        }
        if (text.charAt(0) == '\\') {
            ldapUnescape(text);
            return AnchorFormat.LDAP_ESCAPED;
        }
        if (isGuidText(text)) {
            return AnchorFormat.GUID;
        }
        if (hexBytes(text) != null) {
            return AnchorFormat.HEX;
        }
        byte[] decoded = binaryBase64(text);
        if (decoded != null) {
            return decoded.length == ObjectGuid.LENGTH ? AnchorFormat.BASE64_GUID : AnchorFormat.BASE64_BINARY;
        }
        checkStringAnchor(text);
        return AnchorFormat.STRING;
    }

    /** Characters Entra Connect does not allow in a string sourceAnchor (plan-connect-design-concepts). */
    private static final String FORBIDDEN_IN_STRING_ANCHOR = "\\!#$%&*+/=?^`{}|~<>()';:,[]\"@_";

    /** Ends the message of a near miss that {@link AnchorConversion#ofStringAnchor(String)} would still take. */
    private static final String STRING_ANCHOR_HINT =
            "; if it really is a string anchor, read it with AnchorConversion.ofStringAnchor";

    /**
     * Refuses a text that is no valid string anchor either, so that a mistyped binary form (a GUID with a digit
     * missing or a letter for a digit, an ImmutableID without its padding, a DN without its closing brace) is
     * reported as such rather than converted as if it were an employeeID.
     */
    private static void checkStringAnchor(String text) {
        if (looksLikeGuidNearMiss(text)) {
            try {
                ObjectGuid.parse(text);
            } catch (InvalidAnchorException notAGuid) {
                throw new InvalidAnchorException("Not a GUID", text, notAGuid.reason() + STRING_ANCHOR_HINT);
            }
        }
        if (text.length() == 22 && Codec.decodeCanonicalBase64(text + "==") != null) {
            throw new InvalidAnchorException(WHAT, text, "looks like an ImmutableID without its '==' padding; Entra "
                    + "stores it with the padding" + STRING_ANCHOR_HINT);
        }
        String surrogate = AnchorText.describeUnpairedSurrogate(text);
        if (surrogate != null) {
            throw new InvalidAnchorException(WHAT, text, surrogate);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (FORBIDDEN_IN_STRING_ANCHOR.indexOf(c) >= 0 || Character.isISOControl(c)) {
                // quote() shows a control character as a Java escape of four hex digits, as in the quoted input.
                throw new InvalidAnchorException("Not an anchor", text, "is no binary form, and as a string anchor it "
                        + "may not contain " + OktaEntraException.quote(String.valueOf(c)) + " at position " + (i + 1)
                        + " (Entra Connect's sourceAnchor rules)");
            }
        }
    }

    /**
     * A GUID mistyped: the 8-4-4-4-12 hyphen shape, bare or in braces or parentheses, with a character that is not a
     * hex digit (a letter O for a zero); hex digits and four hyphens, 30 to 40 characters (a digit too many or too
     * few); anything after {@code urn:uuid:}, which no string anchor can hold (Entra forbids the colon), or the
     * 8-4-4-4-12 shape after nine other characters. The caller has already found that the text is no GUID.
     */
    static boolean looksLikeGuidNearMiss(String text) {
        int len = text.length();
        if (len == 36 && ObjectGuid.hasHyphenShape(text, 0)
                || len == 38 && isOpening(text.charAt(0)) && isClosing(text.charAt(37))
                        && ObjectGuid.hasHyphenShape(text, 1)
                || len == 45 && ObjectGuid.hasHyphenShape(text, 9)
                || AnchorText.startsWithAsciiIgnoreCase(text, "urn:uuid:")) {
            return true;
        }
        if (len < 30 || len > 40) {
            return false;
        }
        int hyphens = 0;
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c == '-') {
                hyphens++;
            } else if (Codec.hexValue(c) < 0 && !isOpening(c) && !isClosing(c)) {
                return false;
            }
        }
        return hyphens == 4;
    }

    private static boolean isOpening(char c) {
        return c == '{' || c == '(';
    }

    private static boolean isClosing(char c) {
        return c == '}' || c == ')';
    }

    /**
     * No anchor form starts or ends with whitespace, and a string anchor keeps it as part of the value, so a text
     * with a space, line break, no-break space or byte-order mark at either end is refused, naming it.
     */
    private static void refuseSurroundingWhitespace(String text) {
        String whitespace = AnchorText.describeSurroundingWhitespace(text);
        if (whitespace != null) {
            throw new InvalidAnchorException(WHAT, text, whitespace
                    + "; no anchor form has it, and Entra would keep it as part of a string anchor");
        }
    }

    /**
     * The bytes of {@code text} when it reads as a binary anchor's Base64 under the rule of
     * {@link AnchorFormat#BASE64_BINARY}, else {@code null}.
     */
    private static byte[] binaryBase64(String text) {
        byte[] decoded = Codec.decodeCanonicalBase64(text);
        boolean binaryLooking = decoded != null && (decoded.length == ObjectGuid.LENGTH || text.length() >= 16
                || text.indexOf('=') >= 0 || text.indexOf('+') >= 0 || text.indexOf('/') >= 0);
        return binaryLooking ? decoded : null;
    }

    static AnchorConversion convert(String text) {
        AnchorFormat format = detect(text);
        return switch (format) {
            case CONNECTOR_SPACE_DN -> fromImmutableId(ImmutableId.fromConnectorSpaceDn(text), text, format);
            case LDAP_ESCAPED -> fromBytes(text, format, ldapUnescape(text));
            case GUID -> fromGuidText(text, format);
            case HEX -> fromBytes(text, format, hexBytes(text));
            case BASE64_GUID, BASE64_BINARY -> fromBytes(text, format, Codec.decodeCanonicalBase64(text));
            case STRING -> fromString(text, format, ImmutableId.ofString(text));
        };
    }

    /**
     * The forms of GUID text. 32 bare hex digits are read in .NET's "N" format as {@link AnchorFormat} documents,
     * with a warning that names the GUID they would denote as stored bytes, the way {@link ObjectGuid#toHex()} and
     * LDAP tools print an objectGUID, and how to say that is what they are.
     */
    private static AnchorConversion fromGuidText(String text, AnchorFormat format) {
        ObjectGuid guid = ObjectGuid.parse(text);
        if (text.length() != 32) {
            return fromBytes(text, format, guid.bytes(), List.of());
        }
        ObjectGuid asStoredBytes = ObjectGuid.of(hexBytes("0x" + text));
        return fromBytes(text, format, guid.bytes(), List.of("32 bare hex digits are read as GUID text in .NET's "
                + "\"N\" format, giving " + guid + "; if they are the stored bytes (as LDAP tools and "
                + "ObjectGuid.toHex() print an objectGUID) they denote " + asStoredBytes + ": write them as 0x" + text
                + " to read them so"));
    }

    /** The forms of what an ImmutableID's text denotes: binary when it reads as Base64, else a string anchor. */
    private static AnchorConversion fromImmutableId(ImmutableId id, String input, AnchorFormat format) {
        byte[] bytes = binaryBase64(id.value());
        return bytes != null ? fromBytes(input, format, bytes) : fromString(input, format, id);
    }

    private static AnchorConversion fromBytes(String input, AnchorFormat format, byte[] bytes) {
        return fromBytes(input, format, bytes, List.of());
    }

    private static AnchorConversion fromBytes(String input, AnchorFormat format, byte[] bytes, List<String> warnings) {
        ObjectGuid guid = bytes.length == ObjectGuid.LENGTH ? ObjectGuid.of(bytes) : null;
        ImmutableId id = guid != null ? guid.toImmutableId() : ImmutableId.ofBytes(bytes);
        String hex = Codec.hex(bytes, false);
        StringBuilder filter = new StringBuilder(hex.length() * 3 / 2);
        for (int i = 0; i < hex.length(); i += 2) {
            filter.append('\\').append(hex, i, i + 2);
        }
        return new AnchorConversion(input, format, guid, id, hex, filter.toString(), id.toConnectorSpaceDn(), warnings);
    }

    private static AnchorConversion fromString(String input, AnchorFormat format, ImmutableId id) {
        return new AnchorConversion(input, format, null, id, null, escapeFilterValue(id.value()),
                id.toConnectorSpaceDn(), List.of());
    }

    /** RFC 4515 escaping of a string value: {@code * ( ) \ NUL} and every non-ASCII byte of its UTF-8. */
    static String escapeFilterValue(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '*' || c == '(' || c == ')' || c == '\\' || c == 0 || c >= 0x80) {
                out.append('\\').append(Codec.hex(new byte[] {b}, false));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    static void requirePresent(String text) {
        if (text == null) {
            throw new InvalidAnchorException(WHAT, null, "(no value)");
        }
        if (text.isEmpty()) {
            throw new InvalidAnchorException(WHAT, text, "is empty");
        }
    }

    private static boolean looksLikeConnectorSpaceDn(String text) {
        return text.length() >= 5 && AnchorText.startsWithAsciiIgnoreCase(text, "cn={") && text.endsWith("}");
    }

    private static boolean isGuidText(String text) {
        int len = text.length();
        if (len != 32 && len != 36 && len != 38 && len != 45) {
            return false;
        }
        try {
            ObjectGuid.parse(text);
            return true;
        } catch (InvalidAnchorException notAGuid) {
            return false;
        }
    }

    /** Decodes {@code \hh\hh…}; every byte must be escaped. */
    static byte[] ldapUnescape(String text) {
        if (text.length() % 3 != 0) {
            throw new InvalidAnchorException("Not LDAP-escaped bytes", text,
                    "is not a sequence of \\hh escapes (every byte as a backslash and two hex digits)");
        }
        byte[] out = new byte[text.length() / 3];
        for (int i = 0; i < out.length; i++) {
            long b = text.charAt(3 * i) == '\\' ? Codec.hexDigits(text, 3 * i + 1, 2) : -1;
            if (b < 0) {
                throw new InvalidAnchorException("Not LDAP-escaped bytes", text,
                        "has no \\hh escape at position " + (3 * i + 1));
            }
            out[i] = (byte) b;
        }
        return out;
    }

    /**
     * Decodes the {@link AnchorFormat#HEX} forms, or returns {@code null} when {@code text} is none of them.
     */
    static byte[] hexBytes(String text) {
        for (char separator : HEX_SEPARATORS) {
            if (text.indexOf(separator) >= 0) {
                return separatedPairs(text, separator);
            }
        }
        boolean prefixed = text.startsWith("0x") || text.startsWith("0X");
        int from = prefixed ? 2 : 0;
        int digits = text.length() - from;
        if (digits == 0 || digits % 2 != 0 || !prefixed && (digits < 16 || digits == 32)) {
            return null;
        }
        byte[] out = new byte[digits / 2];
        for (int i = 0; i < out.length; i++) {
            long b = Codec.hexDigits(text, from + 2 * i, 2);
            if (b < 0) {
                return null;
            }
            out[i] = (byte) b;
        }
        return out;
    }

    /** {@code 06-96-B3}, {@code 06 96 b3}, {@code 06:96:b3} or {@code 0x06 0x96 0xb3}. */
    private static byte[] separatedPairs(String body, char separator) {
        String[] tokens = body.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        if (tokens.length < MIN_SEPARATED_PAIRS) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(tokens.length);
        for (String token : tokens) {
            String pair = token.length() == 4 && (token.startsWith("0x") || token.startsWith("0X"))
                    ? token.substring(2) : token;
            if (pair.length() != 2) {
                return null;
            }
            long b = Codec.hexDigits(pair, 0, 2);
            if (b < 0) {
                return null;
            }
            out.write((int) b);
        }
        return out.toByteArray();
    }
}
