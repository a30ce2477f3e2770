package dev.oktaentra.examples.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides what looks like a credential in a line of text: the value of an {@code Authorization} header or of a field
 * named like a password, secret, token or client assertion; a token after {@code SSWS} or {@code Bearer}; a JWT; a
 * PEM private key. It is the second line of defence behind the loggers kept off ({@link Logging}): it catches what a
 * third-party logger still at work might print, in the forms the HTTP stacks and their messages use (header lines,
 * {@code key=value} forms and queries, JSON, {@code Map.toString}).
 */
final class SecretRedaction {

    static final String REDACTED = "[redacted]";

    /** {@code Authorization: SSWS 00ab…}, {@code "Authorization":"Bearer …"}, {@code authorization=[…]}. */
    private static final Pattern HEADER = Pattern.compile(
            "(?i)\\b((?:proxy-)?authorization|cookie|set-cookie|x-api-key)(\"?\\s*[:=]\\s*[\"\\[]?)[^\"\\r\\n\\[\\]]+");
    /**
     * {@code client_secret=…}, {@code "client_assertion":"…"}, {@code trustStorePassword=…}: a key ending in one
     * of the credential words, then {@code :} or {@code =}. A quoted value ends at its quote, a bare one at a
     * separator.
     */
    private static final Pattern FIELD = Pattern.compile("(?i)\\b([a-z_.-]*(?:password|passwd|secret|token"
            + "|assertion|passphrase|private_?key|api_?key))(\"?\\s*[:=]\\s*)(\"[^\"\\r\\n]*\"?|[^\\s&\",;\\]\\[{}()]+)");
    /** {@code SSWS 00ab…}, {@code Bearer eyJ…}: long enough to be a credential, not a word in a sentence. */
    private static final Pattern SCHEME = Pattern.compile(
            "(?i)\\b(SSWS|Bearer|DPoP)\\s+[A-Za-z0-9._~+/=-]{16,}");
    /** A JWT: Base64url JSON header and claims, then a signature (possibly empty). */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    /** A whole PEM private key on one line, as in JSON or an escaped message. */
    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----.*?(?:-----END \\1PRIVATE KEY-----|$)");
    private static final Pattern PEM_BEGIN = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    private static final Pattern PEM_END = Pattern.compile("-----END [A-Z ]*PRIVATE KEY-----");

    /** Whether the lines so far opened a PEM private key that has not ended yet. */
    private boolean inPrivateKey;

    /**
     * The line with every credential in it replaced by {@value #REDACTED}. Lines inside a PEM private key that
     * began on an earlier line are dropped whole, so this object is used for one stream's lines in order.
     *
     * @param line one line, without its line break
     * @return the line as it may be shown
     */
    String line(String line) {
        if (inPrivateKey) {
            if (!PEM_END.matcher(line).find()) {
                return REDACTED;
            }
            inPrivateKey = false;
            return REDACTED + " " + line.substring(PEM_END.matcher(line).results().findFirst().orElseThrow().end());
        }
        String cleaned = PEM_KEY.matcher(line).replaceAll("[redacted private key]");
        if (PEM_BEGIN.matcher(line).find() && !PEM_END.matcher(line).find()) {
            inPrivateKey = true;
        }
        cleaned = HEADER.matcher(cleaned).replaceAll("$1$2" + REDACTED);
        cleaned = FIELD.matcher(cleaned).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2)
                + (m.group(3).startsWith("\"") ? "\"" + REDACTED + "\"" : REDACTED)));
        cleaned = SCHEME.matcher(cleaned).replaceAll("$1 " + REDACTED);
        return JWT.matcher(cleaned).replaceAll(REDACTED);
    }
}
