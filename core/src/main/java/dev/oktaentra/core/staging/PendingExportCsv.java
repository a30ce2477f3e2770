package dev.oktaentra.core.staging;

import dev.oktaentra.core.report.ExcelSafeCsv;
import java.io.Closeable;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes pending-export changes as an Excel-safe CSV (UTF-8 with BOM, CRLF, formula-neutralised cells), one row
 * per attribute change and one row for an object without attribute changes, as they are analysed: nothing is held
 * in memory. Multiple values share a cell, one per line.
 *
 * <p>Columns: {@value #COLUMNS}.
 */
public final class PendingExportCsv implements Closeable {

    /** The header row, comma-separated. */
    public static final String COLUMNS = "operation,objectType,csDn,userPrincipalName,sourceAnchor,newDn,attribute,"
            + "attributeOperation,oldValues,newValues,addedValues,removedValues,attributeDeletion,findings,"
            + "recommendedActions,matchedUser,matchedBy,exportError,location";

    private final ExcelSafeCsv csv;

    private PendingExportCsv(ExcelSafeCsv csv) {
        this.csv = csv;
    }

    /**
     * Creates (or replaces) a CSV file and writes the header.
     *
     * @param file the file
     * @return the writer; close it to flush the file
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public static PendingExportCsv create(Path file) {
        return new PendingExportCsv(ExcelSafeCsv.create(file, COLUMNS.split(",")));
    }

    /**
     * Writes to a stream; closing the writer closes the stream.
     *
     * @param out the stream
     * @return the writer
     */
    public static PendingExportCsv open(OutputStream out) {
        return new PendingExportCsv(ExcelSafeCsv.open(out, COLUMNS.split(",")));
    }

    /**
     * Writes an object's rows.
     *
     * @param change the object's change
     */
    public void write(ObjectChange change) {
        List<StagingFinding> objectLevel = new ArrayList<>(0);
        for (StagingFinding f : change.findings()) {
            if (f.attribute() == null) {
                objectLevel.add(f);
            }
        }
        if (change.attributes().isEmpty()) {
            row(change, null, objectLevel);
            return;
        }
        for (AttributeChange attribute : change.attributes()) {
            List<StagingFinding> here = new ArrayList<>(objectLevel);
            for (StagingFinding f : change.findings()) {
                if (attribute.name().equals(f.attribute())) {
                    here.add(f);
                }
            }
            row(change, attribute, here);
        }
    }

    private void row(ObjectChange change, AttributeChange attribute, List<StagingFinding> findings) {
        StringBuilder kinds = new StringBuilder();
        StringBuilder actions = new StringBuilder();
        for (StagingFinding f : findings) {
            kinds.append(kinds.length() == 0 ? "" : " ").append(f.kind());
            actions.append(actions.length() == 0 ? "" : "\n").append(f.recommendedAction());
        }
        UserMatch match = change.match();
        csv.row(change.operation().xmlName(), change.objectType(), change.csDn(), change.userPrincipalName(),
                change.sourceAnchor(), change.newDn(),
                attribute == null ? null : attribute.name(),
                attribute == null ? null : attribute.operation(),
                attribute == null ? null : lines(attribute.oldValues()),
                attribute == null ? null : lines(attribute.newValues()),
                attribute == null ? null : lines(attribute.addedValues()),
                attribute == null ? null : lines(attribute.removedValues()),
                attribute == null ? null : attribute.deletion(),
                kinds, actions,
                match == null ? null : match.user().describe(),
                match == null ? null : match.matchedBy(),
                change.exportError() == null ? null : change.exportError().describe(),
                change.location());
    }

    static String lines(List<String> values) {
        return String.join("\n", values);
    }

    /** Flushes the buffered rows to the file. */
    public void flush() {
        csv.flush();
    }

    /** Flushes and closes the file. */
    @Override
    public void close() {
        csv.close();
    }
}
