package dev.oktaentra.core.report.html;

import dev.oktaentra.core.staging.OperationCounts;
import dev.oktaentra.core.staging.PendingExportSummary;
import java.util.Map;

/** The pending export's figures: a verdict, cards, and the operations per object type. */
final class StagingSummarySection implements ReportSection {

    private final PendingExportSummary summary;

    StagingSummarySection(PendingExportSummary summary) {
        this.summary = summary;
    }

    @Override
    public String id() {
        return "staging-summary";
    }

    @Override
    public String title() {
        return "Pending exports";
    }

    @Override
    public void render(HtmlWriter html) {
        boolean clear = summary.noBlockingFindings();
        html.element("p", clear ? "Nothing blocks leaving staging mode: no unexpected add or delete, no back-fill "
                        + "candidate, no export error, no unreadable object."
                        : "Fix the findings marked in red before leaving staging mode.",
                "class", clear ? "verdict ok" : "verdict attention", "id", "staging-verdict");
        html.element("p", "What the staging server would export to Entra ID when it leaves staging mode, tied to "
                + "the validation's users where one was given.", "class", "lead");
        html.open("div", "class", "cards");
        Cards.card(html, "Objects read", summary.objects(), "objects", "neutral", "Every object in the export.");
        Cards.card(html, "Adds", summary.adds(), "adds", "info", "Objects Entra Connect would create.");
        Cards.card(html, "Updates", summary.updates(), "updates", "ok", "Objects it would change.");
        Cards.card(html, "Deletes", summary.deletes(), "deletes", "attention", "Objects it would delete.");
        Cards.card(html, "Delete-adds", summary.deleteAdds(), "deleteAdds", "attention",
                "Objects it would delete and create again.");
        Cards.card(html, "Renames", summary.renames(), "renames", "info", "Updates that rename the object.");
        Cards.card(html, "Attribute deletions", summary.attributeDeletions(), "attributeDeletions", "attention",
                "Attribute values removed with nothing in their place.");
        Cards.card(html, "Unexpected adds", summary.unexpectedAdds(), "unexpectedAdds", "attention",
                "Adds that match an existing cloud user: duplicates in the making.");
        Cards.card(html, "Unexpected deletes", summary.unexpectedDeletes(), "unexpectedDeletes", "attention",
                "Deletes of users still on-prem or synced.");
        Cards.card(html, "Back-fill candidates", summary.backfillCandidates(), "backfillCandidates", "attention",
                "Attribute deletions whose on-prem value is empty: copy the cloud value on-prem first.");
        Cards.card(html, "Export errors", summary.exportErrors(), "exportErrors", "attention",
                "Objects whose last export failed.");
        Cards.card(html, "Unreadable objects", summary.rejected(), "rejected", "attention",
                "Objects the reader could not use.");
        html.close("div");

        html.element("h3", "Per object type");
        if (summary.byObjectType().isEmpty()) {
            html.element("p", "The export holds no pending operation.", "class", "explain");
            return;
        }
        html.open("table", "class", "object-types", "id", "staging-object-types").open("thead").open("tr")
                .element("th", "Object type", "scope", "col");
        for (String column : new String[] {"Adds", "Updates", "Deletes", "Delete-adds", "Renames"}) {
            html.element("th", column, "scope", "col", "class", "num");
        }
        html.close("tr").close("thead").open("tbody");
        for (Map.Entry<String, OperationCounts> e : summary.byObjectType().entrySet()) {
            OperationCounts c = e.getValue();
            html.open("tr", "data-object-type", e.getKey()).element("td", e.getKey());
            for (long n : new long[] {c.adds(), c.updates(), c.deletes(), c.deleteAdds(), c.renames()}) {
                html.element("td", Outcomes.count(n), "class", "num");
            }
            html.close("tr");
        }
        html.close("tbody").close("table");
    }
}
