package dev.oktaentra.core.staging;

import static dev.oktaentra.core.staging.Fixtures.ANCHOR_A;
import static dev.oktaentra.core.staging.Fixtures.ANCHOR_B;
import static dev.oktaentra.core.staging.Fixtures.ANCHOR_B_WRONG;
import static dev.oktaentra.core.staging.Fixtures.DN_A;
import static dev.oktaentra.core.staging.Fixtures.DN_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ImmutableId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How an add meets Entra's matching as it stands (how-to-connect-install-existing-tenant; MC1262584): the hard match
 * onto a role holder is blocked, the primary SMTP address is tried before the UPN, a pair found through {@code mail}
 * alone is uncertain, and an add whose look-ups lead to two different cloud users cannot be a clean soft match.
 */
class PendingExportMatchRulesTest {

    private static PendingExportReport analyse(SyntheticExport export, KnownUser... users) {
        return PendingExportAnalyser.analyse(export.reader(), KnownUsers.of(List.of(users)));
    }

    private static KnownUser.Builder cloudOnly(String upn, String smtp, String id) {
        return KnownUser.builder().userPrincipalName(upn).primarySmtpAddress(smtp).cloudUserId(id)
                .outcome("CLOUD_ONLY");
    }

    @Test
    void addPresentingTheImmutableIdOfARoleHolder_isAnUnexpectedAdd_evenWithoutRecordedBlockReasons() {
        SyntheticExport export = SyntheticExport.create().object(DN_A, "user").delta("add", DN_A)
                .attr("userPrincipalName", null, "jane@contoso.com").end();
        KnownUser admin = KnownUser.builder().userPrincipalName("jane@contoso.com").cloudUserId("id-jane")
                .distinguishedName("CN=Jane,DC=contoso,DC=com").cloudImmutableId(ImmutableId.of(ANCHOR_A))
                .expectedImmutableId(ImmutableId.of(ANCHOR_A)).outcome("MATCHED").holdsAdminRole(true).build();

        PendingExportReport report = analyse(export, admin);

        assertThat(report.summary().unexpectedAdds()).isEqualTo(1);
        assertThat(report.summary().noBlockingFindings()).isFalse();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.UNEXPECTED_ADD);
            assertThat(f.detail()).contains("role");
        });
    }

    @Test
    void addWhosePrimarySmtpFindsACloudUserWithAnImmutableId_isAnUnexpectedAdd_thoughItsUpnFindsAnotherWithout() {
        SyntheticExport export = SyntheticExport.create().object(DN_B, "user").delta("add", DN_B)
                .attr("userPrincipalName", null, "jane@contoso.com")
                .attr("proxyAddresses", null, "SMTP:jane.doe@contoso.com").end();
        KnownUser byUpn = cloudOnly("jane@contoso.com", "jd@contoso.com", "id-upn").build();
        KnownUser bySmtp = cloudOnly("jdoe@contoso.com", "jane.doe@contoso.com", "id-smtp")
                .cloudImmutableId(ImmutableId.of(ANCHOR_B_WRONG)).build();

        PendingExportReport report = analyse(export, byUpn, bySmtp);

        assertThat(report.summary().softMatches()).isZero();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.UNEXPECTED_ADD);
            assertThat(f.match().user()).isEqualTo(bySmtp);
            assertThat(f.match().matchedBy()).isEqualTo(MatchedBy.PRIMARY_SMTP_ADDRESS);
        });
    }

    @Test
    void addThatSoftMatchesOneCloudUserWhileAnotherHoldsItsUpn_isAnUnexpectedAdd() {
        SyntheticExport export = SyntheticExport.create().object(DN_B, "user").delta("add", DN_B)
                .attr("userPrincipalName", null, "jane@contoso.com")
                .attr("proxyAddresses", null, "SMTP:jane.doe@contoso.com").end();
        KnownUser byUpn = cloudOnly("jane@contoso.com", "jd@contoso.com", "id-upn").build();
        KnownUser bySmtp = cloudOnly("jdoe@contoso.com", "jane.doe@contoso.com", "id-smtp").build();

        PendingExportReport report = analyse(export, byUpn, bySmtp);

        assertThat(report.summary().softMatches()).isZero();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.UNEXPECTED_ADD);
            assertThat(f.match().user()).isEqualTo(bySmtp);
            assertThat(f.detail()).contains("id-upn");
        });
    }

    @Test
    void addWhoseUpnAndPrimarySmtpFindTheSameCloudUserWithoutAnchor_staysASoftMatch() {
        SyntheticExport export = SyntheticExport.create().object(DN_B, "user").delta("add", DN_B)
                .attr("userPrincipalName", null, "jane@contoso.com")
                .attr("proxyAddresses", null, "SMTP:jane@contoso.com").end();
        KnownUser jane = cloudOnly("jane@contoso.com", "jane@contoso.com", "id-jane").outcome("SOFT_MATCH_ONLY")
                .build();

        PendingExportReport report = analyse(export, jane);

        assertThat(report.findings()).isEmpty();
        assertThat(report.summary().softMatches()).isEqualTo(1);
    }

    /** entra-2026.md: the mail fallback is stated only by a third-party blog; never a safe update. */
    @Test
    void addWithoutProxyAddressesWhoseMailIsACloudUsersPrimarySmtp_isAnUnexpectedAdd() {
        SyntheticExport export = SyntheticExport.create().object(DN_B, "user").delta("add", DN_B)
                .attr("userPrincipalName", null, "jdoe@contoso.onmicrosoft.com")
                .attr("mail", null, "Jane@Contoso.com").end();
        KnownUser jane = cloudOnly("jane@contoso.com", "jane@contoso.com", "id-jane").build();

        PendingExportReport report = analyse(export, jane);

        assertThat(report.summary().softMatches()).isZero();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.UNEXPECTED_ADD);
            assertThat(f.match().user()).isEqualTo(jane);
            assertThat(f.detail()).contains("mail");
        });
    }

    @Test
    void addWithoutProxyAddressesWhoseUpnAndMailFindTheSameCloudUser_isASoftMatchOnTheUpn() {
        SyntheticExport export = SyntheticExport.create().object(DN_B, "user").delta("add", DN_B)
                .attr("userPrincipalName", null, "jane@contoso.com").attr("mail", null, "jane@contoso.com").end();
        KnownUser jane = cloudOnly("jane@contoso.com", "jane@contoso.com", "id-jane").outcome("SOFT_MATCH_ONLY")
                .build();

        PendingExportReport report = analyse(export, jane);

        assertThat(report.findings()).isEmpty();
        assertThat(report.objects().get(0).match().matchedBy()).isEqualTo(MatchedBy.USER_PRINCIPAL_NAME);
        assertThat(report.summary().softMatches()).isEqualTo(1);
    }

    @Test
    void addOfANewUserWhoseMailNoCloudUserHolds_isNoFinding() {
        SyntheticExport export = SyntheticExport.create().object(DN_B, "user").delta("add", DN_B)
                .attr("userPrincipalName", null, "newbie@contoso.com").attr("mail", null, "newbie@contoso.com")
                .attr("sourceAnchor", null, ANCHOR_B).end();

        PendingExportReport report = analyse(export, cloudOnly("jane@contoso.com", "jane@contoso.com", "id").build());

        assertThat(report.findings()).isEmpty();
        assertThat(report.summary().noBlockingFindings()).isTrue();
    }
}
