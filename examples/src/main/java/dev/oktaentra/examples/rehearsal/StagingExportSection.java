package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.report.Counts;
import dev.oktaentra.core.report.html.HtmlWriter;
import dev.oktaentra.core.report.html.ReportSection;
import dev.oktaentra.core.staging.Finding;
import dev.oktaentra.core.staging.PendingExportReport;
import dev.oktaentra.core.staging.PendingExportSummary;
import java.util.List;

/**
 * The staging server's pending export as analysed, beside the validation's prediction higher up the page. It keeps
 * only what it shows (the summary and the first {@value #LISTED} findings), not the report: that holds every object of
 * the export, which in a large rehearsal would stay in memory until the page is written at the end.
 */
final class StagingExportSection implements ReportSection {

    /** Findings listed; the CSV has all of them. */
    static final int LISTED = 200;

    private final PendingExportSummary summary;
    private final List<Finding> listed;
    private final int findings;
    private final String exportFile;
    private final String findingsFile;
    private final String fixed;
    private final long leftBehind;

    StagingExportSection(PendingExportReport report, String exportFile, String findingsFile, String fixed,
            long leftBehind) {
        List<Finding> all = report.findings();
        this.summary = report.summary();
        this.listed = List.copyOf(all.subList(0, Math.min(LISTED, all.size())));
        this.findings = all.size();
        this.exportFile = exportFile;
        this.findingsFile = findingsFile;
        this.fixed = fixed;
        this.leftBehind = leftBehind;
    }

    @Override
    public String id() {
        return "staging-export";
    }

    @Override
    public String title() {
        return "Staging export";
    }

    @Override
    public void render(HtmlWriter html) {
        PendingExportSummary s = summary;
        html.element("p", "The pending export of " + exportFile + ", joined to the validation's users. In this "
                + "rehearsal the file is synthetic: written in csexport's shape from the embedded tenant, not by "
                + "Entra Connect.", "class", "lead");
        if (fixed != null) {
            html.element("p", fixed, "class", "explain");
        }
        if (leftBehind > 0) {
            // Source: Microsoft's sync architecture page on disconnectors (see SyntheticStagingExport).
            html.element("p", Counts.of(leftBehind, "cloud user still marked synced has", "cloud users still marked "
                    + "synced have") + " no on-prem object: the Connect server keeps such users as disconnectors, "
                    + "neither updated nor deleted, so they are not in this export and stay behind after the cutover. "
                    + "The validation lists them as CLOUD_ONLY: review each.",
                    "class", "explain");
        }
        boolean clear = s.noBlockingFindings();
        html.element("p", clear ? "Nothing blocks leaving staging mode." : "Findings block leaving staging mode.",
                "class", "verdict " + (clear ? "ok" : "attention"));
        html.open("dl", "class", "facts");
        fact(html, "Adds", s.adds());
        fact(html, "Updates", s.updates());
        fact(html, "Deletes", s.deletes());
        fact(html, "Attribute deletions", s.attributeDeletions());
        fact(html, "Unexpected adds", s.unexpectedAdds());
        fact(html, "Unexpected deletes", s.unexpectedDeletes());
        fact(html, "Reviewed deletes", s.reviewedDeletes());
        fact(html, "Back-fill candidates", s.backfillCandidates());
        fact(html, "Export errors", s.exportErrors());
        fact(html, "Objects read", s.objects());
        html.element("dt", "Deletion threshold").element("dd", String.format(java.util.Locale.ROOT,
                "%,d deletes of at most %,d%s", s.deletionThreshold().deletes(), s.deletionThreshold().limit(),
                s.deletionThreshold().exceeded() ? ": exceeded, Entra Connect would export nothing" : ""));
        html.close("dl");
        if (listed.isEmpty()) {
            return;
        }
        html.open("table", "class", "staging-findings").open("thead").open("tr").element("th", "Finding")
                .element("th", "User").element("th", "Detail").element("th", "Recommended action").close("tr")
                .close("thead").open("tbody");
        for (Finding f : listed) {
            html.open("tr").element("td", f.kind()).element("td", f.userPrincipalName() != null
                    ? f.userPrincipalName() : f.csDn()).element("td", f.detail())
                    .element("td", f.recommendedAction()).close("tr");
        }
        html.close("tbody").close("table");
        if (findings > LISTED) {
            html.element("p", (findings - LISTED) + " more findings are in " + findingsFile + ".", "class",
                    "capped");
        }
    }

    private static void fact(HtmlWriter html, String label, long value) {
        html.element("dt", label).element("dd", String.format(java.util.Locale.ROOT, "%,d", value));
    }
}
