package dev.oktaentra.core.staging;

import static dev.oktaentra.core.staging.Fixtures.ANCHOR_A;
import static dev.oktaentra.core.staging.Fixtures.DN_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ImmutableId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An update that takes some proxy addresses out while putting others in loses the ones taken out: mail to a removed
 * SMTP alias bounces after the cutover. The analysis names each lost value, as it does a whole attribute's deletion.
 */
class LostProxyAddressesTest {

    private static KnownUser.Builder jane() {
        return KnownUser.builder().userPrincipalName("jane@contoso.com")
                .distinguishedName("CN=Jane Doe,OU=Staff,DC=contoso,DC=com").primarySmtpAddress("jane@contoso.com")
                .cloudUserId("c0ffee00-0000-0000-0000-00000000000a").cloudImmutableId(ImmutableId.of(ANCHOR_A))
                .expectedImmutableId(ImmutableId.of(ANCHOR_A)).outcome("MATCHED");
    }

    private static PendingExportReport analyse(SyntheticExport export, KnownUser... users) {
        return PendingExportAnalyser.analyse(export.reader(), KnownUsers.of(List.of(users)));
    }

    /** {@code operation="update"}: one alias deleted, another added (domain.md §2.2). */
    private static SyntheticExport swapsAnAlias() {
        return SyntheticExport.create().object(DN_A, "user").delta("update", DN_A)
                .multi("proxyAddresses", "update", "delete:smtp:jane@okta.example", "add:smtp:jq@contoso.com")
                .hologram("synchronized-hologram", DN_A, "userPrincipalName", "jane@contoso.com",
                        "proxyAddresses", "SMTP:jane@contoso.com", "proxyAddresses", "smtp:jane@okta.example")
                .end();
    }

