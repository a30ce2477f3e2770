package dev.oktaentra.core.directory;

import dev.oktaentra.core.match.SourceAnchor;

/**
 * An optional fact about a user that a source may not provide at all: a PowerShell export made without the column, or
 * a reader that cannot ask for it. A directory names these in {@code unreadFields()}, so that a prediction that needs
 * one can say it worked without it instead of reading "not provided" as "empty".
 */
public enum UserField {

    /** {@link OnPremUser#consistencyGuid()}: {@code mS-DS-ConsistencyGuid}. */
    CONSISTENCY_GUID(SourceAnchor.CONSISTENCY_GUID),
    /** {@link OnPremUser#samAccountName()}: {@code sAMAccountName}. */
    SAM_ACCOUNT_NAME("sAMAccountName"),
    /** {@link OnPremUser#criticalSystemObject()}: {@code isCriticalSystemObject}. */
    CRITICAL_SYSTEM_OBJECT("isCriticalSystemObject"),
    /** {@link OnPremUser#mailNickname()}: {@code mailNickname}. */
    MAIL_NICKNAME("mailNickname"),
    /** {@link OnPremUser#recipientTypeDetails()}: {@code msExchRecipientTypeDetails}. */
    RECIPIENT_TYPE_DETAILS("msExchRecipientTypeDetails"),
    /** The {@code mail} attribute, on either side. */
    MAIL("mail"),
    /** The {@code proxyAddresses}, on either side. */
    PROXY_ADDRESSES("proxyAddresses"),
    /** The {@code displayName}, on either side. */
    DISPLAY_NAME("displayName"),
    /** {@link CloudUser#onPremisesSyncEnabled()}. */
    ON_PREMISES_SYNC_ENABLED("onPremisesSyncEnabled"),
    /** {@link CloudUser#holdsAdminRole()}: active directory-role assignments. */
    ADMIN_ROLES("active directory roles"),
    /** {@link CloudUser#eligibleForAdminRole()}: PIM-eligible role assignments. */
    ELIGIBLE_ADMIN_ROLES("eligible (PIM) directory roles"),
    /** {@link CloudUser#onPremisesObjectIdentifier()}. */
    ON_PREMISES_OBJECT_IDENTIFIER("onPremisesObjectIdentifier"),
    /** {@link CloudUser#cloudManaged()}: {@code onPremisesSyncBehavior.isCloudManaged}. */
    CLOUD_MANAGED("onPremisesSyncBehavior.isCloudManaged");

    private final String attribute;

    UserField(String attribute) {
        this.attribute = attribute;
    }

    /**
     * The attribute as the source names it, for messages.
     *
     * @return e.g. {@code mS-DS-ConsistencyGuid}
     */
    public String attribute() {
        return attribute;
    }
}
