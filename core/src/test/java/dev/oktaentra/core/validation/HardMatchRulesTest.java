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
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.match.TargetEngine;
import dev.oktaentra.core.tenant.SyncFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hard match under the rules of 2026 and the anchor the target engine computes. The blocked cases are the rows of
 * Microsoft's "Hard match scenarios and recovery paths" table (how-to-connect-install-existing-tenant, ms.date
 * 07/01/2026): "The target cloud user has a privileged role assigned | Hard match blocked", "... is eligible for a
 * privileged role | Hard match blocked", "... already has onPremisesObjectIdentifier set | Remap blocked"; and
 * onPremisesSyncBehavior's "If true, updates from on-premises Active Directory are blocked in the cloud".
 */
class HardMatchRulesTest {

    private static final SyncFeatures WINDOW_OPEN = new SyncFeatures(false, false, true, false);

    private final List<OnPremUser> onPrem = new ArrayList<>();
    private final List<CloudUser> cloud = new ArrayList<>();

    @Test
    void eachRowOfMicrosoftsRecoveryTable_blocksTheHardMatch_withItsReasonAndRecoveryPath() {
        onPrem.add(ad("role").build());
        onPrem.add(ad("pim").build());
        onPrem.add(ad("mapped").build());
        onPrem.add(ad("cloudsoa").build());
        cloud.add(entra("role").holdsAdminRole(true).build());
        cloud.add(entra("pim").eligibleForAdminRole(true).build());
        cloud.add(entra("mapped").onPremisesObjectIdentifier(guidOf("elsewhere").toString()).build());
        cloud.add(entra("cloudsoa").cloudManaged(true).build());

        try (ValidationReport report = run(WINDOW_OPEN)) {
            List<ValidationFinding> rows = ReportRows.of(report);
            assertThat(rows).extracting(ValidationFinding::outcome).containsOnly(MatchOutcome.HARD_MATCH_BLOCKED);
            assertThat(rows).extracting(ValidationFinding::blockReasons).containsExactly(
                    Set.of(BlockReason.ADMIN_ROLE), Set.of(BlockReason.ELIGIBLE_ADMIN_ROLE),
                    Set.of(BlockReason.ON_PREM_OBJECT_IDENTIFIER), Set.of(BlockReason.CLOUD_MANAGED));
            // "Temporarily remove the eligibility, complete the hard match, then restore it."
            assertThat(rows.get(1).note()).contains("remove the eligibility for the matching window, complete the "
                    + "hard match, then restore it");
            // "clear onPremisesObjectIdentifier to null, then rerun synchronization"
            assertThat(rows.get(2).note()).contains("{\"onPremisesObjectIdentifier\": null}");
            assertThat(rows.get(3).note()).contains("isCloudManaged");
            assertThat(report.prediction().conflictingAdds()).isEqualTo(4);
            assertThat(report.prediction().updates()).isZero();
            assertThat(report.summary().hardMatchBlocks()).containsEntry(BlockReason.ELIGIBLE_ADMIN_ROLE, 1L)
                    .containsEntry(BlockReason.CLOUD_MANAGED, 1L).containsEntry(BlockReason.TENANT_BLOCKS_HARD_MATCH,
                            0L);
            assertThat(report.needsAttention()).isTrue();
        }
    }

    @Test
    void theTemporaryAllowance_letsASetOnPremisesObjectIdentifierBeRemapped() {
        onPrem.add(ad("mapped").build());
        cloud.add(entra("mapped").onPremisesObjectIdentifier(guidOf("elsewhere").toString()).build());

        ValidationFinding f = findings(new SyncFeatures(false, false, true, true)).get(0);

        assertThat(f.outcome()).isEqualTo(MatchOutcome.MATCHED);
    }

    @Test
    void theTenantsHardMatchBlock_blocksEveryHardMatch() {
        onPrem.add(ad("jane").build());
        cloud.add(entra("jane").build());

        ValidationFinding f = findings(new SyncFeatures(false, true, true, false)).get(0);

        assertThat(f.outcome()).isEqualTo(MatchOutcome.HARD_MATCH_BLOCKED);
        assertThat(f.blockReasons()).containsExactly(BlockReason.TENANT_BLOCKS_HARD_MATCH);
        assertThat(f.note()).contains("open-matching-window");
    }

    /**
     * "For any given on-premises AD User object whose ms-DS-ConsistencyGuid attribute isn't populated, Microsoft
     * Entra Connect writes its objectGUID value back" - and one whose attribute is populated presents that value.
     */
    @Test
    void aStaleConsistencyGuid_isAnAnchorMismatch_namingWhichSideToChange() {
        onPrem.add(ad("jane").consistencyGuid(guidOf("admt-jane")).build());
        cloud.add(entra("jane").build());

        try (ValidationReport report = run(WINDOW_OPEN)) {
            ValidationFinding f = ReportRows.of(report).get(0);
            assertThat(f.outcome()).isEqualTo(MatchOutcome.ANCHOR_MISMATCH);
            assertThat(f.cause()).isEqualTo(MismatchCause.CONSISTENCY_GUID_DIFFERS);
            assertThat(f.expectedImmutableId()).isEqualTo(anchorOf("admt-jane"));
            assertThat(f.note()).contains("mS-DS-ConsistencyGuid is set to " + guidOf("admt-jane"),
                    "clear it on-prem", "set the cloud user's onPremisesImmutableId to " + anchorOf("admt-jane"));
            assertThat(report.causes()).containsEntry(MismatchCause.CONSISTENCY_GUID_DIFFERS, 1L);
            assertThat(report.prediction().conflictingAdds()).isEqualTo(1);
        }
    }

