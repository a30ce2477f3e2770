package dev.oktaentra.examples.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.staging.KnownUser;
import dev.oktaentra.core.staging.KnownUsers;
import dev.oktaentra.core.staging.PendingExportReport;
import dev.oktaentra.core.testing.CsExportFile;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder: the staging analysis is written at once, and only what the page shows is kept for it. */
class RehearsalReportsTest {

    @TempDir
    Path dir;

    @Test
    void staging_writesItsFilesAtOnceAndKeepsNoReferenceToTheReport() throws Exception {
        // Adds of users the cloud already holds under another anchor: each one an unexpected add.
        SplittableRandom random = new SplittableRandom(1);
        CsExportFile export = CsExportFile.create();
        List<KnownUser> cloud = new ArrayList<>();
        for (int i = 0; i < StagingExportSection.LISTED + 5; i++) {
            String upn = "new" + i + "@contoso.com";
            export.addUser(ObjectGuid.random(random).toImmutableId().value(), upn);
            cloud.add(new KnownUser(upn, null, upn, "c" + i, ObjectGuid.random(random).toImmutableId(), null, null,
                    "ANCHOR_MISMATCH", false, false));
        }
        Path file = export.write(dir.resolve("export.xml"));
        RehearsalReports reports = new RehearsalReports(dir);
        PendingExportReport report = PendingExportReport.read(file, KnownUsers.of(cloud));
        WeakReference<PendingExportReport> held = new WeakReference<>(report);

        reports.staging(report, file, null, 0);
        report = null;

        assertThat(dir.resolve(RehearsalReports.PENDING_JSON)).isNotEmptyFile();
        assertThat(dir.resolve(RehearsalReports.PENDING_FINDINGS_CSV)).content().contains("new0@contoso.com");
        // The report holds every object of the export; a large rehearsal must not carry it to the end of the run.
        for (int i = 0; i < 10 && held.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(held.get() == null).as("the staging report is no longer reachable from the report folder").isTrue();

        reports.finish("connect-server", List.of(), new RehearsalResult.Writes(0, 0, 0, 0), dir.resolve("j.jsonl"),
                "title", "subtitle");
        assertThat(Files.readString(dir.resolve(RehearsalReports.HTML))).contains("id=\"staging-export\"")
                .contains("new0@contoso.com").contains("5 more findings are in " + RehearsalReports.PENDING_FINDINGS_CSV)
                .contains("<dt>Unexpected adds</dt><dd>" + (StagingExportSection.LISTED + 5) + "</dd>");
    }
}
