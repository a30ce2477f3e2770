package dev.oktaentra.core.report.html;

import dev.oktaentra.core.validation.FirstFindings;
import dev.oktaentra.core.validation.ValidationReport;
import dev.oktaentra.core.validation.ValidationSummary;
import java.util.List;

/**
 * The sections of a validation's report, in page order: {@code summary}, {@code outcomes} (a chart),
 * {@code staging-prediction} and {@code findings} (per-outcome tables with search and filter).
 */
public final class ValidationSections {

    private ValidationSections() {
    }

    /**
     * Makes the sections, reading the report's findings once.
     *
     * @param report the validation
     * @param maxRowsPerOutcome the most rows of one outcome to embed; the page says when rows were left out
     * @param fullListFile the file that holds every row, e.g. {@code validation.csv}
     * @return the sections
     * @throws IllegalArgumentException when {@code maxRowsPerOutcome} is below 1
     */
    public static List<ReportSection> of(ValidationReport report, int maxRowsPerOutcome, String fullListFile) {
        if (maxRowsPerOutcome < 1) {
            throw new IllegalArgumentException("maxRowsPerOutcome must be at least 1, got " + maxRowsPerOutcome);
        }
        ValidationSummary summary = report.summary();
        return List.of(new SummarySection(summary, report.needsAttention()), new OutcomeChartSection(summary),
                new StagingPredictionSection(summary.prediction()),
                FindingsSection.collect(report, maxRowsPerOutcome, fullListFile));
    }

    /**
     * Makes the sections from the first findings that {@link ValidationReport#writeReports} kept while it wrote the
     * other files, without reading the findings again.
     *
     * @param report the validation
     * @param first the first findings of each outcome, and each outcome's total
     * @param fullListFile the file that holds every row, e.g. {@code validation.csv}
     * @return the sections
     */
    public static List<ReportSection> of(ValidationReport report, FirstFindings first, String fullListFile) {
        ValidationSummary summary = report.summary();
        return List.of(new SummarySection(summary, report.needsAttention()), new OutcomeChartSection(summary),
                new StagingPredictionSection(summary.prediction()), FindingsSection.of(report, first, fullListFile));
    }
}