    @Test
    void theSameUser_matchesWhenConnectIsInstalledWithObjectGuid() {
        onPrem.add(ad("jane").consistencyGuid(guidOf("admt-jane")).build());
        cloud.add(entra("jane").build());

        try (ValidationReport report = Validation.builder().targetEngine(TargetEngine.connectSync(
                SourceAnchor.objectGuid())).build().run(OnPremDirectory.of("ad", onPrem),
                CloudDirectory.of("entra", cloud))) {
            assertThat(ReportRows.of(report).get(0).outcome()).isEqualTo(MatchOutcome.MATCHED);
        }
    }

    /** Cloud sync: "It uses ms-DS-ConsistencyGuid if present, otherwise ObjectGUID is used." */
    @Test
    void cloudSync_presentsAConsistencyGuidWhereSet_andAppliesNoConnectScopeRule() {
        onPrem.add(ad("jane").consistencyGuid(guidOf("admt-jane")).build());
        onPrem.add(ad("MSOL_0a1b2c").build());
        cloud.add(entra("jane").build());

        try (ValidationReport report = Validation.builder().targetEngine(TargetEngine.cloudSync()).build()
                .run(OnPremDirectory.of("ad", onPrem), CloudDirectory.of("entra", cloud))) {
            List<ValidationFinding> rows = ReportRows.of(report);
            assertThat(rows).extracting(ValidationFinding::outcome).containsExactly(MatchOutcome.ANCHOR_MISMATCH,
                    MatchOutcome.ONPREM_ONLY);
            assertThat(rows.get(0).note()).contains("Entra cloud sync presents");
        }
    }

    /**
     * Entra ID matches an incoming object on its sourceAnchor first and soft-matches only when no cloud user holds it
     * (how-to-connect-install-existing-tenant, "Hard match vs soft match"; domain.md section 3.1): whatever order the
     * operator lists the rules in, the user holding the anchor is the one Entra takes over.
     */
    @Test
    void theHardMatchComesFirst_evenWhenASoftRuleIsListedBeforeIt() {
        onPrem.add(ad("jane").proxyAddresses(List.of("SMTP:jane.doe@contoso.com")).build());
        cloud.add(entra("upnholder").userPrincipalName("jane@contoso.com").immutableId((String) null).build());
        cloud.add(entra("jane").id("id-anchor").userPrincipalName("j.doe@contoso.com")
                .proxyAddresses(List.of("SMTP:j.doe@contoso.com")).build());

        List<ValidationFinding> rows = findings(Validation.builder().syncFeatures(WINDOW_OPEN, "test")
                .rules(MatchRule.softMatchUserPrincipalName(), MatchRule.hardMatch(SourceAnchor.consistencyGuid())));

        assertThat(rows.get(0).outcome()).isEqualTo(MatchOutcome.MATCHED);
        assertThat(rows.get(0).cloudId()).isEqualTo("id-anchor");
        assertThat(rows.get(0).uniquenessConflicts()).extracting(UniquenessConflict::holderId)
                .containsExactly("id-upnholder");
    }

    /** The same rule when the operator lists no hard rule at all: Entra applies its hard match all the same. */
    @Test
    void withoutAHardRuleListed_entraStillHardMatchesTheAnchorsHolder() {
        onPrem.add(ad("jane").build());
        cloud.add(entra("smtpholder").userPrincipalName("a@contoso.com").immutableId((String) null)
                .proxyAddresses(List.of("SMTP:jane@contoso.com")).build());
        cloud.add(entra("jane").id("id-anchor").userPrincipalName("j.doe@contoso.com")
                .proxyAddresses(List.of("SMTP:j.doe@contoso.com")).build());

        List<ValidationFinding> rows = findings(Validation.builder().syncFeatures(WINDOW_OPEN, "test")
                .rules(MatchRule.softMatchPrimarySmtp()));

        assertThat(rows.get(0).outcome()).isEqualTo(MatchOutcome.MATCHED);
        assertThat(rows.get(0).cloudId()).isEqualTo("id-anchor");
        assertThat(rows.get(0).rule()).isEqualTo("hardMatch(mS-DS-ConsistencyGuid)");
    }

    /**
     * A hard rule built on objectGUID while Connect is installed with mS-DS-ConsistencyGuid: Connect exports the
     * consistency GUID ("configure its ms-DS-ConsistencyGuid attribute before it's imported", plan-connect-design-concepts),
     * so the hard match is made on it, not on the rule's own anchor.
     */
    @Test
    void aHardRuleOnAnotherAnchorThanTheEngines_matchesOnTheAnchorTheEngineExports() {
        onPrem.add(ad("jane").consistencyGuid(guidOf("admt-jane")).build());
        cloud.add(entra("jane").build());

        List<ValidationFinding> rows = findings(Validation.builder().syncFeatures(WINDOW_OPEN, "test")
                .rules(MatchRule.hardMatch(SourceAnchor.objectGuid()), MatchRule.softMatchPrimarySmtp()));

        assertThat(rows.get(0).outcome()).isEqualTo(MatchOutcome.ANCHOR_MISMATCH);
        assertThat(rows.get(0).cause()).isEqualTo(MismatchCause.CONSISTENCY_GUID_DIFFERS);
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

    private List<ValidationFinding> findings(Validation.Builder validation) {
        try (ValidationReport report = validation.build().run(OnPremDirectory.of("ad", onPrem),
                CloudDirectory.of("entra", cloud))) {
            return ReportRows.of(report);
        }
    }
}
