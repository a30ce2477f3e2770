package dev.oktaentra.core.staging;

import static dev.oktaentra.core.staging.Fixtures.ANCHOR_A;
import static dev.oktaentra.core.staging.Fixtures.DN_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.match.BlockReason;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * With the opt-in removal of role holders' roles, release-role-holders clears a hard match blocked only by a
 * directory role before the cutover: the staging analysis names the user and the step instead of counting an
 * unexpected add. Without the opt-in, or with any other block reason, the add stays unexpected.
 */
class RoleHoldersReleasedTest {

    private static final SyntheticExport ADD_JANE = SyntheticExport.create().object(DN_A, "user").delta("add", DN_A)
            .attr("userPrincipalName", null, "jane@contoso.com").end();

    private static KnownUser blocked(BlockReason... reasons) {
        return KnownUser.builder().userPrincipalName("jane@contoso.com").distinguishedName("CN=Jane,DC=contoso,DC=com")
                .primarySmtpAddress("jane@contoso.com").cloudUserId("c0ffee00-0000-0000-0000-00000000000a")
                .cloudImmutableId(ImmutableId.of(ANCHOR_A)).expectedImmutableId(ImmutableId.of(ANCHOR_A))
                .outcome("HARD_MATCH_BLOCKED").holdsAdminRole(Set.of(reasons).contains(BlockReason.ADMIN_ROLE))
                .matchBlocked(true).blockReasons(Set.of(reasons)).build();
    }

    private static PendingExportReport analyse(KnownUser user, boolean released) {
        return PendingExportAnalyser.analyse(ADD_JANE.reader(), KnownUsers.of(List.of(user)),
                StagingChecks.defaults().withRoleHoldersReleased(released));
    }

    @Test
    void aHardMatchBlockedOnlyByRoles_withTheOptIn_isReleasedNotAnUnexpectedAdd() {
        PendingExportReport report = analyse(blocked(BlockReason.ADMIN_ROLE, BlockReason.ELIGIBLE_ADMIN_ROLE), true);

        assertThat(report.summary().unexpectedAdds()).isZero();
        assertThat(report.summary().noBlockingFindings()).isTrue();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.ROLE_HOLDER_RELEASED);
            assertThat(f.kind().blocksCutover()).isFalse();
            assertThat(f.userPrincipalName()).isEqualTo("jane@contoso.com");
            assertThat(f.detail() + " " + f.recommendedAction()).contains("release-role-holders");
        });
    }

    @Test
    void withoutTheOptIn_theRoleBlockedHardMatchStaysAnUnexpectedAdd() {
        PendingExportReport report = analyse(blocked(BlockReason.ELIGIBLE_ADMIN_ROLE), false);

        assertThat(report.summary().unexpectedAdds()).isEqualTo(1);
        assertThat(report.findings()).extracting(StagingFinding::kind)
                .containsExactly(StagingFindingKind.UNEXPECTED_ADD);
    }

    @Test
    void aBlockBesideTheRole_staysAnUnexpectedAdd_evenWithTheOptIn() {
        PendingExportReport report = analyse(blocked(BlockReason.ADMIN_ROLE, BlockReason.CLOUD_MANAGED), true);

        assertThat(report.summary().unexpectedAdds()).isEqualTo(1);
        assertThat(report.findings()).extracting(StagingFinding::kind)
                .containsExactly(StagingFindingKind.UNEXPECTED_ADD);
    }
}
