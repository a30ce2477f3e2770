package dev.oktaentra.core.staging;

import static dev.oktaentra.core.staging.Fixtures.ANCHOR_A;
import static dev.oktaentra.core.staging.Fixtures.ANCHOR_B;
import static dev.oktaentra.core.staging.Fixtures.DN_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.match.BlockReason;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An update that changes the object's anchors, or that writes to a cloud user whose takeover Entra ID blocks, is not
 * a safe update: the sourceAnchor is immutable (plan-connect-design-concepts), a cloud-managed user refuses updates
 * from on-prem (onPremisesSyncBehavior), and onPremisesObjectIdentifier cannot be remapped (MC1263280).
 */
class PendingUpdatesTest {

    private static final SyntheticExport RENAME_JANE = SyntheticExport.create().object(DN_A, "user")
            .delta("update", DN_A).attr("displayName", "replace", "Jane Q. Doe")
            .hologram("synchronized-hologram", DN_A, "sourceAnchor", ANCHOR_A, "userPrincipalName", "jane@contoso.com",
                    "displayName", "Jane Doe")
            .end();

    private static KnownUser.Builder jane() {
        return KnownUser.builder().userPrincipalName("jane@contoso.com").distinguishedName("CN=Jane,DC=contoso,DC=com")
                .primarySmtpAddress("jane@contoso.com").cloudUserId("id-jane")
                .cloudImmutableId(ImmutableId.of(ANCHOR_A)).expectedImmutableId(ImmutableId.of(ANCHOR_A))
                .outcome("MATCHED");
    }

    private static KnownUser blocked(BlockReason... reasons) {
        return jane().outcome("HARD_MATCH_BLOCKED").matchBlocked(true).blockReasons(Set.of(reasons))
                .holdsAdminRole(Set.of(reasons).contains(BlockReason.ADMIN_ROLE)).build();
    }

    private static PendingExportReport analyse(SyntheticExport export, StagingChecks checks, KnownUser... users) {
        return PendingExportAnalyser.analyse(export.reader(), KnownUsers.of(List.of(users)), checks);
    }

    @Test
    void updateThatChangesTheSourceAnchor_isARefusedUpdate() {
        SyntheticExport export = SyntheticExport.create().object(DN_A, "user").delta("update", DN_A)
                .attr("sourceAnchor", "replace", ANCHOR_B)
                .hologram("synchronized-hologram", DN_A, "sourceAnchor", ANCHOR_A, "userPrincipalName",
                        "jane@contoso.com")
                .end();

        PendingExportReport report = analyse(export, StagingChecks.defaults(), jane().build());

        assertThat(report.summary().noBlockingFindings()).isFalse();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.REFUSED_UPDATE);
            assertThat(f.attribute()).isEqualTo("sourceAnchor");
            assertThat(f.detail()).contains(ANCHOR_A).contains(ANCHOR_B);
        });
    }

    @Test
    void updateThatChangesTheCloudAnchor_isARefusedUpdate() {
        SyntheticExport export = SyntheticExport.create().object(DN_A, "user").delta("update", DN_A)
                .attr("cloudAnchor", "replace", "User_00000000-0000-0000-0000-00000000000b")
                .hologram("synchronized-hologram", DN_A, "sourceAnchor", ANCHOR_A,
                        "cloudAnchor", "User_00000000-0000-0000-0000-00000000000a")
                .end();

        PendingExportReport report = analyse(export, StagingChecks.defaults(), jane().build());

        assertThat(report.findings()).extracting(StagingFinding::kind, StagingFinding::attribute)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StagingFindingKind.REFUSED_UPDATE, "cloudAnchor"));
    }

    @Test
    void updateOfACloudManagedUserOrOneWhoseObjectIdentifierIsSet_isARefusedUpdate() {
        for (BlockReason reason : List.of(BlockReason.CLOUD_MANAGED, BlockReason.ON_PREM_OBJECT_IDENTIFIER)) {
            PendingExportReport report = analyse(RENAME_JANE, StagingChecks.defaults(), blocked(reason));

            assertThat(report.summary().noBlockingFindings()).as(reason.name()).isFalse();
            assertThat(report.findings()).as(reason.name()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(StagingFindingKind.REFUSED_UPDATE);
                assertThat(f.detail()).contains(reason.name());
            });
        }
    }

    @Test
    void updateOfARoleHolder_isRefused_unlessReleaseRoleHoldersRemovesTheRoles() {
        KnownUser admin = blocked(BlockReason.ADMIN_ROLE, BlockReason.ELIGIBLE_ADMIN_ROLE);

        PendingExportReport kept = analyse(RENAME_JANE, StagingChecks.defaults(), admin);
        PendingExportReport released = analyse(RENAME_JANE, StagingChecks.defaults().withRoleHoldersReleased(true),
                admin);

        assertThat(kept.findings()).extracting(StagingFinding::kind)
                .containsExactly(StagingFindingKind.REFUSED_UPDATE);
        assertThat(released.findings()).extracting(StagingFinding::kind)
                .containsExactly(StagingFindingKind.ROLE_HOLDER_RELEASED);
        assertThat(released.summary().noBlockingFindings()).isTrue();
    }

    @Test
    void updateOfAUserWhoseOnlyBlockIsAMatchingFeature_isNoFinding() {
        PendingExportReport report = analyse(RENAME_JANE, StagingChecks.defaults(),
                blocked(BlockReason.TENANT_BLOCKS_HARD_MATCH));

        assertThat(report.findings()).isEmpty();
        assertThat(report.summary().noBlockingFindings()).isTrue();
    }
}
