package dev.oktaentra.core.report.html;

/** The summary cards several sections show: a label, a big number, and a tooltip that explains it. */
final class Cards {

    private Cards() {
    }

    /**
     * Writes one card.
     *
     * @param tone {@code ok}, {@code info}, {@code attention}, {@code neutral}; a zero value is always {@code zero}
     */
    static void card(HtmlWriter html, String label, long value, String key, String tone, String help) {
        html.open("div", "class", "card " + (value == 0 ? "zero" : tone), "data-key", key, "title", help)
                .element("span", label, "class", "card-label")
                .element("span", Outcomes.count(value), "class", "card-value")
                .close("div");
    }
}
