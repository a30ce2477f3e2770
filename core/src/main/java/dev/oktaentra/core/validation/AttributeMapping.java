package dev.oktaentra.core.validation;

import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import java.util.List;
import java.util.Objects;

/**
 * An attribute the sync engine will flow from on-prem to the cloud. When the cloud user has a value and the on-prem
 * user has none, taking the user over deletes the cloud value: the procedure's example is a {@code mail} that Okta
 * stamped but AD lacks. The validation predicts these attribute deletions for matched users.
 *
 * @param onPremAttribute the on-prem attribute, e.g. {@code mail}
 * @param cloudField the cloud field it flows to, e.g. {@code mail}
 */
public record AttributeMapping(String onPremAttribute, String cloudField) {

    /** The default mapping checked for deletions: {@code mail}, the case the migration procedure warns about. */
    public static final List<AttributeMapping> DEFAULTS = List.of(new AttributeMapping("mail", "mail"));

    /**
     * Checks the components.
     *
     * @param onPremAttribute the on-prem attribute, e.g. {@code mail}
     * @param cloudField the cloud field it flows to, e.g. {@code mail}
     */
    public AttributeMapping {
        Objects.requireNonNull(onPremAttribute, "onPremAttribute");
        Objects.requireNonNull(cloudField, "cloudField");
    }

    /**
     * A mapping.
     *
     * @param onPremAttribute the on-prem attribute
     * @param cloudField the cloud field
     * @return the mapping
     */
    public static AttributeMapping of(String onPremAttribute, String cloudField) {
        return new AttributeMapping(onPremAttribute, cloudField);
    }

    /** The on-prem value: {@code mail} and {@code displayName} from their own fields, anything else from the attributes. */
    String onPremValue(OnPremUser user) {
        if (onPremAttribute.equalsIgnoreCase("mail")) {
            return blankToNull(user.mail());
        }
        if (onPremAttribute.equalsIgnoreCase("displayName")) {
            return blankToNull(user.displayName());
        }
        return user.attributes().first(onPremAttribute).map(AttributeValue::asString)
                .map(AttributeMapping::blankToNull).orElse(null);
    }

    /** The cloud value: {@code mail} and {@code displayName} from their own fields, anything else from the attributes. */
    String cloudValue(CloudUser user) {
        if (cloudField.equalsIgnoreCase("mail")) {
            return blankToNull(user.mail());
        }
        if (cloudField.equalsIgnoreCase("displayName")) {
            return blankToNull(user.displayName());
        }
        return user.attributes().first(cloudField).map(AttributeValue::asString)
                .map(AttributeMapping::blankToNull).orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
