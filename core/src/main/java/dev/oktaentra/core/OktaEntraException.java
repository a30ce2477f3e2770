package dev.oktaentra.core;

/**
 * Root of every exception the library throws on purpose.
 *
 * <p>Unchecked, because the caller can rarely recover at the call site: a malformed anchor, a file that is not
 * what it claims or a directory conflict is reported to a person, not retried. Each feature has its own subclass,
 * and every message names the offending input (shortened) and where it came from, never a secret.
 */
public abstract class OktaEntraException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Longest stretch of a user's input that a message repeats, escapes included. */
    public static final int MAX_ECHO = 80;

    /**
     * An exception with a message that names the offending input, shortened with {@link #quote(CharSequence)}, and
     * where it came from.
     *
     * @param message the whole message, never a secret
     */
    protected OktaEntraException(String message) {
        super(message);
    }

    /**
     * An exception caused by another, such as an I/O or protocol error underneath.
     *
     * @param message the whole message, never a secret
     * @param cause what went wrong underneath; its message is not repeated in this one
     */
    protected OktaEntraException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Quotes an input for a message, so that a message stays on one line and a binary blob cannot flood a log:
     * control characters, unpaired surrogates, whitespace other than the plain space and invisible format characters
     * (such as a byte-order mark) are shown as Java escapes of four hex digits (<code>&#92;u000a</code>), and the
     * text between the quotes, escapes included, is at most {@value #MAX_ECHO} characters; neither an escape nor a
     * surrogate pair is ever cut in half.
     *
     * @param input what the user gave, or {@code null}
     * @return {@code 'text'}; {@code 'start of the text'… (n chars)} when shortened, {@code n} being the length of
     *         the whole input; or the four characters {@code null}, without quotes, when {@code input} is null
     */
    public static String quote(CharSequence input) {
        if (input == null) {
            return "null";
        }
        int length = input.length();
        StringBuilder out = new StringBuilder(Math.min(length, MAX_ECHO) + 24).append('\'');
        int shown = 0;
        int width = 0;
        while (shown < length) {
            char c = input.charAt(shown);
            // A surrogate pair is one character (an emoji in a name) and shown as it is, never cut in half; a
            // lone half cannot be encoded and is escaped.
            int units = Character.isHighSurrogate(c) && shown + 1 < length
                    && Character.isLowSurrogate(input.charAt(shown + 1)) ? 2 : 1;
            boolean escaped = units == 1 && hidesOrBreaksTheLine(c);
            width += escaped ? 6 : units;
            if (width > MAX_ECHO) {
                break;
            }
            if (escaped) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(input, shown, shown + units);
            }
            shown += units;
        }
        out.append('\'');
        if (shown < length) {
            out.append("\u2026 (").append(length).append(" chars)");
        }
        return out.toString();
    }

    private static boolean hidesOrBreaksTheLine(char c) {
        return Character.isISOControl(c) || Character.isSurrogate(c)
                || c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c))
                || Character.getType(c) == Character.FORMAT;
    }
}
