package dev.oktaentra.core.report.html;

import dev.oktaentra.core.validation.FirstFindings;
import dev.oktaentra.core.validation.ValidationReport;
import dev.oktaentra.core.validation.ValidationSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A self-contained HTML page: inline CSS and script, no network access (a Content-Security-Policy forbids it), a
 * navigation bar and the {@link ReportSection}s in order.
 *
 * <pre>{@code
 * try (ValidationReport report = validation.run(ad, entra)) {
 *     report.writeCsv(dir.resolve("validation.csv"));
 *     HtmlReport.forValidation(report, "validation.csv", HtmlReport.DEFAULT_MAX_ROWS_PER_OUTCOME)
 *             .write(dir.resolve("validation.html"));
 * }
 * }</pre>
 *
 * {@link ValidationReportFiles#write} writes the CSV, the JSON and this page with one pass over the findings.
 *
 * Further sections (a staging export, a runbook's status) are added with {@link Builder#section(ReportSection)}.
 */
public final class HtmlReport {

    /** Rows per outcome embedded in a page unless told otherwise: enough to browse, small enough to open quickly. */
    public static final int DEFAULT_MAX_ROWS_PER_OUTCOME = 5_000;

    /** No fetches, frames, fonts or images from anywhere; only the page's own inline style and script. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

    private final String title;
    private final String subtitle;
    private final Instant generatedAt;
    private final List<ReportSection> sections;

    private HtmlReport(Builder builder) {
        this.title = builder.title;
        this.subtitle = builder.subtitle;
        this.generatedAt = builder.generatedAt;
        this.sections = List.copyOf(builder.sections);
    }

    /**
     * Starts a report.
     *
     * @param title the page's title and heading
     * @return a builder
     */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /**
     * The report of a validation: summary, chart of outcomes, staging prediction and per-outcome tables.
     *
     * @param report the validation; its findings are read once, now
     * @param fullListFile the file with every row (e.g. {@code validation.csv}), named where rows are capped
     * @param maxRowsPerOutcome the most rows of one outcome to embed
     * @return the report
     */
    public static HtmlReport forValidation(ValidationReport report, String fullListFile, int maxRowsPerOutcome) {
        return validation(report.summary(), ValidationSections.of(report, maxRowsPerOutcome, fullListFile));
    }

    /**
     * The report of a validation from the first findings {@link ValidationReport#writeReports} kept, without reading
     * the findings again: summary, chart of outcomes, staging prediction and per-outcome tables.
     *
     * @param report the validation
     * @param first the first findings of each outcome, and each outcome's total
     * @param fullListFile the file with every row (e.g. {@code validation.csv}), named where rows are capped
     * @return the report
     */
    public static HtmlReport forValidation(ValidationReport report, FirstFindings first, String fullListFile) {
        return validation(report.summary(), ValidationSections.of(report, first, fullListFile));
    }

    /** A validation's page: its title and subtitle from the summary, whichever way its sections were made. */
    private static HtmlReport validation(ValidationSummary summary, List<ReportSection> sections) {
        return builder("Validation: " + summary.onPremSource() + " against " + summary.cloudSource())
                .subtitle("Source anchor " + summary.anchor() + "; rules " + String.join(", ", summary.rules()))
                .sections(sections)
                .build();
    }

    /**
     * The sections, in page order.
     *
     * @return the sections
     */
    public List<ReportSection> sections() {
        return sections;
    }

    /**
     * The whole page.
     *
     * @return the HTML document
     */
    public String render() {
        StringBuilder page = new StringBuilder(64 * 1024);
        HtmlWriter html = new HtmlWriter(page);
        page.append("<!DOCTYPE html>\n");
        html.open("html", "lang", "en").open("head").open("meta", "charset", "utf-8")
                .open("meta", "http-equiv", "Content-Security-Policy", "content", CONTENT_SECURITY_POLICY)
                .open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", title);
        page.append("<style>").append(inline(styles(), "style")).append("</style>");
        html.close("head").open("body").open("header", "class", "page-header").element("h1", title);
        if (subtitle != null) {
            html.element("p", subtitle, "class", "subtitle");
        }
        html.element("p", "Generated " + DateTimeFormatter.ISO_INSTANT.format(generatedAt) + " by oktaentra",
                "class", "generated");
        html.open("nav");
        for (ReportSection section : sections) {
            html.element("a", section.title(), "href", "#" + section.id());
        }
        html.close("nav").close("header").open("main");
        for (ReportSection section : sections) {
            html.open("section", "id", section.id(), "class", "report-section").element("h2", section.title());
            section.render(html);
            html.close("section");
        }
        html.close("main");
        String scripts = scripts();
        if (!scripts.isEmpty()) {
            page.append("<script>").append(inline(scripts, "script")).append("</script>");
        }
        html.close("body").close("html");
        return page.append('\n').toString();
    }

    /**
     * Writes the page as UTF-8.
     *
     * @param file the file to create or replace
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public void write(Path file) {
        try {
            Files.writeString(file, render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the HTML report " + file + ": " + e.getMessage(), e);
        }
    }

    private String styles() {
        Set<String> styles = new LinkedHashSet<>();
        styles.add(Resources.text("report.css"));
        sections.forEach(s -> styles.add(s.style()));
        return String.join("\n", styles);
    }

    private String scripts() {
        Set<String> scripts = new LinkedHashSet<>();
        sections.forEach(s -> scripts.add(s.script()));
        scripts.remove("");
        return String.join("\n", scripts);
    }

    /** A style or script is trusted code, but it must not end its own element early. */
    private static String inline(String code, String tag) {
        if (code.toLowerCase(Locale.ROOT).contains("</" + tag)) {
            throw new IllegalArgumentException("An inline " + tag + " must not contain </" + tag);
        }
        return code;
    }

    /** Builds an {@link HtmlReport}. */
    public static final class Builder {

        private final String title;
        private String subtitle;
        private Instant generatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        private final List<ReportSection> sections = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();

        private Builder(String title) {
            this.title = Objects.requireNonNull(title, "title");
        }

        /**
         * A line under the title.
         *
         * @param value the line, or {@code null} for none
         * @return this builder
         */
        public Builder subtitle(String value) {
            this.subtitle = value;
            return this;
        }

        /**
         * When the data was gathered; default now.
         *
         * @param value the instant, shown in UTC
         * @return this builder
         */
        public Builder generatedAt(Instant value) {
            this.generatedAt = Objects.requireNonNull(value, "generatedAt");
            return this;
        }

        /**
         * Adds a section after those already added.
         *
         * @param section the section
         * @return this builder
         * @throws IllegalArgumentException when another section has the same id
         */
        public Builder section(ReportSection section) {
            Objects.requireNonNull(section, "section");
            if (!ids.add(section.id())) {
                throw new IllegalArgumentException("Two sections have the id '" + section.id() + "'");
            }
            sections.add(section);
            return this;
        }

        /**
         * Adds sections in order.
         *
         * @param value the sections
         * @return this builder
         */
        public Builder sections(List<? extends ReportSection> value) {
            value.forEach(this::section);
            return this;
        }

        /**
         * Builds the report.
         *
         * @return the report
         */
        public HtmlReport build() {
            return new HtmlReport(this);
        }
    }
}
