package dev.oktaentra.core.staging;

import static dev.oktaentra.core.staging.Fixtures.ANCHOR_A;
import static dev.oktaentra.core.staging.Fixtures.ANCHOR_B;
import static dev.oktaentra.core.staging.Fixtures.ANCHOR_C;
import static dev.oktaentra.core.staging.Fixtures.DN_A;
import static dev.oktaentra.core.staging.Fixtures.DN_B;
import static dev.oktaentra.core.staging.Fixtures.DN_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.anchor.ImmutableId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's "21. Record objects pending deletion and their on-premises values": a person reviews each pending
 * delete; a user who left the organisation is listed as a reviewed leaver, and its delete is listed as reviewed
 * instead of blocking. Nothing else is accepted.
 */
class ReviewedLeaversTest {

    @TempDir
    Path dir;

    private static final String GONE_DN = "CN=Gone,OU=Staff,DC=contoso,DC=com";

    private static PendingExportReport analyse(SyntheticExport export, ReviewedLeavers leavers, KnownUser... users) {
        return PendingExportAnalyser.analyse(export.reader(), KnownUsers.of(List.of(users)),
                StagingChecks.defaults().withReviewedLeavers(leavers));
    }

    private static SyntheticExport userDelete(String dn, String operation) {
        return SyntheticExport.create().object(dn, "user").delta(operation, dn)
                .hologram("synchronized-hologram", dn, "userPrincipalName", "gone@contoso.com").end();
    }

    @Test
    void read_takesSourceAnchorsAndConnectorSpaceDnsOneALine() throws Exception {
        Path file = Files.writeString(dir.resolve("leavers.txt"), "\ufeff# reviewed by ops, 2026-11-30\n"
                + ANCHOR_A + "\n\n  " + DN_B + "  \r\n# " + ANCHOR_C + "\n");

        ReviewedLeavers leavers = ReviewedLeavers.read(file);

        assertThat(leavers.anchors()).containsExactly(ImmutableId.of(ANCHOR_A), ImmutableId.of(ANCHOR_B));
        assertThat(leavers.source()).isEqualTo(file.toString());
    }

    @Test
    void read_aListSavedAsUtf16WithItsByteOrderMark_isReadAsWritten() throws Exception {
        // Windows PowerShell 5.1's "> leavers.txt" and Out-File write UTF-16 LE with a byte-order mark.
        String text = "\ufeff# reviewed\r\n" + ANCHOR_A + "\r\n" + DN_B + "\r\n";
        Path little = Files.write(dir.resolve("le.txt"), text.getBytes(StandardCharsets.UTF_16LE));
        Path big = Files.write(dir.resolve("be.txt"), text.getBytes(StandardCharsets.UTF_16BE));

        assertThat(ReviewedLeavers.read(little).anchors()).containsExactly(ImmutableId.of(ANCHOR_A),
                ImmutableId.of(ANCHOR_B));
        assertThat(ReviewedLeavers.read(big).anchors()).containsExactly(ImmutableId.of(ANCHOR_A),
                ImmutableId.of(ANCHOR_B));
    }

    @Test
    void read_bytesThatAreNotUtf8_areRefusedNamingTheirLine() throws Exception {
        byte[] latin1 = (ANCHOR_A + "\n# Müller left\n" + ANCHOR_C + "\n").getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.txt"), latin1);

        assertThatThrownBy(() -> ReviewedLeavers.read(file)).isInstanceOf(ReviewedLeaversException.class)
                .hasMessageStartingWith("Cannot read the reviewed leavers " + file + ", line 2: not UTF-8 text")
                .satisfies(e -> assertThat(((ReviewedLeaversException) e).line()).isEqualTo(2));
    }

