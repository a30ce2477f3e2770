package dev.oktaentra.core.staging;

import static dev.oktaentra.core.staging.Fixtures.ANCHOR_A;
import static dev.oktaentra.core.staging.Fixtures.ANCHOR_C;
import static dev.oktaentra.core.staging.Fixtures.DN_A;
import static dev.oktaentra.core.staging.Fixtures.DN_B;
import static dev.oktaentra.core.staging.Fixtures.DN_C;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ImmutableId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's tutorial for moving Okta's sync to Entra Connect, "Install Microsoft Entra Connect in staging mode":
 * "14. Verify no pending deletions in the export." and "21. Record objects pending deletion and their on-premises
 * values." Every pending delete is a finding, whatever the object type, unless it is a user listed as a reviewed
 * leaver.
 */
class PendingDeletesTest {

    private static PendingExportReport analyze(SyntheticExport export, KnownUser... users) {
        return PendingExportAnalyzer.analyze(export.reader(), KnownUsers.of(List.of(users)));
    }

    private static KnownUser.Builder orphan() {
        return KnownUser.builder().userPrincipalName("gone@contoso.com").cloudUserId("c0ffee00-0000-0000-0000-00000000ff")
                .cloudImmutableId(ImmutableId.of(ANCHOR_A)).outcome("CLOUD_ONLY");
    }

    @Test
    void deleteOfAGroupAContactOrAnObjectOfUnknownType_isAnUnexpectedDelete() {
        SyntheticExport export = SyntheticExport.create()
                .object("CN={47}", "group").delta("delete", "CN={47}")
                .hologram("synchronized-hologram", "CN={47}", "displayName", "Sales").end()
                .object("CN={48}", "contact").delta("delete", "CN={48}").end()
                .object("CN={49}", "device").delta("delete-add", "CN={49}").end();

        PendingExportReport report = analyze(export);

        assertThat(report.findings()).extracting(Finding::kind, Finding::objectType).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FindingKind.UNEXPECTED_DELETE, "group"),
                org.assertj.core.groups.Tuple.tuple(FindingKind.UNEXPECTED_DELETE, "contact"),
                org.assertj.core.groups.Tuple.tuple(FindingKind.UNEXPECTED_DELETE, "device"));
        assertThat(report.findings().get(0).detail()).startsWith("A delete of group 'Sales'");
        assertThat(report.findings().get(0).recommendedAction()).contains("only users can be reviewed as leavers");
        assertThat(report.findings().get(2).detail()).startsWith("A delete-add (delete and re-create) of device");
        assertThat(report.summary().unexpectedDeletes()).isEqualTo(3);
        assertThat(report.summary().noBlockingFindings()).isFalse();
    }

    @Test
    void deleteOfAUserNoKnownUserExplains_isAnUnexpectedDelete() {
        SyntheticExport export = SyntheticExport.create().object(DN_C, "user").delta("delete", DN_C).end();

        PendingExportReport report = analyze(export);

        assertThat(report.summary().deletes()).isEqualTo(1);
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.UNEXPECTED_DELETE);
            assertThat(f.sourceAnchor()).isEqualTo(ImmutableId.of(ANCHOR_C));
            assertThat(f.match()).isNull();
        });
        assertThat(report.summary().noBlockingFindings()).isFalse();
    }

    /**
     * A cloud user no on-prem object explains is a disconnector on a new server, left alone ("The attribute values
     * of the corresponding object in the connected data source aren't updated by sync engine."): a delete of one
     * can only come from an object the server joined that has since left its scope.
     */
    @Test
    void deleteOfACloudUserNoOnPremObjectExplains_saysTheServerJoinedItToAnObjectThatLeftItsScope() {
        SyntheticExport export = SyntheticExport.create().object(DN_A, "user").delta("delete", DN_A).end();

        PendingExportReport report = analyze(export, orphan().build());

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.UNEXPECTED_DELETE);
            assertThat(f.detail()).contains("no on-prem object explains")
                    .contains("keeps such a cloud user as a disconnector")
                    .contains("joined it to an on-prem object that has since left its scope");
            assertThat(f.recommendedAction()).contains("reviewed leavers");
        });
    }

    /** The tutorial's step 21: "Record objects pending deletion and their on-premises values." */
    @Test
    void deleteFinding_recordsTheObjectsLastSynchronisedValues() {
        SyntheticExport export = SyntheticExport.create().object(DN_B, "user").delta("delete", DN_B)
                .hologram("synchronized-hologram", DN_B, "userPrincipalName", "bob@contoso.com",
                        "displayName", "Bob Example", "mail", "bob@contoso.com",
                        "onPremisesDistinguishedName", "CN=Bob Example,OU=Staff,DC=contoso,DC=com",
                        "onPremisesSamAccountName", "bob", "department", "Sales")
                .end();

        Finding finding = analyze(export).findings().get(0);

        assertThat(finding.detail()).contains("Last synchronised values: displayName 'Bob Example', "
                + "userPrincipalName 'bob@contoso.com', mail 'bob@contoso.com', onPremisesSamAccountName 'bob', "
                + "onPremisesDistinguishedName 'CN=Bob Example,OU=Staff,DC=contoso,DC=com'")
                .doesNotContain("Sales");
    }
}
