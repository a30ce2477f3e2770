package dev.oktaentra.core.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.ObjectGuid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft Entra Connect Sync: Prevent accidental deletes
 * (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-sync-feature-prevent-accidental-deletes):
 * "configured to not allow an export with more than 500 deletes", and when there are more, "the export stops before
 * deleting any object": "There were more objects to be deleted than the configured threshold. As a result, no objects
 * were exported." The page's own example is event 116: "The number of deletions for this sync cycle (100 pending
 * deletes) has exceeded the current threshold of 50 objects. Deletions will be suppressed for this sync cycle."
 */
class DeletionThresholdTest {

    @TempDir
    Path dir;

    private final SplittableRandom random = new SplittableRandom(116);

    /** An export of {@code deletes} user deletes, {@code deleteAdds} delete-adds and one add. */
    private SyntheticExport export(int deletes, int deleteAdds) {
        SyntheticExport export = SyntheticExport.create();
        for (int i = 0; i < deletes + deleteAdds; i++) {
            String dn = ObjectGuid.random(random).toImmutableId().toConnectorSpaceDn();
            export.object(dn, "user").delta(i < deletes ? "delete" : "delete-add", dn).end();
        }
        String add = ObjectGuid.random(random).toImmutableId().toConnectorSpaceDn();
        return export.object(add, "user").delta("add", add).attr("userPrincipalName", null, "new@contoso.com").end();
    }

    private static PendingExportReport analyse(SyntheticExport export, StagingChecks checks) {
        return PendingExportAnalyser.analyse(export.reader(), KnownUsers.none(), checks);
    }

    @Test
    void thePagesExample_100PendingDeletesAgainstAThresholdOf50_stopsTheWholeExport() {
        PendingExportReport report = analyse(export(100, 0), StagingChecks.defaults().withDeletionThreshold(50));

        assertThat(report.summary().deletionThreshold()).isEqualTo(new DeletionThreshold(50, 100));
        assertThat(report.summary().deletionThreshold().exceeded()).isTrue();
        assertThat(report.deletionThreshold()).isEqualTo(report.summary().deletionThreshold());
        StagingFinding first = report.findings().get(0);
        assertThat(first.kind()).isEqualTo(StagingFindingKind.DELETION_THRESHOLD_EXCEEDED);
        assertThat(first.detail()).isEqualTo("The export holds 100 deletes, more than the deletion threshold of 50: "
                + "Entra Connect stops such an export before deleting any object (\"Deletions will be suppressed for "
                + "this sync cycle\"; \"no objects were exported\"), so none of its 1 add and 0 updates would reach "
                + "Entra ID either.");
        assertThat(first.recommendedAction()).contains("Enable-ADSyncExportDeletionThreshold -DeletionThreshold")
                .contains("Disable-ADSyncExportDeletionThreshold");
        assertThat(report.findings(StagingFindingKind.UNEXPECTED_DELETE)).hasSize(100);
        assertThat(report.summary().noBlockingFindings()).isFalse();
    }

    @Test
    void byDefault_500DeletesPassTheThresholdAnd501StopTheExport() {
        PendingExportReport atLimit = analyse(export(500, 0), StagingChecks.defaults());
        PendingExportReport over = analyse(export(500, 1), StagingChecks.defaults());

        assertThat(StagingChecks.defaults().deletionThreshold()).isEqualTo(DeletionThreshold.DEFAULT_LIMIT)
                .isEqualTo(500);
        assertThat(atLimit.summary().deletionThreshold()).isEqualTo(new DeletionThreshold(500, 500));
        assertThat(atLimit.summary().deletionThreshold().exceeded()).isFalse();
        assertThat(atLimit.findings(StagingFindingKind.DELETION_THRESHOLD_EXCEEDED)).isEmpty();
        assertThat(over.summary().deletionThreshold()).isEqualTo(new DeletionThreshold(500, 501));
        assertThat(over.summary().deletionThreshold().exceeded()).isTrue();
        assertThat(over.findings(StagingFindingKind.DELETION_THRESHOLD_EXCEEDED)).hasSize(1);
    }

    /** The page does not say whether a delete-add counts; it deletes the cloud object, so it is counted (safer). */
    @Test
    void deleteAddsAndReviewedDeletesCountTowardsTheThreshold() {
        SyntheticExport export = export(2, 1);
        List<ImmutableId> all = new ArrayList<>();
        Fixtures.exports(export).forEach(e -> all.add(e.sourceAnchor()));

        PendingExportReport report = analyse(export, StagingChecks.defaults().withDeletionThreshold(2)
                .withReviewedLeavers(ReviewedLeavers.of(all)));

        assertThat(report.summary().reviewedDeletes()).isEqualTo(2);
        assertThat(report.summary().deletionThreshold()).isEqualTo(new DeletionThreshold(2, 3));
        assertThat(report.summary().deletionThreshold().exceeded()).isTrue();
    }

    /** The page counts "deletes", not user deletes: groups, contacts and devices count alike. */
    @Test
    void deletesOfGroupsContactsAndDevicesCountTowardsTheThreshold() {
        SyntheticExport export = SyntheticExport.create();
        List<String> types = List.of("group", "contact", "device");
        for (int i = 0; i < 3; i++) {
            String dn = ObjectGuid.random(random).toImmutableId().toConnectorSpaceDn();
            export.object(dn, types.get(i)).delta("delete", dn).end();
        }

        PendingExportReport report = analyse(export, StagingChecks.defaults().withDeletionThreshold(2));

        assertThat(report.summary().deletionThreshold()).isEqualTo(new DeletionThreshold(2, 3));
        assertThat(report.findings()).extracting(StagingFinding::kind).first()
                .isEqualTo(StagingFindingKind.DELETION_THRESHOLD_EXCEEDED);
        assertThat(report.findings(StagingFindingKind.UNEXPECTED_DELETE)).hasSize(3);
    }

    @Test
    void streaming_reportsTheThresholdToo() {
        PendingExportAnalyser analyser = PendingExportAnalyser.streaming(KnownUsers.none(),
                StagingChecks.defaults().withDeletionThreshold(1));
        try (PendingExportReader reader = export(2, 0).reader()) {
            reader.records().forEach(analyser::accept);
        }

        assertThat(analyser.report().findings().get(0).kind())
                .isEqualTo(StagingFindingKind.DELETION_THRESHOLD_EXCEEDED);
        assertThat(analyser.summary().deletionThreshold().exceeded()).isTrue();
    }

    @Test
    void json_carriesTheThresholdAtTheTopOfTheReportAndInTheSummaryLine() throws Exception {
        PendingExportReport report = analyse(export(3, 0), StagingChecks.defaults().withDeletionThreshold(2));
        Path file = dir.resolve("pending-exports.json");
        report.writeJson(file);

        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        JsonNode summary = new ObjectMapper().readTree(report.summary().toJson());

        assertThat(json.get("deletionThreshold").toString()).isEqualTo("{\"limit\":2,\"deletes\":3,\"exceeded\":true}");
        assertThat(json.get("summary").has("deletionThreshold")).isFalse();
        assertThat(summary.get("deletionThreshold").toString())
                .isEqualTo("{\"limit\":2,\"deletes\":3,\"exceeded\":true}");
        assertThat(summary.get("reviewedDeletes").asLong()).isZero();
    }

    @Test
    void aThresholdBelowOne_isRefused() {
        assertThatThrownBy(() -> StagingChecks.defaults().withDeletionThreshold(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The deletion threshold must be at least 1, got 0");
    }
}
