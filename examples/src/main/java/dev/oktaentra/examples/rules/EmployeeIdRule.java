package dev.oktaentra.examples.rules;

import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.DirectoryUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.MatchRule;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A custom soft match on the employee number, written as in-house code would be: HR systems often zero-pad
 * employee numbers ({@code 000123}, {@code E-00123}) while the copy in Entra ID was typed without padding
 * ({@code 123}, {@code E123}), so {@link MatchRule#attributeEquals(String, String)} misses them. This rule compares
 * the numbers' canonical form: letters upper-cased, separators ({@code -}, {@code _}, spaces) dropped, leading zeros
 * of the digits removed.
 *
 * <pre>{@code
 * Validation validation = Validation.builder()
 *         .anchor(SourceAnchor.objectGuid())
 *         .rules(MatchRule.hardMatch(SourceAnchor.objectGuid()), EmployeeIdRule.standard(),
 *                MatchRule.softMatchUserPrincipalName())
 *         .build();
 * }</pre>
 *
 * A rule is a pure function of one user, as {@link MatchRule} requires: the validation indexes each side once by it.
 * Entra ID never matches on it: a pair only this rule finds is {@code CUSTOM_MATCH_ONLY}, which the sync would create a
 * second time until remediate-anchors stamps the cloud user's ImmutableID.
 */
public final class EmployeeIdRule implements MatchRule {

    /** A prefix of letters, then digits: {@code E00123}. Anything else is compared as written. */
    private static final Pattern NUMBER = Pattern.compile("([A-Z]*)0*([0-9]+)");

    private final String onPremAttribute;
    private final String cloudField;

    private EmployeeIdRule(String onPremAttribute, String cloudField) {
        this.onPremAttribute = Objects.requireNonNull(onPremAttribute, "onPremAttribute");
        this.cloudField = Objects.requireNonNull(cloudField, "cloudField");
    }

    /**
     * The rule on AD's {@code employeeID} and Entra's {@code employeeId}, the columns of the README's export commands.
     *
     * @return the rule
     */
    public static EmployeeIdRule standard() {
        return new EmployeeIdRule("employeeID", "employeeId");
    }

    /**
     * The rule on other attributes, e.g. {@code extensionAttribute1} and an Entra extension property.
     *
     * @param onPremAttribute the on-prem attribute
     * @param cloudField the cloud field
     * @return the rule
     */
    public static EmployeeIdRule of(String onPremAttribute, String cloudField) {
        return new EmployeeIdRule(onPremAttribute, cloudField);
    }

    @Override
    public String key(DirectoryUser user) {
        String field = user instanceof OnPremUser ? onPremAttribute : cloudField;
        return user.attributes().first(field).map(AttributeValue::asString).map(EmployeeIdRule::canonical)
                .orElse(null);
    }

    /**
     * The canonical form of an employee number.
     *
     * @param number as written, e.g. {@code " e-000123 "}
     * @return e.g. {@code E123}; {@code null} for a blank number
     */
    public static String canonical(String number) {
        String compact = number.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        if (compact.isEmpty()) {
            return null;
        }
        Matcher m = NUMBER.matcher(compact);
        return m.matches() ? m.group(1) + m.group(2) : compact;
    }

    @Override
    public String name() {
        return "employeeNumber(" + onPremAttribute + "," + cloudField + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
