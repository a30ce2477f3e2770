package dev.oktaentra.core.tenant;

import java.util.Locale;

/**
 * How Entra ID authenticates the users of a domain: Graph's {@code domain.authenticationType}, "either Managed or
 * Federated. Managed indicates a cloud managed domain where Microsoft Entra ID performs user authentication.
 * Federated indicates authentication is federated with an identity provider"
 * (https://learn.microsoft.com/graph/api/resources/domain, property {@code authenticationType}).
 *
 * <p>An Okta customer usually federates its Microsoft 365 domains to Okta. A user whose UPN is in a federated domain
 * cannot simply have its ImmutableID changed (see {@link #allowsImmutableIdChange()}).
 */
public enum DomainAuthentication {

    /** Entra ID authenticates the domain's users itself. */
    MANAGED,

    /** Another identity provider (Okta, AD FS) authenticates the domain's users. */
    FEDERATED,

    /**
     * Not known: Graph sent a value other than the two documented ones, or no domain of the tenant covers the UPN. It
     * is treated as {@link #FEDERATED}, which stops a direct ImmutableID change; nothing says a direct change works.
     */
    UNKNOWN;

    /**
     * Reads Graph's {@code authenticationType}.
     *
     * @param value {@code Managed} or {@code Federated}, any case
     * @return the value; {@link #UNKNOWN} for anything else, {@code null} included
     */
    public static DomainAuthentication of(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "managed" -> MANAGED;
            case "federated" -> FEDERATED;
            default -> UNKNOWN;
        };
    }

    /**
     * Whether a cloud user whose UPN is in such a domain may have its {@code onPremisesImmutableId} changed directly.
     * Only for {@link #MANAGED}: "you cannot alter an immutable ID for a user that's a part of a federated domain";
     * the known way moves the user's UPN to a managed domain, sets the value and moves it back (Okta, "ImmutableID
     * missing issue with O365 federation",
     * https://support.okta.com/help/s/article/ms-o365-federation-immutableid-missing-issue-with-o365-federation: "User
     * must be unfederated before the Immutable ID can be updated"; MicrosoftDocs/azure-docs#5108: "Nor can the
     * immutableId be changed for an AAD account ... that is in a federated domain").
     *
     * @return true only for {@link #MANAGED}
     */
    public boolean allowsImmutableIdChange() {
        return this == MANAGED;
    }
}
