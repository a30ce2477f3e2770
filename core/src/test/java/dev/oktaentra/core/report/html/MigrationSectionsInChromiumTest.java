package dev.oktaentra.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staging-export and runbook-status sections in a real headless Chromium: tables render, the findings filter and
 * search work, and the page logs nothing to the console. Skipped without Chromium, except in CI.
 */
class MigrationSectionsInChromiumTest {

    private static HeadlessChromium chromium;

    @TempDir
    Path dir;

    @BeforeAll
    static void findChromium() {
        chromium = HeadlessChromium.required();
    }

    @Test
    void page_rendersTheStagingAndRunbookTablesWithoutConsoleMessages() throws Exception {
        Path page = dir.resolve("review.html");
        MigrationPages.page(MigrationPages.review(dir, 3), 100).write(page);

        HeadlessChromium.PageLoad load = chromium.load(page, dir);

        assertThat(load.consoleMessages()).as("console messages; Chromium's log:\n%s", load.log()).isEmpty();
        Document dom = Jsoup.parse(load.dom());
        assertThat(dom.select("#staging-findings-table tbody tr:not([hidden])")).hasSize(2);
        assertThat(dom.getElementById("staging-shown").text()).isEqualTo("2 of 2 findings shown");
        assertThat(dom.select("#staging-object-types tbody tr")).hasSize(2);
        assertThat(dom.select("#runbook-table tbody tr")).hasSize(7);
        assertThat(dom.select("#runbook-table .badge.attention")).hasSize(2);
        assertThat(dom.select("td script, td b")).isEmpty();
    }

    @Test
    void page_filtersTheFindingsByKindAndByText() throws Exception {
        Path page = dir.resolve("review.html");
        // What a person does, scripted after the page's own script: choose a kind, then type into the search.
        String html = MigrationPages.page(MigrationPages.review(dir, 0), 100).render().replace("</body>",
                "<script>var k = document.getElementById('staging-kind'); k.value = 'BACKFILL_CANDIDATE';"
                        + "k.dispatchEvent(new Event('change'));"
                        + "var s = document.getElementById('staging-search'); s.value = 'EVE@';"
                        + "s.dispatchEvent(new Event('input'));</script></body>");
        Files.writeString(page, html);

        HeadlessChromium.PageLoad load = chromium.load(page, dir, 2_000);

        assertThat(load.consoleMessages()).as("console messages; Chromium's log:\n%s", load.log()).isEmpty();
        Document dom = Jsoup.parse(load.dom());
        assertThat(dom.select("#staging-findings-table tbody tr:not([hidden])").eachAttr("data-kind"))
                .containsExactly("BACKFILL_CANDIDATE");
        assertThat(dom.getElementById("staging-shown").text()).isEqualTo("1 of 2 findings shown");
    }
}
