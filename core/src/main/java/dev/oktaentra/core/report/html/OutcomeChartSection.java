package dev.oktaentra.core.report.html;

import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.validation.ValidationSummary;
import java.util.Locale;

/**
 * A horizontal bar chart of the outcomes, as inline SVG written on the server: it shows without script, and the
 * findings script makes a bar a filter.
 */
final class OutcomeChartSection implements ReportSection {

    private static final int LABEL_WIDTH = 170;
    private static final int BAR_WIDTH = 420;
    private static final int ROW_HEIGHT = 30;

    private final ValidationSummary summary;

    OutcomeChartSection(ValidationSummary summary) {
        this.summary = summary;
    }

    @Override
    public String id() {
        return "outcomes";
    }

    @Override
    public String title() {
        return "Outcomes";
    }

    @Override
    public void render(HtmlWriter html) {
        MatchOutcome[] outcomes = MatchOutcome.values();
        long max = summary.counts().values().stream().mapToLong(Long::longValue).max().orElse(0);
        int height = outcomes.length * ROW_HEIGHT + 10;
        int width = LABEL_WIDTH + BAR_WIDTH + 90;
        html.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart", "role", "img",
                "viewBox", "0 0 " + width + " " + height, "width", String.valueOf(width),
                "height", String.valueOf(height), "aria-labelledby", "outcomes-chart-title");
        html.element("title", "Objects per outcome, " + Outcomes.count(summary.total()) + " in all", "id",
                "outcomes-chart-title");
        for (int i = 0; i < outcomes.length; i++) {
            MatchOutcome outcome = outcomes[i];
            long n = summary.counts().get(outcome);
            int y = 5 + i * ROW_HEIGHT;
            // A bar for every non-zero count is at least 2 px, so that a single orphan among a million is visible.
            double length = max == 0 || n == 0 ? 0 : Math.max(2, BAR_WIDTH * (double) n / max);
            html.open("g", "class", "bar " + (n == 0 ? "zero" : Outcomes.tone(outcome)), "data-filter-outcome",
                    n == 0 ? null : outcome.name(), "tabindex", n == 0 ? null : "0");
            html.element("title", Outcomes.label(outcome) + ": " + Outcomes.count(n));
            html.element("text", outcome.name(), "x", String.valueOf(LABEL_WIDTH - 8), "y",
                    String.valueOf(y + 19), "text-anchor", "end");
            html.element("rect", null, "x", String.valueOf(LABEL_WIDTH), "y", String.valueOf(y + 4),
                    "width", String.format(Locale.ROOT, "%.1f", length), "height", String.valueOf(ROW_HEIGHT - 8),
                    "rx", "3");
            html.element("text", Outcomes.count(n), "class", "value",
                    "x", String.format(Locale.ROOT, "%.1f", LABEL_WIDTH + length + 6), "y", String.valueOf(y + 19));
            html.close("g");
        }
        html.close("svg");
        html.element("p", "Select a bar to list its objects below.", "class", "hint");
    }
}
