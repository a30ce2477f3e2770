package dev.oktaentra.core.export;

import dev.oktaentra.core.directory.UserField;
import dev.oktaentra.core.match.SourceAnchor;
import java.util.List;

/**
 * A column the readers understand, with the header names PowerShell and admins use for it, and the field every user
 * lacks when an export has no such column ({@code null} for columns the model has no field for).
 */
enum Column {
    DISTINGUISHED_NAME(null, "DistinguishedName", "DN"),
    USER_PRINCIPAL_NAME(null, "UserPrincipalName", "UPN"),
    SAM_ACCOUNT_NAME(UserField.SAM_ACCOUNT_NAME, "SamAccountName"),
    OBJECT_GUID(null, "ObjectGUID"),
    CONSISTENCY_GUID(UserField.CONSISTENCY_GUID, SourceAnchor.CONSISTENCY_GUID, "msDS-ConsistencyGuid",
            "ConsistencyGuid"),
    MAIL(UserField.MAIL, "mail", "EmailAddress"),
    PROXY_ADDRESSES(UserField.PROXY_ADDRESSES, "proxyAddresses"),
    DISPLAY_NAME(UserField.DISPLAY_NAME, "displayName"),
    CRITICAL_SYSTEM_OBJECT(UserField.CRITICAL_SYSTEM_OBJECT, "isCriticalSystemObject"),
    MAIL_NICKNAME(UserField.MAIL_NICKNAME, "mailNickname"),
    RECIPIENT_TYPE_DETAILS(UserField.RECIPIENT_TYPE_DETAILS, "msExchRecipientTypeDetails"),
    ID(null, "Id", "ObjectId"),
    IMMUTABLE_ID(null, "OnPremisesImmutableId", "ImmutableId"),
    SYNC_ENABLED(UserField.ON_PREMISES_SYNC_ENABLED, "OnPremisesSyncEnabled", "DirSyncEnabled"),
    LAST_SYNC(null, "OnPremisesLastSyncDateTime", "LastDirSyncTime"),
    HOLDS_ADMIN_ROLE(UserField.ADMIN_ROLES, "HoldsAdminRole"),
    ELIGIBLE_FOR_ADMIN_ROLE(UserField.ELIGIBLE_ADMIN_ROLES, "EligibleForAdminRole"),
    ON_PREMISES_OBJECT_IDENTIFIER(UserField.ON_PREMISES_OBJECT_IDENTIFIER, "OnPremisesObjectIdentifier"),
    IS_CLOUD_MANAGED(UserField.CLOUD_MANAGED, "IsCloudManaged");

    private final UserField field;
    private final List<String> names;

    Column(UserField field, String... names) {
        this.field = field;
        this.names = List.of(names);
    }

    /** The field every user lacks when an export has no such column, or {@code null}. */
    UserField field() {
        return field;
    }

    /** The header names that mean this column, compared case-insensitively; the first is the canonical one. */
    List<String> names() {
        return names;
    }

    String canonical() {
        return names.get(0);
    }
}
