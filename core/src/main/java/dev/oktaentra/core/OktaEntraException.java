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

    protected OktaEntraException(String message) {
        super(message);
    }

    protected OktaEntraException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Longest stretch of a user's input that a message repeats. */
    public static final int MAX_ECHO = 80;

    /**
     * Quotes an input for a message: at most {@value #MAX_ECHO} characters, control and non-ASCII-printable
     * characters shown as Java escapes, so a message stays on one line and a binary blob cannot flood a log.
     *
     * @param input what the user gave, or {@code null}
     * @return {@code 'text'}, {@code 'text…' (n chars)} when shortened, or {@code null}
     */
    public static String quote(CharSequence input) {
        if (input == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(input.length(), MAX_ECHO) + 16).append('\'');
        int shown = 0;
        for (int i = 0; i < input.length() && shown < MAX_ECHO; i++, shown++) {
            char c = input.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && Character.isISOControl(c))
                    || Character.isSurrogate(c) || c == '\ufeff') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('\'');
        if (input.length() > MAX_ECHO) {
            out.append("\u2026 (").append(input.length()).append(" chars)");
        }
        return out.toString();
    }
}
