package dev.oktaentra.examples.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.migration.Topology;
import dev.oktaentra.core.testing.HeadlessChromium;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rehearsal's page in a real headless Chromium: the validation's tables, the staging export and the runbook's
 * status render, and nothing is logged to the console. Skipped without Chromium, except in CI.
 */
class RehearsalReportInChromiumTest {

    @TempDir
    Path dir;

    @Test
    void rehearsalPage_rendersTheStagingExportAndTheRunbookStatusWithoutConsoleMessages() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.required();
        Path reports = dir.resolve("report");
        RehearsalResult result = Rehearsal.builder().scenario(Scenario.forUsers(Scenario.MIN_USERS, 3))
                .topology(Topology.CONNECT_SERVER).reportDirectory(reports).build().run();
        assertThat(result.passed()).isTrue();

        HeadlessChromium.PageLoad load = chromium.load(reports.resolve("validation.html"), dir);

        assertThat(load.consoleMessages()).as("console messages; Chromium's log:\n%s", load.log()).isEmpty();
        Document dom = Jsoup.parse(load.dom());
        assertThat(dom.select("nav a").eachText()).contains("Staging export", "Runbook status");
        assertThat(dom.select("#runbook-status tbody tr")).hasSize(16);
        assertThat(dom.select("#runbook-status tbody tr").eachAttr("data-status")).containsOnly("VERIFIED");
        assertThat(dom.select("#staging-export .verdict").text()).isEqualTo("Nothing blocks leaving staging mode.");
        assertThat(dom.select("#staging-export .explain").text())
                .startsWith("The first export held a delete of the group 'Project Falcon'")
                .contains("2 cloud users still marked synced have no on-prem object");
        // The planted mismatches and the stale mS-DS-ConsistencyGuid; one row for each 2026 outcome.
        assertThat(dom.select("#outcome-ANCHOR_MISMATCH tbody tr")).hasSize(8);
        assertThat(dom.select("#outcome-CUSTOM_MATCH_ONLY tbody tr")).hasSize(1);
        assertThat(dom.select("#outcome-HARD_MATCH_BLOCKED tbody tr")).hasSize(2);
    }
}
