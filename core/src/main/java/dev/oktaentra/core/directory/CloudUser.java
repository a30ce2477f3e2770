package dev.oktaentra.core.directory;

import dev.oktaentra.core.anchor.ImmutableId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An Entra ID user as the migration sees it.
 *
 * @param id the object id; never null
 * @param userPrincipalName the UPN; never null
 * @param immutableId {@code onPremisesImmutableId}, or {@code null} when the user has none
 * @param onPremisesSyncEnabled {@code true} while synced from AD, {@code false} when formerly synced,
 *        {@code null} when never synced (Graph's own three states)
 * @param mail the mail address, or {@code null}
 * @param proxyAddresses the proxy addresses ({@code SMTP:} marks the primary); never null
 * @param onPremisesLastSyncDateTime when a sync engine last wrote the user, or {@code null}
 * @param holdsAdminRole whether the user holds a directory role; Entra ID does not match such users with
 *        on-premises ones (by soft match or ImmutableID)
 * @param eligibleForAdminRole whether the user is eligible (Privileged Identity Management) for a directory role,
 *        which blocks a hard match as an active role does (how-to-connect-install-existing-tenant, "Hard match
 *        security protections")
 * @param onPremisesObjectIdentifier {@code onPremisesObjectIdentifier} (Graph beta), the objectGUID of the on-premises
 *        object a sync engine mapped the user to, or {@code null} when none is set or it was not read
 * @param cloudManaged {@code onPremisesSyncBehavior.isCloudManaged}: {@code true} when the user's source of authority
 *        is the cloud, which blocks takeover by on-premises sync; {@code null} when it was not read
 * @param attributes further fields read for custom rules, e.g. {@code employeeId}; never null
 */
public record CloudUser(
        String id,
        String userPrincipalName,
        ImmutableId immutableId,
        Boolean onPremisesSyncEnabled,
        String mail,
        List<String> proxyAddresses,
        Instant onPremisesLastSyncDateTime,
        boolean holdsAdminRole,
        boolean eligibleForAdminRole,
        String onPremisesObjectIdentifier,
        Boolean cloudManaged,
        Attributes attributes) implements DirectoryUser {

    /**
     * Checks the required components and freezes the collections.
     *
     * @param id the object id; never null
     * @param userPrincipalName the UPN; never null
     * @param immutableId {@code onPremisesImmutableId}, or {@code null} when the user has none
     * @param onPremisesSyncEnabled {@code true} while synced from AD, {@code false} when formerly synced,
     *        {@code null} when never synced (Graph's own three states)
     * @param mail the mail address, or {@code null}
     * @param proxyAddresses the proxy addresses ({@code SMTP:} marks the primary); never null
     * @param onPremisesLastSyncDateTime when a sync engine last wrote the user, or {@code null}
     * @param holdsAdminRole whether the user holds a directory role; Entra ID does not match such users with
     *        on-premises ones (by soft match or ImmutableID)
     * @param eligibleForAdminRole whether the user is eligible (Privileged Identity Management) for a directory role
     * @param onPremisesObjectIdentifier the objectGUID of the on-premises object a sync engine mapped the user to, or
     *        {@code null}
     * @param cloudManaged whether the user's source of authority is the cloud, or {@code null} when not read
     * @param attributes further fields read for custom rules, e.g. {@code employeeId}; never null
     */
    public CloudUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userPrincipalName, "userPrincipalName");
        proxyAddresses = proxyAddresses == null ? List.of() : List.copyOf(proxyAddresses);
        attributes = attributes == null ? Attributes.NONE : attributes;
    }

    /**
     * A builder; {@code id} and {@code userPrincipalName} are required.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether the user is currently synced from on-premises ({@code onPremisesSyncEnabled == true}).
     *
     * @return true when synced
     */
    public boolean isSynced() {
        return Boolean.TRUE.equals(onPremisesSyncEnabled);
    }

    /**
     * The primary SMTP address: the {@code SMTP:} proxy address without its prefix.
     *
     * @return the address, or {@code null} when there is none
     */
    public String primarySmtpAddress() {
        return ProxyAddresses.primarySmtp(proxyAddresses);
    }

    /**
     * A builder holding this user's values, to build a changed copy.
     *
     * @return a builder with every component of this user
     */
    public Builder toBuilder() {
        return new Builder().id(id).userPrincipalName(userPrincipalName).immutableId(immutableId)
                .onPremisesSyncEnabled(onPremisesSyncEnabled).mail(mail).proxyAddresses(proxyAddresses)
                .onPremisesLastSyncDateTime(onPremisesLastSyncDateTime).holdsAdminRole(holdsAdminRole)
                .eligibleForAdminRole(eligibleForAdminRole).onPremisesObjectIdentifier(onPremisesObjectIdentifier)
                .cloudManaged(cloudManaged).attributes(attributes);
    }

    /** Fluent construction of a {@link CloudUser}, mostly for adapters and tests. */
    public static final class Builder {
        private String id;
        private String userPrincipalName;
        private ImmutableId immutableId;
        private Boolean onPremisesSyncEnabled;
        private String mail;
        private List<String> proxyAddresses = List.of();
        private Instant onPremisesLastSyncDateTime;
        private boolean holdsAdminRole;
        private boolean eligibleForAdminRole;
        private String onPremisesObjectIdentifier;
        private Boolean cloudManaged;
        private Attributes attributes = Attributes.NONE;

        private Builder() {
        }

        /**
         * Sets the object id.
         *
         * @param value the object id
         * @return this builder
         */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /**
         * Sets the user principal name.
         *
         * @param value the UPN
         * @return this builder
         */
        public Builder userPrincipalName(String value) {
            this.userPrincipalName = value;
            return this;
        }

        /**
         * Sets {@code onPremisesImmutableId}.
         *
         * @param value onPremisesImmutableId, or null
         * @return this builder
         */
        public Builder immutableId(ImmutableId value) {
            this.immutableId = value;
            return this;
        }

        /**
         * Sets {@code onPremisesImmutableId} from its text.
         *
         * @param value onPremisesImmutableId text, or null
         * @return this builder
         */
        public Builder immutableId(String value) {
            this.immutableId = value == null ? null : ImmutableId.of(value);
            return this;
        }

        /**
         * Sets {@code onPremisesSyncEnabled}.
         *
         * @param value onPremisesSyncEnabled, or null
         * @return this builder
         */
        public Builder onPremisesSyncEnabled(Boolean value) {
            this.onPremisesSyncEnabled = value;
            return this;
        }

        /**
         * Sets the mail address.
         *
         * @param value the mail address
         * @return this builder
         */
        public Builder mail(String value) {
            this.mail = value;
            return this;
        }

        /**
         * Sets the proxy addresses.
         *
         * @param value the proxy addresses
         * @return this builder
         */
        public Builder proxyAddresses(List<String> value) {
            this.proxyAddresses = value;
            return this;
        }

        /**
         * Sets the last sync time.
         *
         * @param value the last sync time, or null
         * @return this builder
         */
        public Builder onPremisesLastSyncDateTime(Instant value) {
            this.onPremisesLastSyncDateTime = value;
            return this;
        }

        /**
         * Sets whether the user holds a directory role.
         *
         * @param value whether the user holds a directory role
         * @return this builder
         */
        public Builder holdsAdminRole(boolean value) {
            this.holdsAdminRole = value;
            return this;
        }

        /**
         * Sets whether the user is eligible (PIM) for a directory role.
         *
         * @param value whether an eligible role assignment names the user
         * @return this builder
         */
        public Builder eligibleForAdminRole(boolean value) {
            this.eligibleForAdminRole = value;
            return this;
        }

        /**
         * Sets {@code onPremisesObjectIdentifier}.
         *
         * @param value the identifier, or {@code null} when none is set or it was not read
         * @return this builder
         */
        public Builder onPremisesObjectIdentifier(String value) {
            this.onPremisesObjectIdentifier = value;
            return this;
        }

        /**
         * Sets {@code onPremisesSyncBehavior.isCloudManaged}.
         *
         * @param value the flag, or {@code null} when it was not read
         * @return this builder
         */
        public Builder cloudManaged(Boolean value) {
            this.cloudManaged = value;
            return this;
        }

        /**
         * Sets the extra fields.
         *
         * @param value the extra fields
         * @return this builder
         */
        public Builder attributes(Attributes value) {
            this.attributes = value;
            return this;
        }

        /**
         * Builds the user.
         *
         * @return the user
         * @throws NullPointerException when the id or UPN is missing
         */
        public CloudUser build() {
            return new CloudUser(id, userPrincipalName, immutableId, onPremisesSyncEnabled, mail, proxyAddresses,
                    onPremisesLastSyncDateTime, holdsAdminRole, eligibleForAdminRole, onPremisesObjectIdentifier,
                    cloudManaged, attributes);
        }
    }
}
