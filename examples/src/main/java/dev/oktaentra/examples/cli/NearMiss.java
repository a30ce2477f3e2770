package dev.oktaentra.examples.cli;

import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.anchor.Anchors;
import dev.oktaentra.core.anchor.InvalidAnchorException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises a value that the library reads as a string anchor (which any text can be) but that a person most
 * likely meant as a GUID, an ImmutableID, hex or a connector-space DN and mistyped or cut short. Converting such a
 * value would print a plausible-looking but wrong ImmutableID, so {@code convert} refuses it unless told
 * {@code --as-string}.
 */
final class NearMiss {

    private static final Pattern GUID_LIKE =
            Pattern.compile("(?i)(urn:uuid:)?[{(]?[0-9a-f]{4,}(-[0-9a-f]{2,}){2,}[})]?");
    private static final Pattern HEX_LIKE = Pattern.compile("(?i)(0x)?[0-9a-f]{16,}");
    /** A GUID's ImmutableID with its padding dropped or cut: 22 Base64 characters, perhaps one {@code =}. */
    private static final Pattern BASE64_GUID_CUT = Pattern.compile("[A-Za-z0-9+/]{22}=?");
    private static final Pattern DN_LIKE = Pattern.compile("(?i)CN=\\{.*");

    private NearMiss() {
    }

    /**
     * Why a value read as a string anchor is probably a mistyped binary form.
     *
     * @param input the value, already known to be read as {@code STRING}
     * @return the reason, or empty when it looks like a genuine string anchor
     */
    static Optional<String> explain(String input) {
        String quoted = OktaEntraException.quote(input);
        if (input.isBlank()) {
            return Optional.of("Not an anchor: " + quoted + " is blank");
        }
        if (!input.strip().equals(input)) {
            return Optional.of("Not an anchor: " + quoted + " has spaces around it, which Entra would keep as "
                    + "part of the value");
        }
        if (GUID_LIKE.matcher(input).matches()) {
            try {
                Anchors.objectGuid(input);
            } catch (InvalidAnchorException e) {
                return Optional.of(e.getMessage());
            }
            return Optional.of("Not a GUID: " + quoted + " looks like one but is not in a form the library reads");
        }
        if (DN_LIKE.matcher(input).matches()) {
            return Optional.of("Not an Entra connector-space DN: " + quoted + " should be CN={hex digits}, with "
                    + "the closing brace");
        }
        if (HEX_LIKE.matcher(input).matches()) {
            int digits = input.length() - (input.toLowerCase(Locale.ROOT).startsWith("0x") ? 2 : 0);
            return Optional.of("Not hex bytes: " + quoted + " has " + digits + " hex digits"
                    + (digits % 2 != 0 ? ", an odd number" : "") + "; a GUID has 32");
        }
        if (BASE64_GUID_CUT.matcher(input).matches() && looksEncoded(input)) {
            return Optional.of("Not an ImmutableID: " + quoted + " has " + input.length() + " characters; a GUID's "
                    + "ImmutableID has 24, ending in ==");
        }
        return Optional.empty();
    }

    /** Base64 symbols, or the mix of both cases and digits that encoded bytes have and names rarely do. */
    private static boolean looksEncoded(String text) {
        boolean upper = text.chars().anyMatch(Character::isUpperCase);
        boolean lower = text.chars().anyMatch(Character::isLowerCase);
        boolean digit = text.chars().anyMatch(Character::isDigit);
        return text.chars().anyMatch(c -> c == '+' || c == '/' || c == '=') || (upper && lower && digit);
    }
}
