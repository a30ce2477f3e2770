package dev.oktaentra.core.staging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ImmutableId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's staging snippets, as written there, over a SYNTHETIC export. */
class ReadmeStagingExampleTest {

    @TempDir
    Path dir;

    @Test
    void readmeSnippets_run() throws Exception {
        Path export = SyntheticExport.create().object(Fixtures.DN_B, "user").delta("add", Fixtures.DN_B)
                .attr("userPrincipalName", null, "jane@contoso.com").end()
                .write(dir, "export.xml");
        String cloudUserId = "c0ffee00-0000-0000-0000-000000000001";
        String expected = Fixtures.ANCHOR_B;
        String cloud = Fixtures.ANCHOR_B_WRONG;
        Path out = dir;
        Path leavers = Files.writeString(dir.resolve("reviewed-leavers.txt"), "# reviewed with HR\n"
                + Fixtures.ANCHOR_A + "\n");

        // README: begin
        KnownUsers known = KnownUsers.of(List.of(
                KnownUser.builder().userPrincipalName("jane@contoso.com").cloudUserId(cloudUserId)
                        .cloudImmutableId(ImmutableId.of(cloud)).expectedImmutableId(ImmutableId.of(expected))
                        .onPremises("mail")          // read on-prem, and empty
                        .build()));
        StagingChecks checks = StagingChecks.defaults()        // Entra Connect's deletion threshold: 500 deletes
                .withReviewedLeavers(ReviewedLeavers.read(leavers));
        PendingExportReport report = PendingExportReport.read(export, known, checks);
        System.out.println(report.summary().toJson());   // {"adds":1,"updates":0,"deletes":0,"attributeDeletions":0,…}
        System.out.println(report.deletionThreshold());  // DeletionThreshold[limit=500, deletes=0]: exceeded() is false
        report.findings(FindingKind.UNEXPECTED_ADD).forEach(f -> System.out.println(f.recommendedAction()));
        report.writeCsv(out.resolve("pending-exports.csv"));
        report.writeFindingsCsv(out.resolve("pending-export-findings.csv"));
        report.writeJson(out.resolve("pending-exports.json"));
        // README: end

        assertThat(report.summary().toJson()).startsWith("{\"adds\":1,\"updates\":0,\"deletes\":0,\"attributeDeletions\":0,");
        assertThat(report.findings(FindingKind.UNEXPECTED_ADD)).hasSize(1);
        assertThat(report.deletionThreshold()).hasToString("DeletionThreshold[limit=500, deletes=0]");
        assertThat(out.resolve("pending-export-findings.csv")).exists();

        // README streaming: begin
        PendingExportAnalyzer analyzer = PendingExportAnalyzer.streaming(known, checks);
        try (PendingExportReader reader = PendingExportReader.open(export);
                PendingExportCsv csv = PendingExportCsv.create(out.resolve("pending-exports.csv"))) {
            reader.records().forEach(record -> analyzer.accept(record).ifPresent(csv::write));
        }
        PendingExportSummary summary = analyzer.summary();
        // README streaming: end

        assertThat(summary.unexpectedAdds()).isEqualTo(1);
        assertThat(Files.readAllLines(out.resolve("pending-exports.csv"))).hasSize(2);
    }
}
