package dev.oktaentra.core.staging;

import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.staging.CsvColumns.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds one object from its CSV rows: old values become its synchronized hologram; new, added and removed values its
 * delta. Problems (an unknown OMODT or AMODT, no DN) are collected and make the object a rejected record rather than
 * failing the whole file.
 */
final class CsvObjectRows {

    /** The object type of rows from a file without an object-type column. */
    static final String UNKNOWN_TYPE = "unknown";

    private final CsvColumns columns;
    private final String source;
    private final String dn;
    private final String location;
    private String problem;

    CsvObjectRows(CsvColumns columns, String source, String dn, String location) {
        this.columns = columns;
        this.source = source;
        this.dn = dn;
        this.location = location;
    }

    DirectoryRecord<PendingExport> build(List<List<String>> group) {
        if (dn == null || dn.isEmpty()) {
            return new DirectoryRecord.Rejected<>(source, location, null, "the row has no DN");
        }
        ObjectOperation operation = null;
        String objectType = null;
        String id = null;
        Map<String, AttributeDelta> changes = new LinkedHashMap<>();
        TreeMap<String, List<String>> before = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (List<String> row : group) {
            String operationText = columns.get(row, Column.OBJECT_OPERATION);
            if (operation == null && operationText != null && !operationText.isEmpty()) {
                operation = ObjectOperation.fromName(operationText);
                if (operation == null) {
                    problem("has an unknown OMODT " + OktaEntraException.quote(operationText));
                    operation = ObjectOperation.NONE;
                }
            }
            objectType = firstNonEmpty(objectType, columns.get(row, Column.OBJECT_TYPE));
            id = firstNonEmpty(id, columns.get(row, Column.ID));
            identity(before, row, Column.USER_PRINCIPAL_NAME, PendingExport.USER_PRINCIPAL_NAME);
            identity(before, row, Column.SOURCE_ANCHOR, PendingExport.SOURCE_ANCHOR);
        }
        if (operation == null) {
            problem("has no OMODT");
            operation = ObjectOperation.NONE;
        }
        for (List<String> row : group) {
            String name = columns.get(row, Column.ATTRIBUTE);
            if (name != null && !name.isEmpty()) {
                readChange(row, name, operation, changes, before);
            }
        }
        if (problem != null) {
            return new DirectoryRecord.Rejected<>(source, location, dn, "the object " + problem);
        }
        ObjectDelta delta = new ObjectDelta(operation, dn, null, null, null, List.of(),
                new ArrayList<>(changes.values()));
        return new DirectoryRecord.Usable<>(new PendingExport(dn, id,
                objectType == null || objectType.isEmpty() ? UNKNOWN_TYPE : objectType, delta,
                before.isEmpty() ? null : Hologram.of(dn, before), null, null, null, null, location));
    }

    private void readChange(List<String> row, String name, ObjectOperation objectOperation,
            Map<String, AttributeDelta> changes, TreeMap<String, List<String>> before) {
        String operationText = columns.get(row, Column.ATTRIBUTE_OPERATION);
        String newValue = columns.get(row, Column.NEW_VALUE);
        String added = columns.get(row, Column.ADDED_VALUES);
        String removed = columns.get(row, Column.REMOVED_VALUES);
        String old = columns.get(row, Column.OLD_VALUE);
        AttributeOperation operation;
        if (operationText == null || operationText.isEmpty()) {
            operation = objectOperation == ObjectOperation.ADD ? AttributeOperation.ADD : AttributeOperation.REPLACE;
        } else {
            operation = AttributeOperation.fromName(operationText);
            if (operation == null) {
                problem("has an unknown AMODT " + OktaEntraException.quote(operationText) + " for "
                        + OktaEntraException.quote(name));
                return;
            }
        }
        List<ValueDelta> values = new ArrayList<>(2);
        if (notEmpty(newValue) && operation != AttributeOperation.DELETE) {
            values.add(ValueDelta.set(newValue));
        }
        if (notEmpty(added)) {
            values.add(ValueDelta.add(added));
        }
        if (notEmpty(removed)) {
            values.add(ValueDelta.delete(removed));
        }
        // CSExportAnalyzer's "Update" of a value given as old and new is a replacement of that value.
        if (operation == AttributeOperation.UPDATE && !notEmpty(added) && !notEmpty(removed) && notEmpty(newValue)) {
            operation = AttributeOperation.REPLACE;
        }
        if (notEmpty(old)) {
            before.computeIfAbsent(name, n -> new ArrayList<>(1)).add(old);
        }
        AttributeDelta earlier = changes.get(name);
        if (earlier != null) {
            // A multi-valued attribute listed one value per row.
            List<ValueDelta> all = new ArrayList<>(earlier.values());
            all.addAll(values);
            changes.put(name, new AttributeDelta(name, false, true, null, earlier.operation(), all));
        } else {
            changes.put(name, new AttributeDelta(name, false, false, null, operation, values));
        }
    }

    private void identity(TreeMap<String, List<String>> before, List<String> row, Column column, String name) {
        String value = columns.get(row, column);
        if (notEmpty(value) && !before.containsKey(name)) {
            List<String> values = new ArrayList<>(1);
            values.add(value);
            before.put(name, values);
        }
    }

    private void problem(String what) {
        problem = problem == null ? what : problem + "; " + what;
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty();
    }

    private static String firstNonEmpty(String current, String candidate) {
        return current != null && !current.isEmpty() ? current : candidate;
    }
}
