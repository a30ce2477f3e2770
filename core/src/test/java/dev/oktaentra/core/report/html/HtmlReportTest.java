package dev.oktaentra.core.report.html;

import static dev.oktaentra.core.report.html.Reports.reports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.core.validation.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path dir;

    private static String render(Reports reports, int maxRows) {
        try (ValidationReport report = reports.validate()) {
            return HtmlReport.forValidation(report, "validation.csv", maxRows).render();
        }
    }

    /** A section as someone adding a runbook's status would write it. */
    private record Custom(String id, String title, String script) implements ReportSection {
        @Override
        public void render(HtmlWriter html) {
            html.element("p", "step 1 <done>", "class", "custom");
        }
    }

    @Test
    void render_isOneSelfContainedPageThatFetchesNothing() {
        Document page = Jsoup.parse(render(reports().matched("ann").onPremOnly("bob"), 10));

        assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .startsWith("default-src 'none';");
        assertThat(page.select("link, img, iframe, object, embed, [src]")).isEmpty();
        assertThat(page.select("style")).hasSize(1);
        assertThat(page.select("script:not([type])")).hasSize(1);
        assertThat(page.select("nav a").eachAttr("href"))
                .containsExactly("#summary", "#outcomes", "#staging-prediction", "#findings");
    }

    @Test
    void render_capsTheRowsOfAnOutcomeAndSaysWhereTheRestAre() throws Exception {
        Reports reports = reports().matched("ann");
        for (int i = 0; i < 5; i++) {
            reports.onPremOnly("new" + i);
        }

        Document page = Jsoup.parse(render(reports, 3));

        assertThat(page.select("#outcome-ONPREM_ONLY p.capped").text())
                .isEqualTo("Showing the first 3 of 5 rows (at most 3 per outcome are embedded in this page); "
                        + "every row is in validation.csv.");
        assertThat(page.select("#outcome-MATCHED p.capped")).isEmpty();
        JsonNode data = new ObjectMapper().readTree(page.getElementById("findings-data").data());
        assertThat(data.at("/outcomes/ONPREM_ONLY")).hasSize(3);
        assertThat(data.at("/outcomes/MATCHED")).hasSize(1);
        assertThat(data.get("columns")).hasSize(FindingsSection.COLUMNS.size());
    }

    @Test
    void builder_addsFurtherSectionsAfterTheValidationOnes() {
        HtmlReport html;
        try (ValidationReport report = reports().matched("ann").validate()) {
            html = HtmlReport.builder("Cutover").generatedAt(Instant.parse("2026-11-28T10:00:00Z"))
                    .sections(ValidationSections.of(report, 10, "validation.csv"))
                    .section(new Custom("runbook-status", "Runbook status", "")).build();
        }

        Document page = Jsoup.parse(html.render());

        assertThat(page.select("nav a").last().attr("href")).isEqualTo("#runbook-status");
        assertThat(page.select("#runbook-status p.custom").text()).isEqualTo("step 1 <done>");
        assertThat(page.select(".generated").text()).isEqualTo("Generated 2026-11-28T10:00:00Z by oktaentra");
    }

    @Test
    void builder_refusesTwoSectionsWithOneId() {
        HtmlReport.Builder builder = HtmlReport.builder("x").section(new Custom("a", "A", ""));

        assertThatThrownBy(() -> builder.section(new Custom("a", "B", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
    }

    @Test
    void render_refusesASectionScriptThatWouldCloseItsElement() {
        HtmlReport html = HtmlReport.builder("x").section(new Custom("a", "A", "var s = '</SCRIPT>';")).build();

        assertThatThrownBy(html::render).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void write_savesTheSamePageAsUtf8() throws Exception {
        HtmlReport html = HtmlReport.builder("Zoë's report").section(new Custom("a", "A", "")).build();
        Path file = dir.resolve("r.html");

        html.write(file);

        assertThat(Files.readString(file)).isEqualTo(html.render()).contains("Zoë&#39;s report");
    }

    @Test
    void of_refusesACapBelowOne() {
        try (ValidationReport report = reports().matched("ann").validate()) {
            assertThatThrownBy(() -> ValidationSections.of(report, 0, "v.csv"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void sections_ofAValidationComeInPageOrder() {
        try (ValidationReport report = reports().matched("ann").validate()) {
            assertThat(ValidationSections.of(report, 5, "v.csv")).extracting(ReportSection::id)
                    .isEqualTo(List.of("summary", "outcomes", "staging-prediction", "findings"));
        }
    }
}
