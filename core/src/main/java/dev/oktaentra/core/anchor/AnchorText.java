package dev.oktaentra.core.anchor;

/**
 * Character rules the anchor parsers share: ASCII-only case folding, what counts as whitespace and how to name it,
 * and unpaired surrogates. Only error and detection paths use them, never the 16-byte fast paths.
 */
final class AnchorText {

    private AnchorText() {
    }

    /**
     * Whether {@code text} starts with {@code lowerPrefix} in any ASCII letter case. Unlike
     * {@code String.regionMatches(true, …)} no other letter folds to an ASCII one ({@code İ} and {@code ı} are not
     * {@code i}).
     */
    static boolean startsWithAsciiIgnoreCase(CharSequence text, String lowerPrefix) {
        if (text.length() < lowerPrefix.length()) {
            return false;
        }
        for (int i = 0; i < lowerPrefix.length(); i++) {
            char c = text.charAt(i);
            char p = lowerPrefix.charAt(i);
            if (c != p && !(p >= 'a' && p <= 'z' && c == p - ('a' - 'A'))) {
                return false;
            }
        }
        return true;
    }

    /** Whitespace as a person pasting a value would see it: Java's whitespace, Unicode spaces, and the BOM. */
    static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\ufeff';
    }

    /** {@code text} without the {@link #isWhitespace whitespace} at either end. */
    static String strip(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    /**
     * Says what whitespace {@code text} has at its ends: {@code "is only whitespace"}, or e.g.
     * {@code "has whitespace around it (a trailing line break)"} or
     * {@code "has whitespace around it (a leading space and a trailing tab)"}.
     *
     * @return the reason, or {@code null} when neither end is whitespace
     */
    static String describeSurroundingWhitespace(CharSequence text) {
        int len = text.length();
        boolean leading = len > 0 && isWhitespace(text.charAt(0));
        boolean trailing = len > 0 && isWhitespace(text.charAt(len - 1));
        if (!leading && !trailing) {
            return null;
        }
        if (strip(text.toString()).isEmpty()) {
            return "is only whitespace";
        }
        String which = leading && trailing
                ? "a leading " + kind(text.charAt(0)) + " and a trailing " + kind(text.charAt(len - 1))
                : leading ? "a leading " + kind(text.charAt(0)) : "a trailing " + kind(text.charAt(len - 1));
        return "has whitespace around it (" + which + ")";
    }

    private static String kind(char c) {
        return switch (c) {
            case ' ' -> "space";
            case '\t' -> "tab";
            case '\n', '\r', '\u000b', '\u000c', '\u2028', '\u2029' -> "line break";
            case '\u00a0', '\u2007', '\u202f' -> "no-break space " + codeUnit(c);
            case '\ufeff' -> "byte-order mark U+FEFF";
            default -> "whitespace character " + codeUnit(c);
        };
    }

    /**
     * The index of the first surrogate in {@code text} that is not half of a pair, or -1. UTF-8, which Entra stores,
     * cannot encode one; Java's encoder writes {@code ?} in its place.
     */
    static int unpairedSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Says where {@code text} has an unpaired surrogate, e.g.
     * {@code "has an unpaired surrogate U+D800 at position 2; Entra stores UTF-8 text, which cannot hold one"}.
     *
     * @return the reason, or {@code null} when every surrogate is half of a pair
     */
    static String describeUnpairedSurrogate(CharSequence text) {
        int at = unpairedSurrogate(text);
        return at < 0 ? null : "has an unpaired surrogate " + codeUnit(text.charAt(at)) + " at position " + (at + 1)
                + "; Entra stores UTF-8 text, which cannot hold one";
    }

    /** {@code 'g'} for a printable ASCII character, else its code unit, {@code U+00A0}. */
    static String show(char c) {
        return c >= 0x21 && c < 0x7f ? "'" + c + "'" : codeUnit(c);
    }

    static String codeUnit(char c) {
        return String.format("U+%04X", (int) c);
    }
}
