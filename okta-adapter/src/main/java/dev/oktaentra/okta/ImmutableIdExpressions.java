package dev.oktaentra.okta;

import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.provisioning.ImmutableIdMapping;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which on-prem attribute an Okta mapping expression for the Office 365 {@code immutableId} reads.
 *
 * <p>Okta's default is {@code hasDirectoryUser()?findDirectoryUser().externalId:null}: the AD user's
 * {@code externalId}, which Okta's AD agent sets to objectGUID. Orgs with several AD instances use
 * {@code <instance>.externalId} forms; orgs that moved to the consistency GUID read an AD profile attribute such as
 * {@code msDSConsistencyGuid}. Anything else is named when it reads exactly one attribute and left open otherwise.
 */
final class ImmutableIdExpressions {

    /** Okta's out-of-the-box expression for the Office 365 {@code immutableId}. */
    public static final String DEFAULT_EXPRESSION = "hasDirectoryUser()?findDirectoryUser().externalId:null";

    /** Property reads such as {@code .externalId}, but not method calls such as {@code String.len(}. */
    private static final Pattern PROPERTY = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)\\b(?!\\s*\\()");
    private static final Pattern CONSISTENCY = Pattern.compile("ms[-_]?ds[-_]?consistency[-_]?guid");
    private static final Pattern OKTA_ID_FALLBACK =
            Pattern.compile("getInternalProperty\\(\\s*\"id\"\\s*\\)|\\buser\\.id\\b|\\bappuser\\.id\\b");

    private ImmutableIdExpressions() {
    }

    /**
     * Classifies an expression.
     *
     * @param appId the app the mapping feeds
     * @param expression the expression, or {@code null} when the mapping has none for {@code immutableId}
     * @param pushStatus Okta's push status for the property, e.g. {@code PUSH}, or {@code null}
     * @return the mapping with the source attribute (or {@code null}) and an explanation
     */
    public static ImmutableIdMapping classify(String appId, String expression, String pushStatus) {
        String push = pushStatus == null ? ""
                : " Push status " + pushStatus + ("DONT_PUSH".equals(pushStatus)
                        ? ": Okta sets immutableId when it creates a user and never updates it." : ".");
        if (expression == null || expression.isBlank()) {
            return new ImmutableIdMapping(appId, null, null,
                    "The Okta \u2192 Office 365 mapping has no expression for immutableId, so Okta sends no value"
                            + " of its own; compare the cloud ImmutableIDs with AD to learn the source.");
        }
        String compact = expression.replaceAll("\\s+", "");
        String lower = compact.toLowerCase(Locale.ROOT);
        boolean oktaIdFallback = OKTA_ID_FALLBACK.matcher(compact).find();
        String fallback = oktaIdFallback
                ? " Users without an AD link get an Okta id instead, which matches no AD attribute." : "";
        if (compact.equals(DEFAULT_EXPRESSION)) {
            return new ImmutableIdMapping(appId, expression, SourceAnchor.OBJECT_GUID,
                    "Okta's default expression: the AD user's externalId, which Okta's AD agent sets to objectGUID,"
                            + " Base64-encoded." + push);
        }
        if (CONSISTENCY.matcher(lower).find()) {
            String alsoExternal = lower.contains(".externalid")
                    ? " It falls back to the AD externalId (objectGUID) where the consistency GUID is empty,"
                            + " as Entra Connect does." : "";
            return new ImmutableIdMapping(appId, expression, SourceAnchor.CONSISTENCY_GUID,
                    "The expression reads the AD attribute mS-DS-ConsistencyGuid." + alsoExternal + fallback + push);
        }
        Set<String> properties = properties(compact);
        if (oktaIdFallback) {
            properties.remove("id");
        }
        if (properties.equals(Set.of("externalId"))) {
            return new ImmutableIdMapping(appId, expression, SourceAnchor.OBJECT_GUID,
                    "The expression reads only AD externalId values, which Okta's AD agent sets to objectGUID"
                            + (compact.contains("findDirectoryUser()") ? "" : " (one or more AD instances named)")
                            + "." + fallback + push);
        }
        properties.remove("externalId");
        if (properties.size() == 1) {
            String attribute = properties.iterator().next();
            return new ImmutableIdMapping(appId, expression, attribute,
                    "A custom expression that reads the profile attribute " + attribute + "; check in Okta's"
                            + " Profile Editor which AD attribute feeds it." + fallback + push);
        }
        String read = properties.isEmpty() ? "no profile attribute Okta's expressions use"
                : "several attributes " + properties;
        return new ImmutableIdMapping(appId, expression, null,
                "A custom expression that reads " + read + ", so the source attribute cannot be told from it: "
                        + OktaEntraException.quote(expression) + "." + fallback + push);
    }

    private static Set<String> properties(String expression) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PROPERTY.matcher(expression);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
