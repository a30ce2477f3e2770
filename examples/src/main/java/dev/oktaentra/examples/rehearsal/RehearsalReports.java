package dev.oktaentra.examples.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.migration.StepInfo;
import dev.oktaentra.core.report.html.HtmlReport;
import dev.oktaentra.core.report.html.ReportSection;
import dev.oktaentra.core.report.html.RunbookStatusSection;
import dev.oktaentra.core.report.html.ValidationSections;
import dev.oktaentra.core.staging.PendingExportReport;
import dev.oktaentra.core.validation.FirstFindings;
import dev.oktaentra.core.validation.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rehearsal's report folder: the validation as found (CSV, JSON), the staging analysis (CSV, JSON), the runbook
 * status (JSON) and one HTML page with all of it.
 */
final class RehearsalReports {

    static final String VALIDATION_CSV = "validation.csv";
    static final String VALIDATION_JSON = "validation.json";
    static final String HTML = "validation.html";
    static final String PENDING_CSV = "pending-exports.csv";
    static final String PENDING_FINDINGS_CSV = "pending-export-findings.csv";
    static final String PENDING_JSON = "pending-exports.json";
    static final String STATUS_JSON = "runbook-status.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final List<Path> written = new ArrayList<>();
    private final List<ReportSection> sections = new ArrayList<>();

    RehearsalReports(Path dir) {
        this.dir = dir;
    }

    /** The validation before anything is written: its files now, its page sections for later. */
    void validation(ValidationReport report) {
        FirstFindings first = report.writeReports(file(VALIDATION_CSV), file(VALIDATION_JSON),
                HtmlReport.DEFAULT_MAX_ROWS_PER_OUTCOME);
        sections.addAll(ValidationSections.of(report, first, VALIDATION_CSV));
    }

    /**
     * The staging export as finally analysed, and the synthetic file it came from.
     *
     * @param fixed what stopped an earlier export of the rehearsal and how the operator fixed it, or {@code null}
     * @param leftBehind cloud users still marked synced that no on-prem user explains, which the server leaves alone
     */
    void staging(PendingExportReport report, Path exportFile, String fixed, long leftBehind) {
        written.add(exportFile);
        report.writeCsv(file(PENDING_CSV));
        report.writeFindingsCsv(file(PENDING_FINDINGS_CSV));
        report.writeJson(file(PENDING_JSON));
        sections.add(new StagingExportSection(report, exportFile.getFileName().toString(), PENDING_FINDINGS_CSV,
                fixed, leftBehind));
    }

    /** The runbook's status from the journal, as JSON and as the page's last section; then the page itself. */
    void finish(String runbook, List<StepInfo> steps, RehearsalResult.Writes writes, Path journal, String title,
            String subtitle) {
        written.add(journal);
        ObjectNode root = JSON.createObjectNode();
        root.put("runbook", runbook);
        root.put("journal", journal.getFileName().toString());
        root.set("writes", JSON.valueToTree(writes));
        ArrayNode list = root.putArray("steps");
        for (StepInfo s : steps) {
            list.addObject().put("step", s.stepId()).put("title", s.title()).put("kind", s.kind().name())
                    .put("status", s.status().name()).put("planId", s.planId()).put("planned", s.planned())
                    .put("applied", s.applied()).put("failed", s.failed())
                    .put("lastEvent", s.lastEvent() == null ? null : s.lastEvent().toString())
                    .put("message", s.message());
        }
        try {
            JSON.writeValue(file(STATUS_JSON).toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(STATUS_JSON) + ": " + e.getMessage(), e);
        }
        sections.add(RunbookStatusSection.of(runbook, steps));
        HtmlReport.builder(title).subtitle(subtitle).sections(sections).build().write(file(HTML));
    }

    /** Every file written, in order. */
    List<Path> files() {
        return List.copyOf(written);
    }

    private Path file(String name) {
        Path file = dir.resolve(name);
        written.add(file);
        return file;
    }
}
