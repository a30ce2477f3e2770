package dev.oktaentra.core.report.html;

import dev.oktaentra.core.validation.StagingPrediction;
import java.util.Map;

/** What the Entra Connect staging server's pending export should hold, to compare with the real one. */
final class StagingPredictionSection implements ReportSection {

    private final StagingPrediction prediction;

    StagingPredictionSection(StagingPrediction prediction) {
        this.prediction = prediction;
    }

    @Override
    public String id() {
        return "staging-prediction";
    }

    @Override
    public String title() {
        return "Staging prediction";
    }

    @Override
    public void render(HtmlWriter html) {
        html.element("p", "What the staging server's pending export to Entra ID should hold after a full "
                + "synchronisation in staging mode. Compare it with the real export (csexport with /f:x, then "
                + "CSExportAnalyzer) before leaving staging mode; a difference means the validation and the server "
                + "disagree.", "class", "lead");
        html.open("div", "class", "cards");
        Cards.card(html, "Adds", prediction.adds(), "adds", "info", "On-prem users without a cloud counterpart.");
        Cards.card(html, "Conflicting adds", prediction.conflictingAdds(), "conflictingAdds", "attention",
                "Adds beside a cloud user that already stands for the object or holds its UPN or an address: anchor "
                        + "mismatches, matches Entra ID blocks, pairs only a custom rule finds. Duplicates.");
        Cards.card(html, "Updates", prediction.updates(), "updates", "ok", "Users the sync would take over.");
        Cards.card(html, "Orphans left behind", prediction.orphansLeftBehind(), "orphansLeftBehind", "attention",
                "Cloud users with an ImmutableID no on-prem object explains: neither updated nor deleted ("
                        + prediction.orphansStillSynced() + " still marked synced, read-only afterwards).");
        Cards.card(html, "Attribute deletions", prediction.attributeDeletions(), "attributeDeletions", "attention",
                "Updates that would delete a cloud value on-prem lacks; back-fill it on-prem first.");
        Cards.card(html, "Takeover changes", prediction.attributeChanges(), "attributeChanges", "attention",
                "Users whose UPN, mail, display name or aliases the takeover would change.");
        html.close("div");
        if (prediction.attributeChanges() > 0) {
            html.open("table", "class", "attribute-changes").open("thead").open("tr")
                    .element("th", "Attribute").element("th", "Users who would see it change").close("tr")
                    .close("thead").open("tbody");
            prediction.attributeChangesByAttribute().entrySet().stream()
                    .filter(e -> e.getValue() > 0).sorted(Map.Entry.comparingByKey())
                    .forEach(e -> html.open("tr").element("td", e.getKey())
                            .element("td", Outcomes.count(e.getValue()), "class", "num").close("tr"));
            html.close("tbody").close("table");
        }
        if (prediction.attributeDeletions() > 0) {
            html.open("table", "class", "attribute-deletions").open("thead").open("tr")
                    .element("th", "Cloud attribute").element("th", "Users who would lose it").close("tr")
                    .close("thead").open("tbody");
            prediction.attributeDeletionsByAttribute().entrySet().stream()
                    .filter(e -> e.getValue() > 0).sorted(Map.Entry.comparingByKey())
                    .forEach(e -> html.open("tr").element("td", e.getKey())
                            .element("td", Outcomes.count(e.getValue()), "class", "num").close("tr"));
            html.close("tbody").close("table");
        }
    }
}
