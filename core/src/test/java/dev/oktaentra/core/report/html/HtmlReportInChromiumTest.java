package dev.oktaentra.core.report.html;

import static dev.oktaentra.core.report.html.Reports.reports;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.testing.HeadlessChromium;
import dev.oktaentra.core.validation.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the validation report in a real headless Chromium: the page's own script must render the tables, and the
 * page must log nothing to the console. Skipped when Chromium is not installed, except where
 * {@code OKTAENTRA_REQUIRE_CHROMIUM} is set ({@code .ci/run} sets it once a browser is on the PATH), where a missing
 * browser is a failure.
 */
class HtmlReportInChromiumTest {

    private static HeadlessChromium chromium;

    @TempDir
    Path dir;

    @BeforeAll
    static void findChromium() {
        chromium = HeadlessChromium.required();
    }

    @Test
    void page_rendersItsTablesFromTheEmbeddedDataWithoutConsoleMessages() throws Exception {
        Reports tenant = reports().matched("ann").matched("bob").matched("cy")
                .byteOrderMismatch("dee", Reports.HOSTILE_UPN).cloudOrphan("gus");
        for (int i = 0; i < 5; i++) {
            tenant.onPremOnly("new" + i);
        }
        Path page = dir.resolve("validation.html");
        try (ValidationReport report = tenant.validate()) {
            HtmlReport.forValidation(report, "validation.csv", 3).write(page);
        }

        HeadlessChromium.PageLoad load = chromium.load(page, dir);

        assertThat(load.consoleMessages()).as("console messages; Chromium's log:\n%s", load.log()).isEmpty();
        Document dom = Jsoup.parse(load.dom());
        // Summary and chart are server-written; the tables below exist only if the script ran.
        assertThat(dom.select(".card[data-key=MATCHED] .card-value").text()).isEqualTo("3");
        assertThat(dom.select(".card[data-key=ONPREM_ONLY] .card-value").text()).isEqualTo("5");
        assertThat(dom.select("#verdict").hasClass("attention")).isTrue();
        assertThat(dom.select("svg.chart g.bar")).hasSize(dev.oktaentra.core.match.MatchOutcome.values().length);
        assertThat(dom.select("#outcome-MATCHED tbody tr")).hasSize(3);
        assertThat(dom.select("#outcome-CLOUD_ONLY tbody tr")).hasSize(1);
        assertThat(dom.select("#outcome-ONPREM_ONLY tbody tr")).hasSize(3);
        assertThat(dom.select("#outcome-ONPREM_ONLY .capped").text()).contains("first 3 of 5");
        assertThat(dom.select("#outcome-ONPREM_ONLY p.shown").text()).isEqualTo("3 of 3 rows shown");
        assertThat(dom.getElementById("findings-shown").text()).isEqualTo("8 of 8 rows");
        assertThat(dom.select("#outcome-ANCHOR_MISMATCH thead th").eachText()).contains("Cause", "CloudId");
        assertThat(dom.select("#outcome-ONPREM_ONLY thead th").eachText()).contains("ObjectGUID")
                .doesNotContain("CloudId");
        assertThat(dom.select("#findings-cause option").eachAttr("value")).containsExactly("", "BYTE_ORDER");

        // The hostile UPN is text in a cell, and nothing it holds became markup or script.
        Element mismatch = dom.selectFirst("#outcome-ANCHOR_MISMATCH tbody tr");
        assertThat(mismatch.select("td").eachText()).contains("BYTE_ORDER")
                .anySatisfy(text -> assertThat(text).contains("</script><script>alert(1)</script><!--<b>x</b>"));
        assertThat(dom.select("td b, td script")).isEmpty();
        assertThat(dom.select("script")).hasSize(2);
    }

    @Test
    void page_filtersTheTablesWhenABarIsChosenAndTextIsTyped() throws Exception {
        Reports tenant = reports().matched("ann").byteOrderMismatch("dee", "dee@contoso.com");
        for (int i = 0; i < 3; i++) {
            tenant.onPremOnly("new" + i);
        }
        Path page = dir.resolve("validation.html");
        try (ValidationReport report = tenant.validate()) {
            // What a person does, scripted after the page's own script: choose a bar, then type into the search.
            String html = HtmlReport.forValidation(report, "validation.csv", 100).render().replace("</body>",
                    "<script>document.querySelector('[data-filter-outcome=ONPREM_ONLY]').dispatchEvent("
                            + "new MouseEvent('click'));"
                            + "var s = document.getElementById('findings-search'); s.value = 'NEW1';"
                            + "s.dispatchEvent(new Event('input'));</script></body>");
            Files.writeString(page, html);
        }

        HeadlessChromium.PageLoad load = chromium.load(page, dir, 2_000);

        assertThat(load.consoleMessages()).as("console messages; Chromium's log:\n%s", load.log()).isEmpty();
        Document dom = Jsoup.parse(load.dom());
        assertThat(dom.select("section.outcome:not([hidden])").eachAttr("data-outcome"))
                .containsExactly("ONPREM_ONLY");
        assertThat(dom.select("#outcome-ONPREM_ONLY tbody tr:not([hidden])")).hasSize(1)
                .allSatisfy(row -> assertThat(row.text()).contains("new1@contoso.com"));
        assertThat(dom.select("#outcome-ONPREM_ONLY p.shown").text()).isEqualTo("1 of 3 rows shown");
        assertThat(dom.getElementById("findings-shown").text()).isEqualTo("1 of 5 rows");
    }

    @Test
    void harness_reportsConsoleErrorsAndUncaughtExceptions() throws Exception {
        Path page = Files.writeString(dir.resolve("broken.html"), "<!DOCTYPE html><html><body><p id=x>static</p>"
                + "<script>document.getElementById('x').textContent = 'scripted'; console.error('bad thing');"
                + " undefinedFunction();</script></body></html>");

        HeadlessChromium.PageLoad load = chromium.load(page, dir);

        assertThat(Jsoup.parse(load.dom()).getElementById("x").text()).isEqualTo("scripted");
        assertThat(load.consoleMessages()).hasSize(2);
        assertThat(String.join("\n", load.consoleMessages())).contains("bad thing").contains("undefinedFunction");
    }
}
