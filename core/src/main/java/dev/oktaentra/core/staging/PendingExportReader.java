package dev.oktaentra.core.staging;

import dev.oktaentra.core.directory.DirectoryRecord;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a staging server's pending exports one connector-space object at a time, in constant memory: only the
 * current object is held, so a multi-gigabyte {@code csexport} file fits a small heap (the bound is the largest
 * single object, e.g. a group whose membership change lists every member).
 *
 * <p>Two formats:
 * <ul>
 *   <li><b>csexport XML</b> ({@code csexport "contoso.onmicrosoft.com - AAD" export.xml /f:x}). The encoding comes
 *       from the byte-order mark or the XML declaration (UTF-8 or UTF-16), never assumed. Hostile files are
 *       refused: a {@code <!DOCTYPE} fails at once (csexport never writes one, and a DTD is how XXE and
 *       "billion laughs" attacks are declared), external entities and DTD loading are switched off, and nothing is
 *       ever fetched from disk or network. Elements this library does not use are skipped.</li>
 *   <li><b>CSExportAnalyzer CSV</b>: columns found by header name, case-insensitively; see
 *       {@link #openCsv(Path)}.</li>
 * </ul>
 *
 * <p>Each object arrives as a {@link DirectoryRecord}: {@link DirectoryRecord.Usable} with the
 * {@link PendingExport}, or {@link DirectoryRecord.Rejected} for an object that is well-formed but unusable (no
 * {@code cs-dn}, an unknown operation), naming the file, line, object and reason. A file that cannot be read on
 * (malformed or truncated XML, I/O failure) throws {@link StagingExportException} with file, line and column.
 *
 * <pre>{@code
 * try (PendingExportReader reader = PendingExportReader.open(Path.of("export.xml"))) {
 *     reader.records().forEach(record -> ...);
 * }
 * }</pre>
 *
 * <p>Not thread-safe; close it (try-with-resources) to release the file.
 */
public interface PendingExportReader extends Iterator<DirectoryRecord<PendingExport>>, AutoCloseable {

    /**
     * Opens a file in either format: a file whose first character (after any byte-order mark) is {@code <} is read
     * as csexport XML, any other as CSExportAnalyzer CSV.
     *
     * @param file the file
     * @return the reader
     * @throws StagingExportException when the file cannot be opened or does not start like either format
     */
    static PendingExportReader open(Path file) {
        return ExportFormat.sniff(file) == ExportFormat.XML ? openXml(file) : openCsv(file);
    }

    /**
     * Opens a csexport XML file.
     *
     * @param file the file
     * @return the reader, positioned before the first {@code cs-object}
     * @throws StagingExportException when the file cannot be opened, has a DOCTYPE, or its root is not
     *     {@code cs-objects}
     */
    static PendingExportReader openXml(Path file) {
        return xml(ExportFormat.openFile(file), file.toString());
    }

    /**
     * Reads csexport XML from a stream; closing the reader closes the stream.
     *
     * @param in the bytes; the encoding is detected from them
     * @param sourceName the name used in messages and rejected records, e.g. a file name
     * @return the reader
     * @throws StagingExportException as {@link #openXml(Path)}
     */
    static PendingExportReader xml(InputStream in, String sourceName) {
        return new XmlPendingExportReader(in, sourceName);
    }

    /**
     * Opens a CSExportAnalyzer CSV file. The encoding comes from a byte-order mark (UTF-8, UTF-16 LE or BE); a
     * file without one is read as strict UTF-8 (a byte that is not UTF-8 fails with the line).
     *
     * <p>Columns are found by header name, ignoring case, spaces, {@code -}, {@code _} and {@code .}; the
     * delimiter (comma, semicolon or tab) is taken from the header line. Required: a DN column ({@code DN},
     * {@code CS-DN}, {@code Distinguished Name}) and an object operation column ({@code OMODT}, {@code Object
     * Modification Type}, {@code Operation}). Optional: object type, attribute name ({@code Attribute},
     * {@code Attribute Name}), attribute operation ({@code AMODT}, {@code Attribute Modification Type}), new value
     * ({@code Value}, {@code New Value}), old value ({@code Old Value}), added and removed values, object id,
     * {@code userPrincipalName}/{@code UPN} and {@code sourceAnchor}. Consecutive rows with the same DN form one
     * object. The exact header set CSExportAnalyzer writes is not publicly documented, hence the aliases; a file
     * without the required columns fails at once, naming the headers it has and the ones expected.
     *
     * @param file the file
     * @return the reader
     * @throws StagingExportException when the file cannot be opened or lacks a required column
     */
    static PendingExportReader openCsv(Path file) {
        return csv(ExportFormat.openFile(file), file.toString(), null);
    }

    /**
     * Opens a CSExportAnalyzer CSV file that has no byte-order mark and is not UTF-8 (e.g. a Windows code page).
     *
     * @param file the file
     * @param charset the encoding to use when the file has no byte-order mark
     * @return the reader
     * @throws StagingExportException as {@link #openCsv(Path)}
     */
    static PendingExportReader openCsv(Path file, Charset charset) {
        return csv(ExportFormat.openFile(file), file.toString(), charset);
    }

    /**
     * Reads CSExportAnalyzer CSV from a stream; closing the reader closes the stream.
     *
     * @param in the bytes
     * @param sourceName the name used in messages and rejected records
     * @param charset the encoding when there is no byte-order mark, or {@code null} for strict UTF-8
     * @return the reader
     * @throws StagingExportException as {@link #openCsv(Path)}
     */
    static PendingExportReader csv(InputStream in, String sourceName, Charset charset) {
        return new CsvPendingExportReader(in, sourceName, charset);
    }

    /**
     * The name of what is read, as messages show it.
     *
     * @return e.g. the file path
     */
    String sourceName();

    /**
     * Whether another object follows.
     *
     * @return true when {@link #next()} has an object
     * @throws StagingExportException when the file turns out malformed or unreadable
     */
    @Override
    boolean hasNext();

    /**
     * The next object.
     *
     * @return the object, usable or rejected
     * @throws java.util.NoSuchElementException when there is none
     * @throws StagingExportException when the file turns out malformed or unreadable
     */
    @Override
    DirectoryRecord<PendingExport> next();

    /**
     * The remaining objects as a stream; closing the stream closes this reader.
     *
     * @return the records, in file order
     */
    default Stream<DirectoryRecord<PendingExport>> records() {
        Spliterator<DirectoryRecord<PendingExport>> split = Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(this::close);
    }

    /**
     * The remaining usable objects; the first rejected object ends the stream with a
     * {@link dev.oktaentra.core.directory.RejectedRecordException}.
     *
     * @return the objects, in file order
     */
    default Stream<PendingExport> exports() {
        return records().map(DirectoryRecord::orElseThrow);
    }

    /** Releases the file; never throws a checked exception. */
    @Override
    void close();
}
