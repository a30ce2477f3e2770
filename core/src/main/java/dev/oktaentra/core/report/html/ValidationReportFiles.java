package dev.oktaentra.core.report.html;

import dev.oktaentra.core.validation.FirstFindings;
import dev.oktaentra.core.validation.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The three files of a validation report, written together with one pass over the findings: {@value #CSV} (every
 * finding, for Excel and scripts), {@value #JSON} (the summary and every finding but the clean matches, compact, for
 * tools) and {@value #HTML} (a page to read). {@link ValidationReport#writeReports} describes the CSV and the JSON;
 * the page is made from the first findings of each outcome that pass kept.
 *
 * <pre>{@code
 * try (ValidationReport report = validation.run(ad, entra)) {
 *     ValidationReportFiles.write(report, Path.of("oktaentra-report"), HtmlReport.DEFAULT_MAX_ROWS_PER_OUTCOME);
 * }
 * }</pre>
 *
 * <p>It lives beside {@link HtmlReport} because it writes the page too; the validation package itself knows nothing
 * of pages.
 */
public final class ValidationReportFiles {

    /** The CSV's name: every finding. */
    public static final String CSV = "validation.csv";
    /** The JSON's name: the summary and every finding but the clean matches. */
    public static final String JSON = "validation.json";
    /** The page's name. */
    public static final String HTML = "validation.html";

    private ValidationReportFiles() {
    }

    /**
     * Writes {@value #CSV}, {@value #JSON} and {@value #HTML} into a folder, creating it if missing.
     *
     * @param report the validation
     * @param folder the folder
     * @param maxHtmlRowsPerOutcome the most rows of one outcome the page embeds, at least 1
     * @return the three files, in that order
     * @throws IllegalArgumentException when {@code maxHtmlRowsPerOutcome} is below 1
     * @throws UncheckedIOException naming the folder or file that cannot be written
     */
    public static List<Path> write(ValidationReport report, Path folder, int maxHtmlRowsPerOutcome) {
        if (maxHtmlRowsPerOutcome < 1) {
            throw new IllegalArgumentException("maxHtmlRowsPerOutcome must be at least 1, got "
                    + maxHtmlRowsPerOutcome);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the report folder " + folder + ": " + e.getMessage(), e);
        }
        List<Path> files = List.of(folder.resolve(CSV), folder.resolve(JSON), folder.resolve(HTML));
        FirstFindings first = report.writeReports(files.get(0), files.get(1), maxHtmlRowsPerOutcome);
        HtmlReport.forValidation(report, first, CSV).write(files.get(2));
        return files;
    }
}
