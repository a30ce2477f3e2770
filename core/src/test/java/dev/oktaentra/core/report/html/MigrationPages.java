package dev.oktaentra.core.report.html;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.migration.StepInfo;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.StepStatus;
import dev.oktaentra.core.staging.KnownUser;
import dev.oktaentra.core.staging.KnownUsers;
import dev.oktaentra.core.staging.PendingExportReport;
import dev.oktaentra.core.testing.CsExportFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A pending-export review and a runbook status with known content, for the report's tests. */
final class MigrationPages {

    static final String DEE = "BpazOkLGm0iEtljAONPvOQ==";
    static final String DEE_WRONG = "OrOWBsZCSJuEtljAONPvOQ==";
    static final String EVE = "MsNKjF+XF0ete7pKTpaP/w==";
    static final String FAY = "QF5HMK7n80qvdYsUPIHa9Q==";

    private MigrationPages() {
    }

    /**
     * An export with an unexpected add (dee, whose UPN is {@link Reports#HOSTILE_UPN}), a back-fill candidate (eve),
     * an expected add (fay), a rename and a group; {@code extraAdds} more expected adds.
     */
    static PendingExportReport review(Path dir, int extraAdds) {
        CsExportFile export = CsExportFile.create().addUser(DEE, Reports.HOSTILE_UPN)
                .deleteAttribute(EVE, "eve@contoso.com", "mail", "eve@contoso.com")
                .addUser(FAY, "fay@contoso.com").rename(EVE, "Eve Example").addGroup("Sales");
        for (int i = 0; i < extraAdds; i++) {
            export.addGroup("Group" + i);
        }
        KnownUsers known = KnownUsers.of(List.of(
                KnownUser.builder().userPrincipalName(Reports.HOSTILE_UPN).cloudUserId("id-dee")
                        .cloudImmutableId(ImmutableId.of(DEE_WRONG)).outcome("CLOUD_ONLY").build(),
                KnownUser.builder().userPrincipalName("eve@contoso.com").distinguishedName("CN=eve,DC=contoso,DC=com")
                        .cloudUserId("id-eve").cloudImmutableId(ImmutableId.of(EVE))
                        .expectedImmutableId(ImmutableId.of(EVE)).onPremises("mail").outcome("MATCHED").build(),
                KnownUser.builder().userPrincipalName("fay@contoso.com").distinguishedName("CN=fay,DC=contoso,DC=com")
                        .expectedImmutableId(ImmutableId.of(FAY)).outcome("ONPREM_ONLY").build()));
        return PendingExportReport.read(export.write(dir.resolve("export.xml")), known);
    }

    /** A runbook part-way through: verified, applied, failed, waiting, planned, skipped and pending steps. */
    static List<StepInfo> steps() {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        return List.of(
                new StepInfo("detect-anchor", "Find the anchor", StepKind.CHECK, StepStatus.VERIFIED, "p1", "c1", 0, 0,
                        0, at, null),
                new StepInfo("remediate-anchors", "Fix ImmutableIDs", StepKind.AUTOMATED, StepStatus.APPLIED, "p2",
                        "c2", 12, 12, 0, at, null),
                new StepInfo("backfill-attributes", "Back-fill", StepKind.AUTOMATED, StepStatus.FAILED, "p3", "c3", 4,
                        3, 1, at, "the plan saw (empty) but CN=eve now holds '<b>x</b>'"),
                new StepInfo("install-connect-staging", "Install Connect", StepKind.MANUAL,
                        StepStatus.WAITING_FOR_OPERATOR, "p4", "c4", 0, 0, 0, at, null),
                new StepInfo("disable-okta-provisioning", "Okta off", StepKind.AUTOMATED, StepStatus.PLANNED, "p5",
                        "c5", 2, 0, 0, at, null),
                new StepInfo("analyse-staging-export", "Staging export", StepKind.CHECK, StepStatus.SKIPPED, null,
                        null, 0, 0, 0, at, "reviewed by hand"),
                new StepInfo("verify-cutover", "Verify", StepKind.CHECK, StepStatus.PENDING, null, null, 0, 0, 0, null,
                        null));
    }

    /** Both kinds of section on one page. */
    static HtmlReport page(PendingExportReport review, int maxFindings) {
        return HtmlReport.builder("Cutover review").subtitle("staging export and runbook")
                .sections(StagingExportSections.of(review, maxFindings, "pending-export-findings.csv"))
                .section(RunbookStatusSection.of("connect-server", steps()))
                .build();
    }
}
