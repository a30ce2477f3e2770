package dev.oktaentra.core.validation;

import java.util.Objects;

/**
 * A value of an object the sync would add (or take over) that another object already holds: Entra ID refuses it with
 * AttributeValueMustBeUnique, or quarantines it (see {@link Uniqueness}'s sources).
 *
 * <p>The holder is a cloud user ({@link ValidationFinding.Side#CLOUD}), or another on-prem object of the same run
 * ({@link ValidationFinding.Side#ON_PREM}) that the sync exports with the same value: of
 * two such objects, the one synced second has the value quarantined, and which one that is depends on the sync order,
 * so both findings name each other.
 *
 * @param attribute Entra's name for the attribute, as its export error's AttributeConflictName says it:
 *        {@code UserPrincipalName} or {@code ProxyAddresses}
 * @param value the value
 * @param holderId the object id of the cloud user holding it, or the distinguished name of the on-prem holder
 * @param holderUserPrincipalName the holder's UPN
 * @param holderSide {@code CLOUD} for a cloud user, {@code ON_PREM} for another on-prem object
 */
public record UniquenessConflict(String attribute, String value, String holderId, String holderUserPrincipalName,
        ValidationFinding.Side holderSide) {

    /** Entra's name for a UPN conflict. */
    public static final String USER_PRINCIPAL_NAME = "UserPrincipalName";
    /** Entra's name for a proxy address conflict. */
    public static final String PROXY_ADDRESSES = "ProxyAddresses";

    /**
     * Checks the required components.
     *
     * @param attribute Entra's name for the attribute
     * @param value the value
     * @param holderId the object id of the cloud user holding it, or the on-prem holder's distinguished name
     * @param holderUserPrincipalName the holder's UPN
     * @param holderSide which side the holder is on
     */
    public UniquenessConflict {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(holderId, "holderId");
        Objects.requireNonNull(holderSide, "holderSide");
    }

    /**
     * A conflict with a cloud user, as before on-prem holders were named.
     *
     * @param attribute Entra's name for the attribute
     * @param value the value
     * @param holderId the object id of the cloud user holding it
     * @param holderUserPrincipalName that user's UPN
     */
    public UniquenessConflict(String attribute, String value, String holderId, String holderUserPrincipalName) {
        this(attribute, value, holderId, holderUserPrincipalName, ValidationFinding.Side.CLOUD);
    }

    /**
     * A conflict with another on-prem object that the sync exports with the same value.
     *
     * @param attribute Entra's name for the attribute
     * @param value the value
     * @param holderDistinguishedName the other object's distinguished name
     * @param holderUserPrincipalName its UPN
     * @return the conflict
     */
    public static UniquenessConflict onPremHolder(String attribute, String value, String holderDistinguishedName,
            String holderUserPrincipalName) {
        return new UniquenessConflict(attribute, value, holderDistinguishedName, holderUserPrincipalName,
                ValidationFinding.Side.ON_PREM);
    }

    /**
     * One line for people, e.g. {@code ProxyAddresses jane@contoso.com is held by jane.doe@contoso.com (id)}, or for an
     * on-prem holder {@code ... is also on on-prem object jane@contoso.com (CN=...); the one synced second loses it}.
     *
     * @return the line
     */
    public String describe() {
        if (holderSide == ValidationFinding.Side.ON_PREM) {
            return attribute + " " + value + " is also on on-prem object " + holderUserPrincipalName + " ("
                    + holderId + "); the one synced second loses it";
        }
        return attribute + " " + value + " is held by " + holderUserPrincipalName + " (" + holderId + ")";
    }
}
