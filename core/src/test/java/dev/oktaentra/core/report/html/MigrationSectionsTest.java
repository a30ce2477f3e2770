package dev.oktaentra.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.migration.StepStatus;
import dev.oktaentra.core.staging.PendingExportReport;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSectionsTest {

    @TempDir
    Path dir;

    @Test
    void stagingSections_showTheVerdictCardsCountsPerTypeAndEveryFinding() {
        PendingExportReport review = MigrationPages.review(dir, 0);

        Document page = Jsoup.parse(MigrationPages.page(review, 100).render());

        assertThat(page.select("nav a").eachAttr("href"))
                .containsExactly("#staging-summary", "#staging-findings", "#runbook-status");
        assertThat(page.select("#staging-verdict").hasClass("attention")).isTrue();
        assertThat(page.select("#staging-summary .card[data-key=adds] .card-value").text()).isEqualTo("3");
        assertThat(page.select("#staging-summary .card[data-key=unexpectedAdds]").hasClass("attention")).isTrue();
        assertThat(page.select("#staging-summary .card[data-key=deletes]").hasClass("zero")).isTrue();
        assertThat(page.select("#staging-object-types tr[data-object-type=group] td").eachText())
                .containsExactly("group", "1", "0", "0", "0", "0");
        assertThat(page.select("#staging-findings-table tbody tr").eachAttr("data-kind"))
                .containsExactly("UNEXPECTED_ADD", "BACKFILL_CANDIDATE");
        assertThat(page.select("#staging-kind option").eachAttr("value"))
                .containsExactly("", "UNEXPECTED_ADD", "BACKFILL_CANDIDATE");
        // The hostile UPN is text in a cell; nothing it holds became markup.
        assertThat(page.select("#staging-findings-table td").eachText()).anySatisfy(text ->
                assertThat(text).contains("</script><script>alert(1)</script>"));
        assertThat(page.select("td b, td script")).isEmpty();
    }

    @Test
    void stagingFindings_areCappedAndThePageSaysWhereTheRestAre() {
        Document page = Jsoup.parse(MigrationPages.page(MigrationPages.review(dir, 0), 1).render());

        assertThat(page.select("#staging-findings-table tbody tr")).hasSize(1);
        assertThat(page.select("#staging-findings .capped").text())
                .isEqualTo("Showing the first 1 of 2 findings; every finding is in pending-export-findings.csv.");
        assertThatThrownBy(() -> StagingExportSections.of(MigrationPages.review(dir, 0), 0, "x.csv"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runbookSection_hasABadgePerStepTheCountsAndTheLastMessage() {
        Document page = Jsoup.parse(MigrationPages.page(MigrationPages.review(dir, 0), 100).render());

        assertThat(page.select("#runbook-table tbody tr").eachAttr("data-status")).containsExactly("VERIFIED",
                "APPLIED", "FAILED", "WAITING_FOR_OPERATOR", "PLANNED", "SKIPPED", "PENDING");
        assertThat(page.select("#runbook-table tr[data-step=backfill-attributes] .badge").hasClass("attention"))
                .isTrue();
        assertThat(page.select("#runbook-table tr[data-step=detect-anchor] .badge").hasClass("ok")).isTrue();
        assertThat(page.select("#runbook-table tr[data-step=backfill-attributes] td").eachText())
                .containsExactly("3", "backfill-attributes Back-fill", "AUTOMATED", "Failed", "4", "3", "1",
                        "2026-03-01T10:00:00Z", "the plan saw (empty) but CN=eve now holds '<b>x</b>'");
        assertThat(page.select("#runbook-status .card[data-key=status-FAILED] .card-value").text()).isEqualTo("1");
        assertThat(page.select("#runbook-status .card[data-key=planned] .card-value").text()).isEqualTo("18");
        assertThat(page.select("#runbook-verdict").text()).startsWith("A step has failed");
        assertThat(page.select("td b")).isEmpty();
    }

    @Test
    void runbookSection_allVerified_saysNothingNeedsAPerson() {
        var verified = MigrationPages.steps().stream().map(s -> new dev.oktaentra.core.migration.StepInfo(
                s.stepId(), s.title(), s.kind(), StepStatus.VERIFIED, s.planId(), s.checksum(), s.planned(),
                s.planned(), 0, s.lastEvent(), null)).toList();
        Document page = Jsoup.parse(HtmlReport.builder("status")
                .section(RunbookStatusSection.of("cloud-sync", verified)).build().render());

        assertThat(page.select("#runbook-verdict").hasClass("ok")).isTrue();
        assertThat(page.select(".badge.ok")).hasSize(verified.size());
        assertThat(List.of(page.select("script:not([type])"))).allSatisfy(s -> assertThat(s).isEmpty());
    }
}
