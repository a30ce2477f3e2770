package dev.oktaentra.core.export;

import dev.oktaentra.core.directory.UserField;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which optional {@link UserField}s an export provides: those whose column the header has. A field of the export's
 * side without a column here is one the reader does not read at all, and is reported unread whatever the header
 * holds; a reader that learns a new column adds it to the map.
 */
final class OptionalColumns {

    private static final Set<UserField> ON_PREM = EnumSet.of(UserField.CONSISTENCY_GUID, UserField.SAM_ACCOUNT_NAME,
            UserField.CRITICAL_SYSTEM_OBJECT, UserField.MAIL_NICKNAME, UserField.RECIPIENT_TYPE_DETAILS,
            UserField.MAIL, UserField.PROXY_ADDRESSES, UserField.DISPLAY_NAME);
    private static final Set<UserField> CLOUD = EnumSet.of(UserField.MAIL, UserField.PROXY_ADDRESSES,
            UserField.DISPLAY_NAME, UserField.ON_PREMISES_SYNC_ENABLED, UserField.ADMIN_ROLES,
            UserField.ELIGIBLE_ADMIN_ROLES, UserField.ON_PREMISES_OBJECT_IDENTIFIER, UserField.CLOUD_MANAGED);

    private static final Map<UserField, Column> ON_PREM_COLUMNS = Map.of(
            UserField.CONSISTENCY_GUID, Column.CONSISTENCY_GUID,
            UserField.SAM_ACCOUNT_NAME, Column.SAM_ACCOUNT_NAME,
            UserField.MAIL, Column.MAIL,
            UserField.PROXY_ADDRESSES, Column.PROXY_ADDRESSES);
    private static final Map<UserField, Column> CLOUD_COLUMNS = Map.of(
            UserField.MAIL, Column.MAIL,
            UserField.PROXY_ADDRESSES, Column.PROXY_ADDRESSES,
            UserField.ON_PREMISES_SYNC_ENABLED, Column.SYNC_ENABLED,
            UserField.ADMIN_ROLES, Column.HOLDS_ADMIN_ROLE);

    private OptionalColumns() {
    }

    /**
     * The fields of an export's side that it does not provide.
     *
     * @param kind the export's kind
     * @param header whether the header has a column
     * @return the unread fields
     */
    static Set<UserField> unread(ExportKind kind, Predicate<Column> header) {
        Set<UserField> fields = kind == ExportKind.ON_PREM ? ON_PREM : CLOUD;
        Map<UserField, Column> columns = kind == ExportKind.ON_PREM ? ON_PREM_COLUMNS : CLOUD_COLUMNS;
        Set<UserField> unread = EnumSet.noneOf(UserField.class);
        for (UserField field : fields) {
            Column column = columns.get(field);
            if (column == null || !header.test(column)) {
                unread.add(field);
            }
        }
        return unread;
    }
}
