package dev.oktaentra.core.report.html;

import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.validation.ValidationSummary;

/** Cards with the totals, what the validation read, and why the mismatches differ. */
final class SummarySection implements ReportSection {

    private final ValidationSummary summary;
    private final boolean needsAttention;

    SummarySection(ValidationSummary summary, boolean needsAttention) {
        this.summary = summary;
        this.needsAttention = needsAttention;
    }

    @Override
    public String id() {
        return "summary";
    }

    @Override
    public String title() {
        return "Summary";
    }

    @Override
    public void render(HtmlWriter html) {
        html.element("p", needsAttention
                        ? "Findings need attention before the cutover: see the cards marked in red."
                        : "Nothing needs attention: every object matches, soft-matches or is out of scope.",
                "class", needsAttention ? "verdict attention" : "verdict ok", "id", "verdict");
        html.open("div", "class", "cards");
        Cards.card(html, "Objects", summary.total(), "total", "neutral", "Every finding: on-prem objects and cloud users "
                + "that need a row of their own.");
        for (MatchOutcome outcome : MatchOutcome.values()) {
            long n = summary.counts().get(outcome);
            Cards.card(html, Outcomes.label(outcome), n, outcome.name(), Outcomes.tone(outcome),
                    Outcomes.explain(outcome));
        }
        long admins = summary.adminRoleSoftMatches();
        Cards.card(html, "Soft matches to admins", admins, "adminRoleSoftMatches", "attention",
                "Entra Connect refuses to soft-match cloud users that hold an admin role.");
        Cards.card(html, "Hard matches to admins", summary.adminRoleHardMatches(), "adminRoleHardMatches",
                "attention", "Entra ID does not match admin-role holders on their ImmutableID either, until the roles "
                        + "are removed for the matching window.");
        Cards.card(html, "Uniqueness conflicts", summary.uniquenessConflicts(), "uniquenessConflicts", "attention",
                "Objects whose UPN or an address another cloud user holds: AttributeValueMustBeUnique, or a "
                        + "quarantined value.");
        html.close("div");
        reasons(html, "What blocks the hard matches", "hard-match-blocks", summary.hardMatchBlocks());
        reasons(html, "What blocks the soft matches", "soft-match-blocks", summary.softMatchBlocks());
        reasons(html, "Left out by Entra Connect's default rules", "scope-exclusions", summary.scopeExclusions());
        if (!summary.warnings().isEmpty()) {
            html.element("h3", "Not predicted, for lack of data");
            html.open("ul", "class", "warnings");
            summary.warnings().forEach(w -> html.element("li", w));
            html.close("ul");
        }

        html.open("dl", "class", "facts")
                .element("dt", "On-premises").element("dd", summary.onPremSource())
                .element("dt", "Cloud").element("dd", summary.cloudSource())
                .element("dt", "Source anchor").element("dd", summary.anchor())
                .element("dt", "Rules, in order").element("dd", String.join(", ", summary.rules()))
                .element("dt", "Target engine").element("dd", summary.engine())
                .element("dt", "Tenant features").element("dd", summary.syncFeaturesSource())
                .close("dl");

        long mismatches = summary.counts().get(MatchOutcome.ANCHOR_MISMATCH);
        if (mismatches > 0) {
            html.element("h3", "Why the anchors differ");
            html.open("table", "class", "causes").open("thead").open("tr").element("th", "Cause")
                    .element("th", "Objects").close("tr").close("thead").open("tbody");
            summary.causes().forEach((cause, n) -> {
                if (n > 0) {
                    html.open("tr", "data-cause", cause.name()).element("td", cause.name())
                            .element("td", Outcomes.count(n), "class", "num").close("tr");
                }
            });
            html.close("tbody").close("table");
        }
    }

    /** A small table of counts per reason or rule, left out when every count is 0. */
    private static <E extends Enum<E>> void reasons(HtmlWriter html, String title, String cssClass,
            java.util.Map<E, Long> counts) {
        if (counts.values().stream().allMatch(n -> n == 0)) {
            return;
        }
        html.element("h3", title);
        html.open("table", "class", cssClass).open("tbody");
        counts.forEach((reason, n) -> {
            if (n > 0) {
                html.open("tr").element("td", reason.name()).element("td", Outcomes.count(n), "class", "num")
                        .close("tr");
            }
        });
        html.close("tbody").close("table");
    }
}
