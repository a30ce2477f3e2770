package dev.oktaentra.core.report.html;

import dev.oktaentra.core.staging.PendingExportReport;
import java.util.List;

/**
 * The sections of a staging server's pending-export review, in page order: {@code staging-summary} (a verdict,
 * summary cards and the counts per object type) and {@code staging-findings} (every finding with its recommended
 * action, with a search box and a filter by kind).
 *
 * <pre>{@code
 * PendingExportReport review = PendingExportReport.read(Path.of("export.xml"), knownUsers);
 * HtmlReport.builder("Pending exports").sections(StagingExportSections.of(review, 5_000,
 *         "pending-export-findings.csv")).build().write(Path.of("pending-exports.html"));
 * }</pre>
 */
public final class StagingExportSections {

    /** Findings embedded in a page unless told otherwise. */
    public static final int DEFAULT_MAX_FINDINGS = 5_000;

    private StagingExportSections() {
    }

    /**
     * Makes the sections.
     *
     * @param report the review
     * @param maxFindings the most findings to embed; the page says when some were left out
     * @param fullListFile the file that holds every finding, e.g. {@code pending-export-findings.csv}
     * @return the sections
     * @throws IllegalArgumentException when {@code maxFindings} is below 1
     */
    public static List<ReportSection> of(PendingExportReport report, int maxFindings, String fullListFile) {
        if (maxFindings < 1) {
            throw new IllegalArgumentException("maxFindings must be at least 1, got " + maxFindings);
        }
        return List.of(new StagingSummarySection(report.summary()),
                new StagingFindingsSection(report.findings(), maxFindings, fullListFile));
    }
}
