package dev.oktaentra.examples.rehearsal;

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
    private final int reviewedDeletes;

    StagingExportSection(PendingExportReport report, String exportFile, String findingsFile, int reviewedDeletes) {
        List<Finding> all = report.findings();
        this.summary = report.summary();
        this.listed = List.copyOf(all.subList(0, Math.min(LISTED, all.size())));
        this.findings = all.size();
        this.exportFile = exportFile;
        this.findingsFile = findingsFile;
        this.reviewedDeletes = reviewedDeletes;
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
        if (reviewedDeletes > 0) {
            html.element("p", "The first export held " + reviewedDeletes + " deletes of cloud users still marked "
                    + "synced by an earlier sync server; they stopped this check as unexpected deletes. The rehearsal's "
                    + "operator reviewed them as leavers and confirmed the step, which accepts deletes of cloud users "
                    + "no on-prem object explains, and nothing else (in production: check each one first).", "class",
                    "explain");
        }
        boolean clear = s.noBlockingFindings() || reviewedDeletes > 0 && reviewedDeletes == s.unexpectedDeletes()
                && s.unexpectedAdds() == 0 && s.backfillCandidates() == 0 && s.exportErrors() == 0
                && s.rejected() == 0;
        html.element("p", clear ? "Nothing blocks leaving staging mode." : "Findings block leaving staging mode.",
                "class", "verdict " + (clear ? "ok" : "attention"));
        html.open("dl", "class", "facts");
        fact(html, "Adds", s.adds());
        fact(html, "Updates", s.updates());
        fact(html, "Deletes", s.deletes());
        fact(html, "Attribute deletions", s.attributeDeletions());
        fact(html, "Unexpected adds", s.unexpectedAdds());
        fact(html, "Unexpected deletes", s.unexpectedDeletes());
        fact(html, "Back-fill candidates", s.backfillCandidates());
        fact(html, "Export errors", s.exportErrors());
        fact(html, "Objects read", s.objects());
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
