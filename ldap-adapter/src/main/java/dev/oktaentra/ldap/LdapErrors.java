package dev.oktaentra.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;

/** Sentences for people from LDAP failures: the result code, its name and the server's own text. */
final class LdapErrors {

    /** Longest diagnostic text repeated in a message; AD's are short, some servers add stack traces. */
    private static final int MAX_DIAGNOSTIC = 700;

    private LdapErrors() {
    }

    /** E.g. {@code result 49 (invalid credentials): 80090308: LdapErr: DSID-0C09044E, … data 52e}. */
    static String describe(LDAPException e) {
        ResultCode code = e.getResultCode();
        String text = e.getDiagnosticMessage();
        if (text == null || text.isBlank()) {
            text = e.getMessage();
        }
        StringBuilder out = new StringBuilder("result ").append(code.intValue()).append(" (").append(code.getName())
                .append(')');
        if (text != null && !text.isBlank() && !text.equals(code.getName())) {
            out.append(": ").append(text.length() > MAX_DIAGNOSTIC ? text.substring(0, MAX_DIAGNOSTIC) + "…" : text);
        }
        return out.toString();
    }

    /** The failure and, when there is one, what to check next: {@code result 49 (…): …. Check the …}. */
    static String explain(LDAPException e, LdapSettings settings) {
        String described = describe(e);
        String hint = hint(e.getResultCode(), settings);
        if (hint.isEmpty()) {
            return described;
        }
        return described + (described.endsWith(".") ? " " : ". ") + hint;
    }

    /** What to check next, for failures to connect or bind; empty when there is nothing useful to add. */
    static String hint(ResultCode code, LdapSettings settings) {
        if (code == ResultCode.INVALID_CREDENTIALS) {
            return "Check the bind identity and password; AD's 'data 52e' means a wrong password, 'data 775' a"
                    + " locked account, 'data 532' an expired password";
        }
        if (code == ResultCode.CONFIDENTIALITY_REQUIRED || code == ResultCode.STRONG_AUTH_REQUIRED) {
            return "The server requires TLS; use ldaps() or startTls()";
        }
        if (ConnectionPools.isConnectFailure(code)) {
            return switch (settings.security()) {
                case LDAPS -> "Check that " + settings.host() + ":" + settings.port() + " speaks LDAPS (not plain"
                        + " LDAP), that its certificate is trusted and that it was issued for the name "
                        + settings.host();
                case START_TLS -> "Check that " + settings.host() + ":" + settings.port() + " accepts StartTLS,"
                        + " that its certificate is trusted and issued for " + settings.host()
                        + "; the adapter never falls back to plaintext";
                case PLAINTEXT -> "Check the host and port";
            };
        }
        if (settings.security() == LdapSecurity.START_TLS
                && (code == ResultCode.PROTOCOL_ERROR || code == ResultCode.UNWILLING_TO_PERFORM
                        || code == ResultCode.UNAVAILABLE)) {
            return "The server refused StartTLS; the adapter never falls back to plaintext";
        }
        return "";
    }
}
