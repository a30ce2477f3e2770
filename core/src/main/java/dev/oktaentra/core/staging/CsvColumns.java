package dev.oktaentra.core.staging;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the columns of a CSExportAnalyzer CSV by header name. CSExportAnalyzer's exact headers are not publicly
 * documented (Microsoft's staging-server article only explains DN, OMODT and AMODT), so each column has aliases;
 * headers are compared ignoring case, spaces, {@code -}, {@code _} and {@code .}.
 */
final class CsvColumns {

    /** The columns this reader understands. */
    enum Column {
        DN(true, "DN", "dn", "csdn", "distinguishedname", "objectdn", "connectorspacedn"),
        OBJECT_OPERATION(true, "OMODT", "omodt", "objectmodificationtype", "objectmodtype", "operation",
                "objectoperation", "opstype"),
        OBJECT_TYPE(false, "Object Type", "objecttype", "type", "primaryobjectclass"),
        ID(false, "ID", "id", "objectid", "csobjectid", "csid"),
        ATTRIBUTE(false, "Attribute", "attribute", "attributename", "attr", "attrname"),
        ATTRIBUTE_OPERATION(false, "AMODT", "amodt", "attributemodificationtype", "attributemodtype",
                "attributeoperation", "attroperation"),
        NEW_VALUE(false, "New Value", "value", "values", "newvalue", "newvalues", "attributevalue", "after"),
        OLD_VALUE(false, "Old Value", "oldvalue", "oldvalues", "previousvalue", "before"),
        ADDED_VALUES(false, "Added Values", "addedvalues", "added", "valuesadded", "addvalues"),
        REMOVED_VALUES(false, "Removed Values", "removedvalues", "removed", "valuesremoved", "deletedvalues",
                "deletevalues"),
        USER_PRINCIPAL_NAME(false, "userPrincipalName", "userprincipalname", "upn"),
        SOURCE_ANCHOR(false, "sourceAnchor", "sourceanchor", "immutableid");

        final boolean required;
        final String display;
        final List<String> aliases;

        Column(boolean required, String display, String... aliases) {
            this.required = required;
            this.display = display;
            this.aliases = List.of(aliases);
        }
    }

    private final Map<Column, Integer> index;

    private CsvColumns(Map<Column, Integer> index) {
        this.index = index;
    }

    /**
     * Maps a header row; the first header matching a column wins.
     *
     * @return the mapping, or {@code null} with {@code missing} filled when a required column is absent
     */
    static CsvColumns of(List<String> header, StringBuilder missing) {
        Map<Column, Integer> index = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            String key = normalise(header.get(i));
            for (Column column : Column.values()) {
                if (!index.containsKey(column) && column.aliases.contains(key)) {
                    index.put(column, i);
                    break;
                }
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !index.containsKey(column)) {
                missing.append(missing.length() > 0 ? " and no " : "no ").append(column.display)
                        .append(" column (headers accepted: ").append(String.join(", ", column.aliases)).append(')');
            }
        }
        return missing.length() > 0 ? null : new CsvColumns(index);
    }

    static String normalise(String header) {
        StringBuilder out = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c != ' ' && c != '-' && c != '_' && c != '.' && c != '\ufeff' && c != '"' && !Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    boolean has(Column column) {
        return index.containsKey(column);
    }

    /** A cell, stripped; {@code null} when the column is absent or the row is short. */
    String get(List<String> row, Column column) {
        Integer i = index.get(column);
        if (i == null || i >= row.size()) {
            return null;
        }
        String value = row.get(i).strip();
        return value;
    }
}
