package dev.oktaentra.core.export;

import dev.oktaentra.core.match.SourceAnchor;
import java.util.List;

/** A column the readers understand, with the header names PowerShell and admins use for it. */
enum Column {
    DISTINGUISHED_NAME("DistinguishedName", "DN"),
    USER_PRINCIPAL_NAME("UserPrincipalName", "UPN"),
    SAM_ACCOUNT_NAME("SamAccountName"),
    OBJECT_GUID("ObjectGUID"),
    CONSISTENCY_GUID(SourceAnchor.CONSISTENCY_GUID, "msDS-ConsistencyGuid", "ConsistencyGuid"),
    MAIL("mail", "EmailAddress"),
    PROXY_ADDRESSES("proxyAddresses"),
    ID("Id", "ObjectId"),
    IMMUTABLE_ID("OnPremisesImmutableId", "ImmutableId"),
    SYNC_ENABLED("OnPremisesSyncEnabled", "DirSyncEnabled"),
    LAST_SYNC("OnPremisesLastSyncDateTime", "LastDirSyncTime"),
    HOLDS_ADMIN_ROLE("HoldsAdminRole");

    private final List<String> names;

    Column(String... names) {
        this.names = List.of(names);
    }

    /** The header names that mean this column, compared case-insensitively; the first is the canonical one. */
    List<String> names() {
        return names;
    }

    String canonical() {
        return names.get(0);
    }
}