    @Test
    void updateThatDeletesOneAliasAndAddsAnother_namesTheLostAlias() {
        PendingExportReport report = analyse(swapsAnAlias(), jane().build());

        assertThat(report.summary().attributeDeletions()).isEqualTo(1);
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.ATTRIBUTE_DELETION);
            assertThat(f.attribute()).isEqualTo("proxyAddresses");
            assertThat(f.detail()).contains("smtp:jane@okta.example").contains("'jane@contoso.com'")
                    .contains("were not read").doesNotContain("jq@contoso.com");
        });
        assertThat(report.summary().noBlockingFindings()).isTrue();
    }

    @Test
    void replaceThatDropsAnAddressTheCloudHolds_namesTheLostAddress() {
        SyntheticExport export = SyntheticExport.create().object(DN_A, "user").delta("update", DN_A)
                .attr("proxyAddresses", "replace", "SMTP:jane@contoso.com", "smtp:new@contoso.com")
                .hologram("synchronized-hologram", DN_A, "userPrincipalName", "jane@contoso.com",
                        "proxyAddresses", "SMTP:jane@contoso.com", "proxyAddresses", "smtp:jane@okta.example")
                .end();

        PendingExportReport report = analyse(export, jane().build());

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.ATTRIBUTE_DELETION);
            assertThat(f.detail()).contains("smtp:jane@okta.example").doesNotContain("new@contoso.com");
        });
        assertThat(report.summary().attributeDeletions()).isEqualTo(1);
    }

    /** As for a whole deletion whose on-prem value is empty: the address has to be copied on-prem first. */
    @Test
    void lostAliasTheOnPremUserLacks_isABlockingBackfillCandidate() {
        KnownUser read = jane().onPremises("proxyAddresses", "SMTP:jane@contoso.com", "smtp:jq@contoso.com").build();

        PendingExportReport report = analyse(swapsAnAlias(), read);

        assertThat(report.summary().backfillCandidates()).isEqualTo(1);
        assertThat(report.summary().noBlockingFindings()).isFalse();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.BACKFILL_CANDIDATE);
            assertThat(f.attribute()).isEqualTo("proxyAddresses");
            assertThat(f.recommendedAction()).contains("smtp:jane@okta.example").contains("'jane@contoso.com'");
        });
    }

    /** An update that only deletes an alias, the primary staying, loses that alias just the same. */
    @Test
    void updateThatOnlyDeletesAnAliasTheOnPremUserLacks_isABackfillCandidateToo() {
        SyntheticExport export = SyntheticExport.create().object(DN_A, "user").delta("update", DN_A)
                .multi("proxyAddresses", "update", "delete:smtp:jane@okta.example")
                .hologram("synchronized-hologram", DN_A, "proxyAddresses", "SMTP:jane@contoso.com",
                        "proxyAddresses", "smtp:jane@okta.example")
                .end();

        PendingExportReport report = analyse(export, jane().onPremises("proxyAddresses", "SMTP:jane@contoso.com")
                .build());

        assertThat(report.summary().attributeDeletions()).isEqualTo(1);
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.BACKFILL_CANDIDATE);
            assertThat(f.recommendedAction()).contains("smtp:jane@okta.example");
        });
    }

    @Test
    void lostAliasTheOnPremUserHolds_isAnAttributeDeletionToCheckTheSyncRules() {
        KnownUser holds = jane().onPremises("proxyAddresses", "SMTP:jane@contoso.com", "smtp:jane@okta.example")
                .build();

        PendingExportReport report = analyse(swapsAnAlias(), holds);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.ATTRIBUTE_DELETION);
            assertThat(f.recommendedAction()).startsWith("Check the sync rules");
        });
    }

    @Test
    void primaryAddressDemotedToAnAlias_losesNothing() {
        SyntheticExport export = SyntheticExport.create().object(DN_A, "user").delta("update", DN_A)
                .multi("proxyAddresses", "update", "delete:SMTP:jane@contoso.com", "add:smtp:jane@contoso.com",
                        "add:SMTP:jane.doe@contoso.com")
                .hologram("synchronized-hologram", DN_A, "proxyAddresses", "SMTP:jane@contoso.com")
                .end();

        PendingExportReport report = analyse(export, jane().build());

        assertThat(report.findings()).isEmpty();
        assertThat(report.summary().attributeDeletions()).isZero();
    }

    @Test
    void newPrimaryReplacingTheOldOne_losesTheOldPrimary() {
        // domain.md §2.4's skeleton: SMTP:john@ is deleted, SMTP:jdoe@ added, john@ kept nowhere.
        SyntheticExport export = SyntheticExport.create().object(DN_A, "user").delta("update", DN_A)
                .multi("proxyAddresses", "update", "add:SMTP:jdoe@contoso.com", "delete:SMTP:john@contoso.com")
                .end();

        PendingExportReport report = analyse(export, jane().build());

        assertThat(report.findings()).singleElement().satisfies(f ->
                assertThat(f.detail()).contains("SMTP:john@contoso.com"));
    }

    @Test
    void removedNonSmtpValues_areListedBesideTheAddresses() {
        SyntheticExport export = SyntheticExport.create().object(DN_A, "user").delta("update", DN_A)
                .multi("proxyAddresses", "update", "delete:smtp:jane@okta.example",
                        "delete:X500:/o=Okta/ou=Exchange/cn=Recipients/cn=jane", "delete:SIP:jane@okta.example",
                        "add:smtp:jq@contoso.com")
                .end();

        PendingExportReport report = analyse(export, jane().build());

        assertThat(report.findings()).singleElement().satisfies(f -> assertThat(f.detail())
                .contains("smtp:jane@okta.example").contains("X500:/o=Okta/ou=Exchange/cn=Recipients/cn=jane")
                .contains("SIP:jane@okta.example"));
    }

    @Test
    void addsOnly_orAnAddOfANewUser_loseNothing() {
        SyntheticExport export = SyntheticExport.create()
                .object(DN_A, "user").delta("update", DN_A)
                .multi("proxyAddresses", "update", "add:smtp:jq@contoso.com").end()
                .object(Fixtures.DN_C, "user").delta("add", Fixtures.DN_C)
                .attr("proxyAddresses", null, "SMTP:newbie@contoso.com", "smtp:nb@contoso.com").end();

        assertThat(analyse(export, jane().build()).findings()).isEmpty();
    }
}
