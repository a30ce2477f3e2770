package dev.oktaentra.core.staging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.oktaentra.core.report.ExcelSafeCsv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The review of a staging server's pending exports: the {@link PendingExportSummary} (counts per object type and
 * of each finding kind), the {@link Finding}s with their recommended actions, and each pending object's
 * {@link ObjectChange} when the analyzer kept them.
 *
 * <pre>{@code
 * PendingExportReport report = PendingExportReport.read(Path.of("export.xml"), KnownUsers.of(users));
 * report.writeCsv(Path.of("pending-exports.csv"));
 * report.writeFindingsCsv(Path.of("pending-export-findings.csv"));
 * report.writeJson(Path.of("pending-exports.json"));
 * String line = report.summary().toJson();   // {"adds":3,"updates":120,"deletes":0,...}
 * }</pre>
 *
 * @param summary the figures; never null
 * @param findings everything that needs attention, in file order; never null
 * @param objects each pending object's change, in file order; empty when not retained
 * @param objectsRetained false when the report came from {@link PendingExportAnalyzer#streaming(KnownUsers)}
 */
@JsonPropertyOrder({"deletionThreshold", "summary", "findings", "objectsRetained", "objects"})
public record PendingExportReport(@JsonIgnoreProperties("deletionThreshold") PendingExportSummary summary,
        List<Finding> findings, List<ObjectChange> objects, boolean objectsRetained) {

    /**
     * Checks the summary and freezes the lists.
     *
     * @param summary the figures; never null
     * @param findings everything that needs attention, in file order; never null
     * @param objects each pending object's change, in file order; empty when not retained
     * @param objectsRetained false when the report came from {@link PendingExportAnalyzer#streaming(KnownUsers)}
     */
    public PendingExportReport {
        Objects.requireNonNull(summary, "summary");
        findings = List.copyOf(findings);
        objects = List.copyOf(objects);
    }

    /**
     * Reads an export file (csexport XML or CSExportAnalyzer CSV, told apart by content) and reviews it against
     * the known users, keeping every pending object's change.
     *
     * @param file the export
     * @param known the validation report's users, or {@link KnownUsers#none()}
     * @return the report
     * @throws StagingExportException when the file cannot be read
     */
    public static PendingExportReport read(Path file, KnownUsers known) {
        return read(file, known, StagingChecks.defaults());
    }

    /**
     * Reads an export file and reviews it against the known users, the server's deletion threshold and the
     * reviewed leavers, keeping every pending object's change.
     *
     * @param file the export
     * @param known the validation report's users, or {@link KnownUsers#none()}
     * @param checks the deletion threshold and the reviewed leavers
     * @return the report
     * @throws StagingExportException when the file cannot be read
     */
    public static PendingExportReport read(Path file, KnownUsers known, StagingChecks checks) {
        return PendingExportAnalyzer.analyze(PendingExportReader.open(file), known, checks);
    }

    /**
     * The export's deletes against Entra Connect's deletion threshold, at the top of the JSON:
     * {@code "deletionThreshold":{"limit":500,"deletes":3,"exceeded":false}}.
     *
     * @return the summary's threshold
     */
    @JsonProperty("deletionThreshold")
    public DeletionThreshold deletionThreshold() {
        return summary.deletionThreshold();
    }

    /**
     * The findings of one kind.
     *
     * @param kind the kind
     * @return the findings, in file order
     */
    public List<Finding> findings(FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /**
     * Writes every retained object's change as an Excel-safe CSV, see {@link PendingExportCsv}.
     *
     * @param file the file, created or replaced
     * @throws UncheckedIOException when the file cannot be written
     */
    public void writeCsv(Path file) {
        try (PendingExportCsv csv = PendingExportCsv.create(file)) {
            objects.forEach(csv::write);
        }
    }

    /**
     * Writes the findings as an Excel-safe CSV, one row each, with columns kind, csDn, objectType,
     * userPrincipalName, sourceAnchor, attribute, matchedUser, matchedBy, matchedOutcome, detail,
     * recommendedAction, location.
     *
     * @param file the file, created or replaced
     * @throws UncheckedIOException when the file cannot be written
     */
    public void writeFindingsCsv(Path file) {
        try (ExcelSafeCsv csv = ExcelSafeCsv.create(file, "kind", "csDn", "objectType", "userPrincipalName",
                "sourceAnchor", "attribute", "matchedUser", "matchedBy", "matchedOutcome", "detail",
                "recommendedAction", "location")) {
            for (Finding f : findings) {
                UserMatch m = f.match();
                csv.row(f.kind(), f.csDn(), f.objectType(), f.userPrincipalName(), f.sourceAnchor(), f.attribute(),
                        m == null ? null : m.user().describe(), m == null ? null : m.matchedBy(),
                        m == null ? null : m.user().outcome(), f.detail(), f.recommendedAction(), f.location());
            }
        }
    }

    /**
     * Writes the whole report as indented JSON (UTF-8): {@code deletionThreshold}, {@code summary} (without the
     * threshold), {@code findings}, {@code objectsRetained}, {@code objects}; anchors as their text, absent values
     * left out.
     *
     * @param file the file, created or replaced
     * @throws UncheckedIOException when the file cannot be written
     */
    public void writeJson(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeJson(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the JSON report " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the whole report as indented JSON (UTF-8) to a stream, which stays open.
     *
     * @param out the stream
     */
    public void writeJson(OutputStream out) {
        ReportJson.write(this, new NonClosing(out));
    }

    /**
     * The whole report as compact JSON.
     *
     * @return the JSON text
     */
    public String toJson() {
        return ReportJson.compact(this);
    }

    /** Jackson closes the stream it writes to; the caller's stream stays open. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
