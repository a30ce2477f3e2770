package dev.oktaentra.core.export;

import java.util.List;

/**
 * The two exports the readers take, each with the columns that make a file one, the command that produces it and
 * the reader that reads it: so that a file given to the wrong reader can be recognised as the other kind.
 */
enum ExportKind {

    ON_PREM(List.of(Column.DISTINGUISHED_NAME, Column.OBJECT_GUID, Column.USER_PRINCIPAL_NAME),
            List.of(Column.SAM_ACCOUNT_NAME, Column.CONSISTENCY_GUID, Column.MAIL, Column.PROXY_ADDRESSES,
                    Column.DISPLAY_NAME, Column.CRITICAL_SYSTEM_OBJECT, Column.MAIL_NICKNAME,
                    Column.RECIPIENT_TYPE_DETAILS),
            ExportCommands.ON_PREM, "a Get-ADUser export of on-premises users", "OnPremCsvExport", "--onprem"),
    CLOUD(List.of(Column.ID, Column.USER_PRINCIPAL_NAME, Column.IMMUTABLE_ID),
            List.of(Column.SYNC_ENABLED, Column.MAIL, Column.PROXY_ADDRESSES, Column.LAST_SYNC, Column.DISPLAY_NAME,
                    Column.HOLDS_ADMIN_ROLE, Column.ELIGIBLE_FOR_ADMIN_ROLE, Column.ON_PREMISES_OBJECT_IDENTIFIER,
                    Column.IS_CLOUD_MANAGED),
            ExportCommands.CLOUD, "a Get-MgUser export of Entra ID users", "CloudCsvExport", "--cloud");

    private final List<Column> required;
    private final List<Column> optional;
    private final String command;
    private final String description;
    private final String reader;
    private final String option;

    ExportKind(List<Column> required, List<Column> optional, String command, String description, String reader,
            String option) {
        this.required = required;
        this.optional = optional;
        this.command = command;
        this.description = description;
        this.reader = reader;
        this.option = option;
    }

    List<Column> required() {
        return required;
    }

    /** The columns read when present; a missing one is read as empty and reported. */
    List<Column> optional() {
        return optional;
    }

    /** Whether a column belongs to this kind of export; any other becomes an attribute of its header name. */
    boolean reads(Column column) {
        return required.contains(column) || optional.contains(column);
    }

    String command() {
        return command;
    }

    /** What a file of this kind is, e.g. "a Get-MgUser export of Entra ID users". */
    String description() {
        return description;
    }

    /** The reader's class and the CLI option that take a file of this kind. */
    String readBy() {
        return reader + " (the CLI's " + option + ")";
    }

    ExportKind other() {
        return this == ON_PREM ? CLOUD : ON_PREM;
    }
}
