package dev.oktaentra.core.validation;

import java.util.Objects;

/**
 * A value of an object the sync would add (or take over) that another cloud user already holds: Entra ID refuses it
 * with AttributeValueMustBeUnique, or quarantines it (see {@link Uniqueness}'s sources).
 *
 * @param attribute Entra's name for the attribute, as its export error's AttributeConflictName says it:
 *        {@code UserPrincipalName} or {@code ProxyAddresses}
 * @param value the value
 * @param holderId the object id of the cloud user holding it
 * @param holderUserPrincipalName that user's UPN
 */
public record UniquenessConflict(String attribute, String value, String holderId, String holderUserPrincipalName) {

    /** Entra's name for a UPN conflict. */
    public static final String USER_PRINCIPAL_NAME = "UserPrincipalName";
    /** Entra's name for a proxy address conflict. */
    public static final String PROXY_ADDRESSES = "ProxyAddresses";

    /**
     * Checks the required components.
     *
     * @param attribute Entra's name for the attribute
     * @param value the value
     * @param holderId the object id of the cloud user holding it
     * @param holderUserPrincipalName that user's UPN
     */
    public UniquenessConflict {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(holderId, "holderId");
    }

    /**
     * One line for people, e.g. {@code ProxyAddresses jane@contoso.com is held by jane.doe@contoso.com}.
     *
     * @return the line
     */
    public String describe() {
        return attribute + " " + value + " is held by " + holderUserPrincipalName + " (" + holderId + ")";
    }
}
