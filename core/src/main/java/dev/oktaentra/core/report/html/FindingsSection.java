package dev.oktaentra.core.report.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.validation.FirstFindings;
import dev.oktaentra.core.validation.TakeoverChange;
import dev.oktaentra.core.validation.UniquenessConflict;
import dev.oktaentra.core.validation.ValidationFinding;
import dev.oktaentra.core.validation.ValidationReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One table per outcome, filled by the page's script from embedded JSON, with a search box and filters by outcome
 * and cause. At most {@code maxRows} rows of an outcome are embedded, so that a million-user report still opens;
 * the page says so and names the file that holds every row.
 */
final class FindingsSection implements ReportSection {

    static final List<String> COLUMNS = List.of("Side", "Cause", "Rule", "UserPrincipalName", "DistinguishedName",
            "ObjectGUID", "ExpectedImmutableId", "CloudImmutableId", "CloudId", "CloudUserPrincipalName",
            "AdminRole", "BlockedBy", "ScopeRule", "PredictedAttributeDeletions", "PredictedChanges",
            "UniquenessConflicts", "Note", "Source", "Location", "CloudUpnDomain");

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<MatchOutcome, List<String[]>> rows;
    private final Map<MatchOutcome, Long> totals;
    private final int maxRows;
    private final String fullListFile;

    private FindingsSection(Map<MatchOutcome, List<String[]>> rows, Map<MatchOutcome, Long> totals, int maxRows,
            String fullListFile) {
        this.rows = rows;
        this.totals = totals;
        this.maxRows = maxRows;
        this.fullListFile = fullListFile;
    }

    /** Reads the findings once, keeping the first {@code maxRows} of each outcome. */
    static FindingsSection collect(ValidationReport report, int maxRows, String fullListFile) {
        Map<MatchOutcome, List<ValidationFinding>> first = new EnumMap<>(MatchOutcome.class);
        Map<MatchOutcome, Long> totals = new EnumMap<>(MatchOutcome.class);
        try (Stream<ValidationFinding> findings = report.findings()) {
            findings.forEach(f -> {
                totals.merge(f.outcome(), 1L, Long::sum);
                List<ValidationFinding> kept = first.computeIfAbsent(f.outcome(), o -> new ArrayList<>());
                if (kept.size() < maxRows) {
                    kept.add(f);
                }
            });
        }
        return of(report, new FirstFindings(first, totals, maxRows), fullListFile);
    }

    /** The section of the first findings a pass kept ({@link ValidationReport#writeReports}). */
    static FindingsSection of(ValidationReport report, FirstFindings first, String fullListFile) {
        Map<MatchOutcome, List<String[]>> rows = new EnumMap<>(MatchOutcome.class);
        first.byOutcome().forEach((outcome, findings) -> {
            List<String[]> cells = new ArrayList<>(findings.size());
            findings.forEach(f -> cells.add(row(f, report)));
            rows.put(outcome, cells);
        });
        return new FindingsSection(rows, first.totals(), first.perOutcome(), fullListFile);
    }

    private static String[] row(ValidationFinding f, ValidationReport report) {
        String deletions = f.attributeDeletions().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
        String blocked = f.blockReasons().stream().map(Enum::name).collect(Collectors.joining(", "));
        String changes = f.attributeChanges().stream().map(TakeoverChange::describe).collect(Collectors.joining("; "));
        String conflicts = f.uniquenessConflicts().stream().map(UniquenessConflict::describe)
                .collect(Collectors.joining("; "));
        return new String[] {f.side().name(), f.cause() == null ? null : f.cause().name(), f.rule(),
            f.userPrincipalName(), f.distinguishedName(), f.objectGuid(), f.expectedImmutableId(),
            f.cloudImmutableId(), f.cloudId(), f.cloudUserPrincipalName(), f.holdsAdminRole() ? "yes" : null,
            blocked.isEmpty() ? null : blocked, f.scopeRule() == null ? null : f.scopeRule().name(),
            deletions.isEmpty() ? null : deletions, changes.isEmpty() ? null : changes,
            conflicts.isEmpty() ? null : conflicts, f.note(), f.source(), f.location(),
            report.cloudUpnDomain(f).map(Enum::name).orElse(null)};
    }

    @Override
    public String id() {
        return "findings";
    }

    @Override
    public String title() {
        return "Findings";
    }

    @Override
    public String script() {
        return Resources.text("findings.js");
    }

    @Override
    public void render(HtmlWriter html) {
        if (rows.isEmpty()) {
            html.element("p", "No findings: both sides are empty.", "class", "lead");
            return;
        }
        html.open("noscript").element("p", "The tables need JavaScript; every row is also in " + fullListFile + ".",
                "class", "capped").close("noscript");
        html.open("div", "class", "toolbar", "role", "search")
                .open("label").text("Search ")
                .open("input", "type", "search", "id", "findings-search",
                        "placeholder", "UPN, DN, GUID, ImmutableID, note…", "autocomplete", "off").close("label")
                .open("label").text("Outcome ").open("select", "id", "findings-outcome")
                .element("option", "All outcomes", "value", "");
        rows.keySet().forEach(o -> html.element("option", o.name(), "value", o.name()));
        html.close("select").close("label")
                .open("label").text("Cause ").open("select", "id", "findings-cause")
                .element("option", "All causes", "value", "");
        rows.values().stream().flatMap(List::stream).map(r -> r[1]).filter(c -> c != null).distinct().sorted()
                .forEach(c -> html.element("option", c, "value", c));
        html.close("select").close("label")
                .element("span", "", "id", "findings-shown", "class", "shown", "aria-live", "polite")
                .close("div");
        for (Map.Entry<MatchOutcome, List<String[]>> entry : rows.entrySet()) {
            MatchOutcome outcome = entry.getKey();
            long total = totals.get(outcome);
            html.open("section", "class", "outcome " + Outcomes.tone(outcome), "id", "outcome-" + outcome.name(),
                    "data-outcome", outcome.name(), "data-total", String.valueOf(total));
            html.open("h3").text(outcome.name() + " ").element("span", Outcomes.count(total), "class", "count")
                    .close("h3");
            html.element("p", Outcomes.explain(outcome), "class", "explain");
            if (total > entry.getValue().size()) {
                html.element("p", "Showing the first " + Outcomes.count(entry.getValue().size()) + " of "
                        + Outcomes.count(total) + " rows (at most " + Outcomes.count(maxRows) + " per outcome are "
                        + "embedded in this page); every row is in " + fullListFile + ".", "class", "capped");
            }
            html.element("p", "", "class", "shown");
            html.open("div", "class", "table-wrap").open("table", "class", "findings")
                    .element("thead", null).element("tbody", null).close("table").close("div");
            html.close("section");
        }
        html.jsonData("findings-data", json());
    }

    /** {@code {"columns":[…],"outcomes":{"MATCHED":[[…],…],…}}}, rows as arrays to keep the page small. */
    private String json() {
        StringWriter out = new StringWriter(1024 + rows.values().stream().mapToInt(List::size).sum() * 200);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("columns");
            for (String column : COLUMNS) {
                json.writeString(column);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("outcomes");
            for (Map.Entry<MatchOutcome, List<String[]>> entry : rows.entrySet()) {
                json.writeArrayFieldStart(entry.getKey().name());
                for (String[] row : entry.getValue()) {
                    json.writeStartArray();
                    for (String cell : row) {
                        json.writeString(cell);
                    }
                    json.writeEndArray();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
