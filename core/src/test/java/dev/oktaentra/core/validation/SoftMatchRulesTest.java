package dev.oktaentra.core.validation;

import static dev.oktaentra.core.validation.Users.ad;
import static dev.oktaentra.core.validation.Users.anchorOf;
import static dev.oktaentra.core.validation.Users.entra;
import static dev.oktaentra.core.validation.Users.guidOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.BlockReason;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.tenant.SyncFeatures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Entra's soft match, each rule from its source: the primary SMTP address first and the UPN after it only with
 * SoftMatchOnUpn (Set-EntraDirSyncFeature: "If a match isn't found based on primary SMTP, then a match is attempted
 * based on UserPrincipalName"); "only the value with SMTP:, that is the primary email address, is used"
 * (how-to-connect-install-existing-tenant); BlockSoftMatch "blocks the Soft Match feature"
 * (how-to-connect-syncservice-features); "the object to be soft-matched with shouldn't have any value for the
 * immutableId attribute" (tshoot-connect-sync-errors, InvalidSoftMatch).
 */
class SoftMatchRulesTest {

    private static final SyncFeatures UPN_ON = new SyncFeatures(false, false, true, false);
    private static final SyncFeatures UPN_OFF = new SyncFeatures(false, false, false, false);
    private static final SyncFeatures SOFT_BLOCKED = new SyncFeatures(true, false, true, false);

    private final List<OnPremUser> onPrem = new ArrayList<>();
    private final List<CloudUser> cloud = new ArrayList<>();

    /** An on-prem user and a cloud user without ImmutableID that share only their UPN. */
    private void upnOnlyPair() {
        onPrem.add(ad("jane").proxyAddresses(List.of("SMTP:jane.doe@contoso.com")).build());
        cloud.add(entra("jane").immutableId((String) null).proxyAddresses(List.of("SMTP:jane@fabrikam.com")).build());
    }

    @Test
    void aPairOnlyTheUpnFinds_isASoftMatchWithSoftMatchOnUpn() {
        upnOnlyPair();

        ValidationFinding f = only(UPN_ON);

        assertThat(f.outcome()).isEqualTo(MatchOutcome.SOFT_MATCH_ONLY);
        assertThat(f.rule()).isEqualTo("softMatchUserPrincipalName");
        assertThat(f.blockReasons()).isEmpty();
    }

    @Test
    void aPairOnlyTheUpnFinds_withSoftMatchOnUpnOff_isASoftMatchEntraWillNotMake_countedAsAConflictingAdd() {
        upnOnlyPair();

        try (ValidationReport report = run(UPN_OFF)) {
            ValidationFinding f = ReportRows.of(report).get(0);
            assertThat(f.outcome()).isEqualTo(MatchOutcome.SOFT_MATCH_ONLY);
            assertThat(f.cloudId()).isEqualTo("id-jane");
            assertThat(f.blockReasons()).containsExactly(BlockReason.SOFT_MATCH_ON_UPN_OFF);
            assertThat(f.note()).contains("SoftMatchOnUpn is off", "remediate-anchors");
            assertThat(report.prediction().conflictingAdds()).isEqualTo(1);
            assertThat(report.prediction().updates()).isZero();
            assertThat(report.summary().softMatchBlocks()).containsEntry(BlockReason.SOFT_MATCH_ON_UPN_OFF, 1L);
            assertThat(report.needsAttention()).isTrue();
        }
    }

    @Test
    void blockSoftMatch_stopsEverySoftMatch_namingTheTenantsBlock() {
        onPrem.add(ad("jane").build());
        cloud.add(entra("jane").immutableId((String) null).build());

        ValidationFinding f = only(SOFT_BLOCKED);

        assertThat(f.outcome()).isEqualTo(MatchOutcome.SOFT_MATCH_ONLY);
        assertThat(f.blockReasons()).containsExactly(BlockReason.TENANT_BLOCKS_SOFT_MATCH);
        assertThat(f.note()).contains("BlockSoftMatch");
    }

    @Test
    void aCloudUserHoldingAnotherImmutableId_isNeverSoftMatched_whateverTheFeatures() {
        for (SyncFeatures features : List.of(UPN_ON, UPN_OFF, SOFT_BLOCKED)) {
            onPrem.clear();
            cloud.clear();
            onPrem.add(ad("jane").proxyAddresses(List.of()).mail(null).build());
            cloud.add(entra("jane").immutableId(ValidationTest.bigEndianBase64(guidOf("jane"))).build());

            ValidationFinding f = only(features);

            assertThat(f.outcome()).as("%s", features).isEqualTo(MatchOutcome.ANCHOR_MISMATCH);
            assertThat(f.cause()).as("%s", features).isEqualTo(MismatchCause.BYTE_ORDER);
            assertThat(f.note()).contains("never soft-matches a user that holds an ImmutableID");
        }
    }

    @Test
    void thePrimarySmtpAddressComesFirst_soTheUpnNeverPairsWhenItMatches() {
        onPrem.add(ad("jane").build());
        cloud.add(entra("jane").immutableId((String) null).build());

        ValidationFinding f = only(UPN_ON);

        assertThat(f.outcome()).isEqualTo(MatchOutcome.SOFT_MATCH_ONLY);
        assertThat(f.rule()).isEqualTo("softMatchPrimarySmtp");
    }

    @Test
    void onlyThePrimarySmtpAddressCounts_notAnAlias() {
        onPrem.add(ad("jane").userPrincipalName("jane@corp.local")
                .proxyAddresses(List.of("SMTP:jane.doe@contoso.com", "smtp:jane@contoso.com")).build());
        cloud.add(entra("jane").immutableId((String) null).build());

        ValidationFinding f = findings(UPN_ON).get(0);

        assertThat(f.outcome()).as("the on-prem alias is the cloud's primary address: no soft match")
                .isEqualTo(MatchOutcome.ONPREM_ONLY);
        assertThat(f.uniquenessConflicts()).extracting(UniquenessConflict::attribute)
                .containsExactly(UniquenessConflict.PROXY_ADDRESSES);
    }

    @Test
    void anObjectWithoutProxyAddresses_foundOnlyByItsMail_needsAPerson() {
        onPrem.add(ad("jane").userPrincipalName("jane@corp.local").proxyAddresses(List.of()).build());
        cloud.add(entra("jane").immutableId((String) null).build());

        try (ValidationReport report = run(UPN_ON)) {
            ValidationFinding f = ReportRows.of(report).get(0);
            assertThat(f.outcome()).isEqualTo(MatchOutcome.AMBIGUOUS);
            assertThat(f.note()).contains("No Microsoft page documents a soft match on mail");
            assertThat(report.prediction().conflictingAdds()).isEqualTo(1);
        }
    }

    @Test
    void aSoftMatchOntoAnAdmin_isBlocked_andSoIsOneOntoAUserEligibleForARole() {
        onPrem.add(ad("root").build());
        onPrem.add(ad("pim").build());
        cloud.add(entra("root").immutableId((String) null).holdsAdminRole(true).build());
        cloud.add(entra("pim").immutableId((String) null).eligibleForAdminRole(true).build());

        List<ValidationFinding> rows = findings(UPN_ON);

        assertThat(rows).extracting(ValidationFinding::outcome).containsOnly(MatchOutcome.SOFT_MATCH_ONLY);
        assertThat(rows).extracting(ValidationFinding::blockReasons).containsExactly(
                java.util.Set.of(BlockReason.ADMIN_ROLE), java.util.Set.of(BlockReason.ELIGIBLE_ADMIN_ROLE));
    }

    private ValidationReport run(SyncFeatures features) {
        return Validation.builder().syncFeatures(features, "test").build()
                .run(OnPremDirectory.of("ad", onPrem), CloudDirectory.of("entra", cloud));
    }

    private List<ValidationFinding> findings(SyncFeatures features) {
        try (ValidationReport report = run(features)) {
            return ReportRows.of(report);
        }
    }

    private ValidationFinding only(SyncFeatures features) {
        List<ValidationFinding> rows = findings(features);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    static String anchor(String name) {
        return anchorOf(name);
    }
}
