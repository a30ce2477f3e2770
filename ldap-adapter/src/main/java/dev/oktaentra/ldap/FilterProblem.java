package dev.oktaentra.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a filter that does not parse, with positions counted from 1 ("character 7"). Unbalanced
 * parentheses and several filters side by side are told here, because UnboundID's messages for them point at the
 * wrong place (for {@code (a=b)(c=d)}: "an unexpected closing parenthesis at position 5"); everything else is
 * UnboundID's own reason, its 0-based positions made 1-based. Every parenthesis in a filter is structural: RFC 4515
 * section 3 (https://www.rfc-editor.org/rfc/rfc4515#section-3) makes a value write {@code (} and {@code )} as
 * {@code \28} and {@code \29}.
 */
final class FilterProblem {

    private static final Pattern UNBOUNDID_PREFIX = Pattern.compile(
            "^Unable to parse string '.*' as an LDAP filter because ", Pattern.DOTALL);
    private static final Pattern POSITION = Pattern.compile("\\bposition (\\d+)");

    private FilterProblem() {
    }

    /**
     * What is wrong with {@code filter}.
     *
     * @param filter the filter that did not parse
     * @param parseError UnboundID's error for it
     * @return the reason, without the filter, e.g. {@code it has 4 '(' but 3 ')': the '(' at character 1 is never
     *     closed}
     */
    static String describe(String filter, LDAPException parseError) {
        String parentheses = parentheses(filter);
        return parentheses != null ? parentheses : unboundIdReason(parseError);
    }

    private static String parentheses(String filter) {
        int opened = 0;
        int closed = 0;
        int depth = 0;
        int outermost = -1;
        int firstEnd = -1;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (c == '(') {
                if (depth == 0) {
                    if (firstEnd >= 0 && opened > 0) {
                        return "a second filter follows the first, which ends at character " + (firstEnd + 1)
                                + "; combine filters with (&(…)(…)) or (|(…)(…))";
                    }
                    outermost = i;
                }
                opened++;
                depth++;
            } else if (c == ')') {
                closed++;
                if (depth == 0) {
                    return "the ')' at character " + (i + 1) + " closes nothing (it has " + count(filter, '(')
                            + " '(' but " + count(filter, ')') + " ')')";
                }
                depth--;
                if (depth == 0) {
                    firstEnd = i;
                }
            }
        }
        if (depth > 0) {
            return "it has " + opened + " '(' but " + closed + " ')': the '(' at character " + (outermost + 1)
                    + " is never closed";
        }
        return null;
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }

    private static String unboundIdReason(LDAPException e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getResultCode().getName();
        String reason = UNBOUNDID_PREFIX.matcher(message).replaceFirst("");
        if (reason.endsWith(".")) {
            reason = reason.substring(0, reason.length() - 1);
        }
        Matcher at = POSITION.matcher(reason);
        StringBuilder out = new StringBuilder();
        while (at.find()) {
            at.appendReplacement(out, "character " + (Long.parseLong(at.group(1)) + 1));
        }
        return at.appendTail(out).toString();
    }
}
