package dev.oktaentra.graph;

import java.util.regex.Pattern;

/** Removes anything shaped like a bearer token from text that came from elsewhere before it reaches a message. */
final class Redaction {

    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final int MAX = 500;

    private Redaction() {
    }

    /**
     * The text with bearer tokens and JWTs replaced by {@code [redacted]}, shortened to 500 characters.
     *
     * @param text foreign text, e.g. an SDK exception's message; may be null
     * @return the cleaned text, or {@code null}
     */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = JWT.matcher(BEARER.matcher(text).replaceAll("Bearer [redacted]")).replaceAll("[redacted]");
        return cleaned.length() > MAX ? cleaned.substring(0, MAX) + "…" : cleaned;
    }
}
