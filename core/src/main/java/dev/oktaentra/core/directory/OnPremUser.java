package dev.oktaentra.core.directory;

import dev.oktaentra.core.anchor.ObjectGuid;
import java.util.List;
import java.util.Objects;

/**
 * An Active Directory user as the migration sees it: identity, anchors and the attributes matching uses.
 *
 * @param distinguishedName the DN, e.g. {@code CN=Jane Doe,OU=Staff,DC=contoso,DC=com}; never null
 * @param userPrincipalName the UPN, or {@code null} when the object has none
 * @param samAccountName the pre-Windows-2000 logon name, or {@code null}
 * @param objectGuid the objectGUID; never null
 * @param consistencyGuid mS-DS-ConsistencyGuid when it is set, else {@code null}
 * @param mail the {@code mail} attribute, or {@code null}
 * @param proxyAddresses the {@code proxyAddresses} values ({@code SMTP:} marks the primary); never null
 * @param criticalSystemObject {@code isCriticalSystemObject}: Entra Connect's default rules leave such objects
 *        (krbtgt, the built-in administrator…) out of the sync (concept-azure-ad-connect-sync-default-configuration)
 * @param mailNickname the {@code mailNickname} attribute (Exchange alias), or {@code null}
 * @param recipientTypeDetails {@code msExchRecipientTypeDetails}, or {@code null} when the object has none
 * @param attributes further attributes read for custom anchors and rules, e.g. {@code employeeID}; never null
 * @param origin where the user came from: a domain (e.g. {@code contoso.com}) or a file name; never null
 */
public record OnPremUser(
        String distinguishedName,
        String userPrincipalName,
        String samAccountName,
        ObjectGuid objectGuid,
        ObjectGuid consistencyGuid,
        String mail,
        List<String> proxyAddresses,
        boolean criticalSystemObject,
        String mailNickname,
        Long recipientTypeDetails,
        Attributes attributes,
        String origin) implements DirectoryUser {

    /**
     * Checks the required components and freezes the collections.
     *
     * @param distinguishedName the DN, e.g. {@code CN=Jane Doe,OU=Staff,DC=contoso,DC=com}; never null
     * @param userPrincipalName the UPN, or {@code null} when the object has none
     * @param samAccountName the pre-Windows-2000 logon name, or {@code null}
     * @param objectGuid the objectGUID; never null
     * @param consistencyGuid mS-DS-ConsistencyGuid when it is set, else {@code null}
     * @param mail the {@code mail} attribute, or {@code null}
     * @param proxyAddresses the {@code proxyAddresses} values ({@code SMTP:} marks the primary); never null
     * @param criticalSystemObject {@code isCriticalSystemObject}, which Entra Connect's default rules leave out
     * @param mailNickname the {@code mailNickname} attribute (Exchange alias), or {@code null}
     * @param recipientTypeDetails {@code msExchRecipientTypeDetails}, or {@code null} when the object has none
     * @param attributes further attributes read for custom anchors and rules, e.g. {@code employeeID}; never null
     * @param origin where the user came from: a domain (e.g. {@code contoso.com}) or a file name; never null
     */
    public OnPremUser {
        Objects.requireNonNull(distinguishedName, "distinguishedName");
        Objects.requireNonNull(objectGuid, "objectGuid");
        proxyAddresses = proxyAddresses == null ? List.of() : List.copyOf(proxyAddresses);
        attributes = attributes == null ? Attributes.NONE : attributes;
        origin = origin == null ? "" : origin;
    }

    /**
     * A builder; {@code distinguishedName} and {@code objectGuid} are required.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The primary SMTP address: the {@code SMTP:} (upper-case prefix) proxy address without its prefix.
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
        return new Builder().distinguishedName(distinguishedName).userPrincipalName(userPrincipalName)
                .samAccountName(samAccountName).objectGuid(objectGuid).consistencyGuid(consistencyGuid).mail(mail)
                .proxyAddresses(proxyAddresses).criticalSystemObject(criticalSystemObject).mailNickname(mailNickname)
                .recipientTypeDetails(recipientTypeDetails).attributes(attributes).origin(origin);
    }

    /** Fluent construction of an {@link OnPremUser}, mostly for adapters and tests. */
    public static final class Builder {
        private String distinguishedName;
        private String userPrincipalName;
        private String samAccountName;
        private ObjectGuid objectGuid;
        private ObjectGuid consistencyGuid;
        private String mail;
        private List<String> proxyAddresses = List.of();
        private boolean criticalSystemObject;
        private String mailNickname;
        private Long recipientTypeDetails;
        private Attributes attributes = Attributes.NONE;
        private String origin = "";

        private Builder() {
        }

        /**
         * Sets the distinguished name.
         *
         * @param value the DN
         * @return this builder
         */
        public Builder distinguishedName(String value) {
            this.distinguishedName = value;
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
         * Sets the sAMAccountName.
         *
         * @param value the sAMAccountName
         * @return this builder
         */
        public Builder samAccountName(String value) {
            this.samAccountName = value;
            return this;
        }

        /**
         * Sets the objectGUID.
         *
         * @param value the objectGUID
         * @return this builder
         */
        public Builder objectGuid(ObjectGuid value) {
            this.objectGuid = value;
            return this;
        }

        /**
         * Sets {@code mS-DS-ConsistencyGuid}.
         *
         * @param value mS-DS-ConsistencyGuid, or null
         * @return this builder
         */
        public Builder consistencyGuid(ObjectGuid value) {
            this.consistencyGuid = value;
            return this;
        }

        /**
         * Sets the mail attribute.
         *
         * @param value the mail attribute
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
         * Sets {@code isCriticalSystemObject}.
         *
         * @param value whether AD marks the object critical
         * @return this builder
         */
        public Builder criticalSystemObject(boolean value) {
            this.criticalSystemObject = value;
            return this;
        }

        /**
         * Sets the Exchange alias.
         *
         * @param value {@code mailNickname}, or {@code null}
         * @return this builder
         */
        public Builder mailNickname(String value) {
            this.mailNickname = value;
            return this;
        }

        /**
         * Sets {@code msExchRecipientTypeDetails}.
         *
         * @param value the value, or {@code null} when the object has none
         * @return this builder
         */
        public Builder recipientTypeDetails(Long value) {
            this.recipientTypeDetails = value;
            return this;
        }

        /**
         * Sets the extra attributes.
         *
         * @param value the extra attributes
         * @return this builder
         */
        public Builder attributes(Attributes value) {
            this.attributes = value;
            return this;
        }

        /**
         * Sets where the user was read.
         *
         * @param value the domain or file the user came from
         * @return this builder
         */
        public Builder origin(String value) {
            this.origin = value;
            return this;
        }

        /**
         * Builds the user.
         *
         * @return the user
         * @throws NullPointerException when the DN or objectGUID is missing
         */
        public OnPremUser build() {
            return new OnPremUser(distinguishedName, userPrincipalName, samAccountName, objectGuid, consistencyGuid,
                    mail, proxyAddresses, criticalSystemObject, mailNickname, recipientTypeDetails, attributes, origin);
        }
    }
}
