package dev.oktaentra.core.match;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryUser;
import dev.oktaentra.core.directory.OnPremUser;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A way to pair an on-prem user with a cloud user: both sides yield a key, and users whose keys are equal are
 * candidates for each other. The engine indexes each side once by every rule's key, so a rule must be a pure
 * function of one user. A validation keys the two sides on threads of their own, so a rule may be called from two
 * threads at once (never twice at once for one side); a pure function is safe, a rule with a cache of its own must
 * make it thread-safe.
 *
 * <p>The built-ins mirror Entra ID: {@link #hardMatch(SourceAnchor)} on the source anchor, then the soft matches
 * {@link #softMatchPrimarySmtp()} and {@link #softMatchUserPrincipalName()}, in that order. Add your own, e.g. on
 * employeeID; Entra never matches on it, so a pair only your rule finds is reported {@code CUSTOM_MATCH_ONLY}, never
 * a match:
 *
 * <pre>{@code
 * MatchRule byEmployeeId = MatchRule.attributeEquals("employeeID", "employeeId");
 * MatchRule custom = MatchRule.named("badge", user -> user.attributes().first("badgeNumber")
 *         .map(AttributeValue::asString).orElse(null));
 * }</pre>
 *
 * Rules are passed to the validation explicitly, in order; the first rule that finds a candidate decides.
 */
@FunctionalInterface
public interface MatchRule {

    /**
     * The key of one user, on either side; equal keys pair users.
     *
     * @param user an {@link OnPremUser} or a {@link CloudUser}
     * @return the normalised key, or {@code null} when the user has none
     */
    String key(DirectoryUser user);

    /**
     * The rule's name in reports.
     *
     * @return the name; {@code custom} unless the rule was made by a factory or {@link #named}
     */
    default String name() {
        return "custom";
    }

    /**
     * Whether this is the hard match on the source anchor (a pair found by it is MATCHED; soft rules only
     * find candidates whose anchor is then compared). A hard rule's key for a cloud user must be that user's
     * ImmutableID, as {@link #hardMatch(SourceAnchor)}'s is.
     *
     * @return false, except for {@link #hardMatch(SourceAnchor)}
     */
    default boolean isHardMatch() {
        return false;
    }

    /**
     * Gives a rule a name for reports.
     *
     * @param name the name
     * @param rule the rule
     * @return a rule with that name
     */
    static MatchRule named(String name, MatchRule rule) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
        return new Rules.Named(name, rule, false);
    }

    /**
     * Entra Connect's hard match: the on-prem user's expected ImmutableID equals the cloud user's, exactly
     * (case-sensitive).
     *
     * @param anchor how the on-prem side yields its ImmutableID
     * @return the rule
     */
    static MatchRule hardMatch(SourceAnchor anchor) {
        Objects.requireNonNull(anchor, "anchor");
        return new Rules.Named("hardMatch(" + anchor.name() + ")", user -> {
            if (user instanceof OnPremUser onPrem) {
                return anchor.expected(onPrem).map(ImmutableId::value).orElse(null);
            }
            ImmutableId cloud = ((CloudUser) user).immutableId();
            return cloud == null ? null : cloud.value();
        }, true);
    }

    /**
     * Entra's soft match on userPrincipalName, case-insensitively; Entra tries it only after the primary SMTP address
     * and only when the tenant's SoftMatchOnUpn feature is on ("If a match isn't found based on primary SMTP, then a
     * match is attempted based on UserPrincipalName", Set-EntraDirSyncFeature,
     * https://learn.microsoft.com/powershell/module/microsoft.entra/set-entradirsyncfeature).
     *
     * @return the rule
     */
    static MatchRule softMatchUserPrincipalName() {
        return Rules.UPN;
    }

    /**
     * Entra's soft match on the primary SMTP address: only the {@code SMTP:} proxy address, case-insensitively ("For
     * the proxyAddresses attribute, only the value with SMTP:, that is the primary email address, is used for the
     * evaluation", https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant).
     * An on-prem object without any proxy address is keyed by its {@code mail}, on which Entra is said to soft-match
     * instead; no Microsoft page confirms it, and the validation predicts such a pair as needing a person.
     *
     * @return the rule
     */
    static MatchRule softMatchPrimarySmtp() {
        return Rules.PRIMARY_SMTP;
    }

    /**
     * A custom soft match: an on-prem attribute equals a cloud field, case-insensitively, e.g.
     * {@code attributeEquals("employeeID", "employeeId")}.
     *
     * @param onPremAttribute the on-prem attribute name
     * @param cloudField the cloud field name (as in {@link CloudUser#attributes()})
     * @return the rule
     */
    static MatchRule attributeEquals(String onPremAttribute, String cloudField) {
        Objects.requireNonNull(onPremAttribute, "onPremAttribute");
        Objects.requireNonNull(cloudField, "cloudField");
        return new Rules.Named("attributeEquals(" + onPremAttribute + "," + cloudField + ")", user -> {
            String name = user instanceof OnPremUser ? onPremAttribute : cloudField;
            return user.attributes().first(name).map(AttributeValue::asString).map(String::strip)
                    .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        }, false);
    }

    /**
     * Entra's rules in its order: hard match on the anchor, then the primary SMTP address, then userPrincipalName
     * (which the validation applies only when the tenant's SoftMatchOnUpn feature is on).
     *
     * @param anchor the source anchor
     * @return the rules
     */
    static List<MatchRule> entraConnectDefaults(SourceAnchor anchor) {
        return List.of(hardMatch(anchor), softMatchPrimarySmtp(), softMatchUserPrincipalName());
    }
}
