package dev.oktaentra.core.report.html;

import dev.oktaentra.core.staging.Finding;
import dev.oktaentra.core.staging.FindingKind;
import dev.oktaentra.core.staging.UserMatch;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every finding of the pending-export review, one row each with its recommended action, written on the server so
 * the table shows without script; the script adds a search box and a filter by kind. At most {@code maxFindings}
 * rows are embedded, and the page says so.
 */
final class StagingFindingsSection implements ReportSection {

    static final List<String> COLUMNS = List.of("Kind", "Object type", "User", "Connector-space DN", "Attribute",
            "Matched user", "Matched by", "Validation outcome", "Detail", "Recommended action", "Location");

    private final List<Finding> findings;
    private final int maxFindings;
    private final String fullListFile;

    StagingFindingsSection(List<Finding> findings, int maxFindings, String fullListFile) {
        this.findings = List.copyOf(findings);
        this.maxFindings = maxFindings;
        this.fullListFile = fullListFile;
    }

    @Override
    public String id() {
        return "staging-findings";
    }

    @Override
    public String title() {
        return "Staging findings";
    }

    @Override
    public String script() {
        return Resources.text("staging-findings.js");
    }

    @Override
    public String style() {
        return "table.staging-findings { font-size: 12.5px; width: 100%; }\n"
                + "table.staging-findings tr.attention td:first-child { color: var(--attention); font-weight: 600; }";
    }

    /** A CSS class: {@code info} for what does not block (attribute deletions, reviewed deletes), else attention. */
    static String tone(FindingKind kind) {
        return kind.blocksCutover() ? "attention" : "info";
    }

    @Override
    public void render(HtmlWriter html) {
        if (findings.isEmpty()) {
            html.element("p", "No findings: nothing unexpected would be exported.", "class", "lead",
                    "id", "staging-no-findings");
            return;
        }
        Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
        findings.forEach(f -> counts.merge(f.kind(), 1L, Long::sum));
        html.open("div", "class", "toolbar", "role", "search")
                .open("label").text("Search ")
                .open("input", "type", "search", "id", "staging-search",
                        "placeholder", "UPN, DN, attribute, action…", "autocomplete", "off").close("label")
                .open("label").text("Kind ").open("select", "id", "staging-kind")
                .element("option", "All kinds", "value", "");
        counts.forEach((kind, n) -> html.element("option", kind.name() + " (" + Outcomes.count(n) + ")",
                "value", kind.name()));
        html.close("select").close("label")
                .element("span", "", "id", "staging-shown", "class", "shown", "aria-live", "polite")
                .close("div");
        int shown = Math.min(maxFindings, findings.size());
        if (shown < findings.size()) {
            html.element("p", "Showing the first " + Outcomes.count(shown) + " of " + Outcomes.count(findings.size())
                    + " findings; every finding is in " + fullListFile + ".", "class", "capped");
        }
        html.open("div", "class", "table-wrap").open("table", "class", "staging-findings",
                "id", "staging-findings-table").open("thead").open("tr");
        COLUMNS.forEach(c -> html.element("th", c, "scope", "col"));
        html.close("tr").close("thead").open("tbody");
        for (Finding f : findings.subList(0, shown)) {
            UserMatch m = f.match();
            html.open("tr", "data-kind", f.kind().name(), "class", tone(f.kind()));
            for (Object cell : new Object[] {f.kind().name(), f.objectType(), f.userPrincipalName(), f.csDn(),
                f.attribute(), m == null ? null : m.user().describe(), m == null ? null : m.matchedBy().name(),
                m == null ? null : m.user().outcome(), f.detail(), f.recommendedAction(), f.location()}) {
                html.element("td", cell);
            }
            html.close("tr");
        }
        html.close("tbody").close("table").close("div");
    }
}
