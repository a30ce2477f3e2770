package dev.oktaentra.core.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user, group or contact of the Entra tenant with what shows a failed match after the cutover: whether it is
 * synced, when it was created, and its {@code onPremisesProvisioningErrors}.
 *
 * @param type what it is
 * @param id its object id
 * @param displayName its display name, or {@code null}
 * @param userPrincipalName its UPN, for users; {@code null} for groups and contacts
 * @param mail its mail address, or {@code null}
 * @param onPremisesSyncEnabled {@code true} while synced from on-premises, {@code false} when formerly synced,
 *        {@code null} when never synced
 * @param createdDateTime when Entra ID created it, or {@code null} (contacts have no such property)
 * @param provisioningErrors its {@code onPremisesProvisioningErrors}; never null
 */
public record TenantObject(Type type, String id, String displayName, String userPrincipalName, String mail,
        Boolean onPremisesSyncEnabled, Instant createdDateTime, List<OnPremisesProvisioningError> provisioningErrors) {

    /** The kinds of directory object that carry {@code onPremisesProvisioningErrors}. */
    public enum Type {
        /** A user. */
        USER,
        /** A group. */
        GROUP,
        /** An organizational contact ({@code orgContact}). */
        CONTACT
    }

    /**
     * Checks the required components and freezes the list.
     *
     * @param type what it is
     * @param id its object id
     * @param displayName its display name, or {@code null}
     * @param userPrincipalName its UPN, for users
     * @param mail its mail address, or {@code null}
     * @param onPremisesSyncEnabled whether it is synced from on-premises, {@code null} when never synced
     * @param createdDateTime when Entra ID created it, or {@code null}
     * @param provisioningErrors its {@code onPremisesProvisioningErrors}
     */
    public TenantObject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        provisioningErrors = provisioningErrors == null ? List.of() : List.copyOf(provisioningErrors);
    }

    /**
     * Whether the object is synced from on-premises now.
     *
     * @return {@code onPremisesSyncEnabled == true}
     */
    public boolean synced() {
        return Boolean.TRUE.equals(onPremisesSyncEnabled);
    }

    /**
     * How people know it: the UPN for a user, else the mail address or display name, with the object id.
     *
     * @return e.g. {@code user jane+4821@contoso.onmicrosoft.com (id 8f3c…)}
     */
    public String describe() {
        String name = userPrincipalName != null ? userPrincipalName : mail != null ? mail
                : displayName != null ? displayName : "(no name)";
        return type.name().toLowerCase(java.util.Locale.ROOT) + " " + name + " (id " + id + ")";
    }
}