    @Test
    void read_anOnPremDnOrABrokenConnectorSpaceDn_isRefusedNamingFileAndLine() throws Exception {
        Path onPremDn = Files.writeString(dir.resolve("dn.txt"), ANCHOR_A + "\n" + GONE_DN + "\n");
        Path broken = Files.writeString(dir.resolve("cs.txt"), "CN={4A4}\n");

        assertThatThrownBy(() -> ReviewedLeavers.read(onPremDn)).isInstanceOf(ReviewedLeaversException.class)
                .hasMessage("Cannot read the reviewed leavers " + onPremDn + ", line 2: 'CN=Gone,OU=Staff,DC=contoso,"
                        + "DC=com' is an on-prem DN; list the sourceAnchor or the connector-space DN (CN={…}) the "
                        + "staging report shows for the delete")
                .satisfies(e -> assertThat(((ReviewedLeaversException) e).line()).isEqualTo(2));
        assertThatThrownBy(() -> ReviewedLeavers.read(broken)).isInstanceOf(ReviewedLeaversException.class)
                .hasMessageStartingWith("Cannot read the reviewed leavers " + broken + ", line 1: 'CN={4A4}' is "
                        + "neither a sourceAnchor nor a connector-space DN: ");
        assertThatThrownBy(() -> ReviewedLeavers.read(dir.resolve("missing.txt")))
                .isInstanceOf(ReviewedLeaversException.class).hasMessageContaining("missing.txt");
    }

    @Test
    void aListedUserDelete_isListedAsReviewedAndBlocksNothing() {
        PendingExportReport report = analyse(userDelete(DN_A, "delete"), ReviewedLeavers.of(List.of(
                ImmutableId.of(ANCHOR_A))));

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.REVIEWED_DELETE);
            assertThat(f.kind().blocksCutover()).isFalse();
            assertThat(f.detail()).startsWith("A delete of user 'gone@contoso.com', reviewed as a leaver in the "
                    + "reviewed leavers given").contains("Last synchronised values: userPrincipalName "
                    + "'gone@contoso.com'");
        });
        assertThat(report.summary().deletes()).isEqualTo(1);
        assertThat(report.summary().reviewedDeletes()).isEqualTo(1);
        assertThat(report.summary().unexpectedDeletes()).isZero();
        assertThat(report.summary().noBlockingFindings()).isTrue();
    }

    @Test
    void aListedDeleteIsStillUnexpected_whenTheValidationSeesTheUserOnPremOrItIsADeleteAddOrNotAUser() {
        KnownUser stillThere = KnownUser.builder().userPrincipalName("gone@contoso.com").distinguishedName(GONE_DN)
                .cloudUserId("id-1").cloudImmutableId(ImmutableId.of(ANCHOR_A)).outcome("MATCHED").build();
        ReviewedLeavers all = ReviewedLeavers.of(List.of(ImmutableId.of(ANCHOR_A), ImmutableId.of(ANCHOR_B),
                ImmutableId.of(ANCHOR_C)));
        SyntheticExport export = userDelete(DN_A, "delete");
        export.object(DN_B, "user").delta("delete-add", DN_B).end()
                .object(DN_C, "group").delta("delete", DN_C).end();

        PendingExportReport report = analyse(export, all, stillThere);

        assertThat(report.findings()).extracting(StagingFinding::kind)
                .containsOnly(StagingFindingKind.UNEXPECTED_DELETE).hasSize(3);
        assertThat(report.findings().get(0).detail()).contains("It is listed among the reviewed leavers, but the "
                + "validation still sees it on-prem as '" + GONE_DN + "': run validate again if it has left since.");
        assertThat(report.findings().get(1).detail()).contains("It is listed among the reviewed leavers, but a "
                + "delete-add creates it again: not a leaver's delete.");
        assertThat(report.findings().get(2).detail()).contains("It is listed among the reviewed leavers, but only "
                + "users can be reviewed as leavers.");
        assertThat(report.summary().reviewedDeletes()).isZero();
        assertThat(report.summary().unexpectedDeletes()).isEqualTo(3);
    }

    @Test
    void none_listsNothing() {
        PendingExportReport report = analyse(userDelete(DN_A, "delete"), ReviewedLeavers.none());

        assertThat(report.findings()).extracting(StagingFinding::kind)
                .containsExactly(StagingFindingKind.UNEXPECTED_DELETE);
        assertThat(ReviewedLeavers.none().anchors()).isEmpty();
    }
}
