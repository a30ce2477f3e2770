package dev.oktaentra.core.staging;

import static dev.oktaentra.core.staging.Fixtures.ANCHOR_A;
import static dev.oktaentra.core.staging.Fixtures.ANCHOR_B;
import static dev.oktaentra.core.staging.Fixtures.ANCHOR_B_WRONG;
import static dev.oktaentra.core.staging.Fixtures.ANCHOR_C;
import static dev.oktaentra.core.staging.Fixtures.DN_A;
import static dev.oktaentra.core.staging.Fixtures.DN_B;
import static dev.oktaentra.core.staging.Fixtures.DN_C;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ImmutableId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingExportAnalyserTest {

    private static final String JANE_DN = "CN=Jane Doe,OU=Staff,DC=contoso,DC=com";

    private static KnownUser.Builder jane() {
        return KnownUser.builder().userPrincipalName("jane@contoso.com").distinguishedName(JANE_DN)
                .primarySmtpAddress("jane@contoso.com").cloudUserId("c0ffee00-0000-0000-0000-00000000000a")
                .cloudImmutableId(ImmutableId.of(ANCHOR_A)).expectedImmutableId(ImmutableId.of(ANCHOR_A))
                .outcome("MATCHED");
    }

    private static PendingExportReport analyse(SyntheticExport export, KnownUser... users) {
        return PendingExportAnalyser.analyse(export.reader(), KnownUsers.of(List.of(users)));
    }

    /** The procedure's example: Okta stamped {@code mail} in the cloud, AD has none; the update deletes it. */
    private static SyntheticExport mailDeletion() {
        return SyntheticExport.create().object(DN_A, "user").delta("update", DN_A)
                .attr("mail", "delete")
                .attr("displayName", "replace", "Jane Doe")
                .hologram("synchronized-hologram", DN_A, "sourceAnchor", ANCHOR_A,
                        "userPrincipalName", "jane@contoso.com", "mail", "jane@contoso.com", "displayName", "Jane")
                .end();
    }

    @Test
    void accept_countsOperationsPerObjectType() {
        SyntheticExport export = SyntheticExport.create()
                .object(DN_A, "user").delta("add", DN_A).attr("displayName", null, "a").end()
                .object(DN_B, "user").delta("update", DN_B).attr("displayName", "replace", "b").end()
                .object(DN_C, "user").delta("replace", DN_C, "CN={41}").attr("displayName", null, "c").end()
                .object("CN={42}", "group").delta("delete", "CN={42}").end()
                .object("CN={43}", "group").delta("delete-add", "CN={43}").end()
                .object("CN={44}", "contact").delta("add", "CN={44}").end()
                .object("CN={45}", "contact").end()
                .object("CN={46}", "user").delta("obsolete", "CN={46}").end();

        PendingExportSummary summary = analyse(export).summary();

        assertThat(summary.byObjectType()).containsExactly(
                Map.entry("contact", new OperationCounts(1, 0, 0, 0, 0)),
                Map.entry("group", new OperationCounts(0, 0, 1, 1, 0)),
                Map.entry("user", new OperationCounts(1, 2, 0, 0, 1)));
        assertThat(summary.adds()).isEqualTo(2);
        assertThat(summary.updates()).isEqualTo(2);
        assertThat(summary.deletes()).isEqualTo(1);
        assertThat(summary.deleteAdds()).isEqualTo(1);
        assertThat(summary.renames()).isEqualTo(1);
        assertThat(summary.objects()).isEqualTo(8);
        assertThat(analyse(export).objects()).hasSize(6);
    }

    @Test
    void accept_givesOldAndNewValuesOfEachAttribute() {
        SyntheticExport export = SyntheticExport.create().object(DN_A, "user").delta("update", DN_A)
                .attr("displayName", "replace", "Jane Q. Doe")
                .multi("proxyAddresses", "update", "add:smtp:jq@contoso.com")
                .hologram("synchronized-hologram", DN_A, "displayName", "Jane Doe",
                        "proxyAddresses", "SMTP:jane@contoso.com")
                .hologram("unapplied-export-hologram", DN_A, "displayName", "Jane Q. Doe",
                        "proxyAddresses", "SMTP:jane@contoso.com", "proxyAddresses", "smtp:jq@contoso.com",
                        "userPrincipalName", "jane@contoso.com")
                .end();

        ObjectChange change = analyse(export).objects().get(0);

        assertThat(change.userPrincipalName()).isEqualTo("jane@contoso.com");
        assertThat(change.sourceAnchor()).isEqualTo(ImmutableId.of(ANCHOR_A));
        assertThat(change.attributes()).containsExactly(
                new AttributeChange("displayName", AttributeOperation.REPLACE, List.of("Jane Doe"),
                        List.of("Jane Q. Doe"), List.of("Jane Q. Doe"), List.of(), false),
                new AttributeChange("proxyAddresses", AttributeOperation.UPDATE, List.of("SMTP:jane@contoso.com"),
                        List.of("SMTP:jane@contoso.com", "smtp:jq@contoso.com"), List.of("smtp:jq@contoso.com"),
                        List.of(), false));
        assertThat(change.findings()).isEmpty();
    }

    @Test
    void accept_mailDeletionWhoseOnPremValueIsEmpty_isABackfillCandidate() {
        PendingExportReport report = analyse(mailDeletion(), jane().onPremises("mail").build());

        assertThat(report.summary().attributeDeletions()).isEqualTo(1);
        assertThat(report.summary().backfillCandidates()).isEqualTo(1);
        StagingFinding finding = report.findings().get(0);
        assertThat(finding.kind()).isEqualTo(StagingFindingKind.BACKFILL_CANDIDATE);
        assertThat(finding.attribute()).isEqualTo("mail");
        assertThat(finding.match().matchedBy()).isEqualTo(MatchedBy.SOURCE_ANCHOR);
        assertThat(finding.recommendedAction()).isEqualTo("Before leaving staging mode, back-fill on-prem mail of "
                + "'jane@contoso.com' with the cloud value 'jane@contoso.com', or Entra Connect clears it in Entra ID.");
        assertThat(report.objects().get(0).attributeDeletions()).extracting(AttributeChange::name)
                .containsExactly("mail");
        assertThat(report.summary().noBlockingFindings()).isFalse();
    }

    @Test
    void accept_attributeDeletionWithOnPremValueOrUnknownValue_isFlaggedButNoBackfill() {
        PendingExportReport present = analyse(mailDeletion(), jane().onPremises("mail", "jane@contoso.com").build());
        PendingExportReport notRead = analyse(mailDeletion(), jane().build());
        PendingExportReport unmatched = analyse(mailDeletion());

        for (PendingExportReport report : List.of(present, notRead, unmatched)) {
            assertThat(report.summary().attributeDeletions()).isEqualTo(1);
            assertThat(report.summary().backfillCandidates()).isZero();
            assertThat(report.findings()).extracting(StagingFinding::kind)
                    .containsExactly(StagingFindingKind.ATTRIBUTE_DELETION);
        }
        assertThat(present.findings().get(0).recommendedAction()).startsWith("Check the sync rules");
        assertThat(present.findings().get(0).detail()).contains("although on-prem 'jane@contoso.com' holds");
        assertThat(notRead.findings().get(0).detail()).contains("was not read");
        assertThat(unmatched.findings().get(0).detail()).contains("no known user matches");
        assertThat(unmatched.findings().get(0).recommendedAction()).startsWith("Confirm that clearing mail");
    }

    @Test
    void accept_aliasDeletion_looksUpTheOnPremMailNickname() {
        SyntheticExport export = SyntheticExport.create().object(DN_A, "user").delta("update", DN_A)
                .attr("alias", "replace").multi("proxyAddresses", "update", "delete:smtp:jane@okta.example")
                .hologram("synchronized-hologram", DN_A, "alias", "jane", "proxyAddresses", "smtp:jane@okta.example")
                .end();

        PendingExportReport report = analyse(export, jane().onPremises("mailNickname").build());

        assertThat(report.findings()).extracting(StagingFinding::kind, StagingFinding::attribute).containsExactly(
                org.assertj.core.groups.Tuple.tuple(StagingFindingKind.BACKFILL_CANDIDATE, "alias"),
                org.assertj.core.groups.Tuple.tuple(StagingFindingKind.ATTRIBUTE_DELETION, "proxyAddresses"));
    }

    @Test
    void accept_addMatchingACloudUserByUpn_isAnUnexpectedAdd() {
        SyntheticExport export = SyntheticExport.create().object(DN_B, "user").delta("add", DN_B)
                .attr("userPrincipalName", null, "JANE@contoso.com").attr("sourceAnchor", null, ANCHOR_B).end();
        KnownUser cloudJane = jane().cloudImmutableId(ImmutableId.of(ANCHOR_B_WRONG)).expectedImmutableId(null).build();

        PendingExportReport report = analyse(export, cloudJane);

        assertThat(report.summary().unexpectedAdds()).isEqualTo(1);
        StagingFinding finding = report.findings().get(0);
        assertThat(finding.kind()).isEqualTo(StagingFindingKind.UNEXPECTED_ADD);
        assertThat(finding.match()).isEqualTo(new UserMatch(cloudJane, MatchedBy.USER_PRINCIPAL_NAME));
        assertThat(finding.detail()).contains("holds ImmutableID '" + ANCHOR_B_WRONG + "'")
                .contains("presents sourceAnchor '" + ANCHOR_B + "'");
        assertThat(finding.recommendedAction()).isEqualTo("Before leaving staging mode, set the ImmutableID of cloud "
                + "user 'jane@contoso.com' to '" + ANCHOR_B + "' so that Entra Connect hard-matches it instead of "
                + "creating a duplicate.");
    }

    @Test
    void accept_addMatchingACloudUserWithoutAnchorByPrimarySmtp_isASoftMatchNotADuplicate() {
        SyntheticExport export = SyntheticExport.create().object(DN_B, "user").delta("add", DN_B)
                .attr("userPrincipalName", null, "jdoe@contoso.onmicrosoft.com")
                .attr("proxyAddresses", null, "smtp:other@contoso.com", "SMTP:Jane@Contoso.com").end();
        KnownUser cloudOnly = KnownUser.builder().userPrincipalName("jane@contoso.com")
                .primarySmtpAddress("jane@contoso.com").cloudUserId("id-1").outcome("OUT_OF_SCOPE").build();

        PendingExportReport report = analyse(export, cloudOnly);

        assertThat(report.findings()).isEmpty();
        assertThat(report.summary().softMatches()).isEqualTo(1);
        assertThat(report.summary().unexpectedAdds()).isZero();
    }

    @Test
    void accept_addMatchingAnAdminWithoutAnchorByPrimarySmtp_isAnUnexpectedAdd() {
        SyntheticExport export = SyntheticExport.create().object(DN_B, "user").delta("add", DN_B)
                .attr("userPrincipalName", null, "jdoe@contoso.onmicrosoft.com")
                .attr("proxyAddresses", null, "smtp:other@contoso.com", "SMTP:Jane@Contoso.com").end();
        KnownUser admin = KnownUser.builder().userPrincipalName("jane@contoso.com")
                .primarySmtpAddress("jane@contoso.com").cloudUserId("id-1").outcome("OUT_OF_SCOPE")
                .holdsAdminRole(true).build();

        PendingExportReport report = analyse(export, admin);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.UNEXPECTED_ADD);
            assertThat(f.match().matchedBy()).isEqualTo(MatchedBy.PRIMARY_SMTP_ADDRESS);
            assertThat(f.detail()).contains("holds no ImmutableID");
            assertThat(f.sourceAnchor()).isEqualTo(ImmutableId.of(ANCHOR_B));
        });
    }

    /** Issue 16: what the validation found Entra ID will refuse is a duplicate in the making, not a match. */
    @Test
    void accept_addMeetingAUserTheValidationFoundBlockedOrOnlyACustomRulePairs_isAnUnexpectedAdd() {
        SyntheticExport export = SyntheticExport.create()
                .object(DN_A, "user").delta("add", DN_A).attr("userPrincipalName", null, "jane@contoso.com").end()
                .object(DN_B, "user").delta("add", DN_B)
                .attr("proxyAddresses", null, "SMTP:Bea@Contoso.com").end();
        KnownUser eligible = jane().outcome("HARD_MATCH_BLOCKED").matchBlocked(true).build();
        KnownUser custom = KnownUser.builder().userPrincipalName("bea@contoso.com")
                .primarySmtpAddress("bea@contoso.com").cloudUserId("id-bea").outcome("CUSTOM_MATCH_ONLY").build();

        PendingExportReport report = analyse(export, eligible, custom);

        assertThat(report.summary().unexpectedAdds()).isEqualTo(2);
        assertThat(report.summary().softMatches()).isZero();
        assertThat(report.findings()).extracting(StagingFinding::kind).containsOnly(StagingFindingKind.UNEXPECTED_ADD);
    }

    @Test
    void accept_addWhoseAnchorIsExpectedForACloudUserWithAnotherImmutableId_isAnUnexpectedAdd() {
        SyntheticExport export = SyntheticExport.create().object(DN_B, "user").delta("add", DN_B)
                .attr("userPrincipalName", null, "new-upn@contoso.com").end();
        KnownUser mismatch = jane().expectedImmutableId(ImmutableId.of(ANCHOR_B))
                .cloudImmutableId(ImmutableId.of(ANCHOR_B_WRONG)).outcome("ANCHOR_MISMATCH").build();

        PendingExportReport report = analyse(export, mismatch);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.UNEXPECTED_ADD);
            assertThat(f.match().matchedBy()).isEqualTo(MatchedBy.SOURCE_ANCHOR);
        });
    }

    @Test
    void accept_addThatHardMatchesOrIsANewUser_isNoFinding() {
        SyntheticExport export = SyntheticExport.create()
                .object(DN_A, "user").delta("add", DN_A).attr("userPrincipalName", null, "jane@contoso.com").end()
                .object(DN_C, "user").delta("add", DN_C).attr("userPrincipalName", null, "newbie@contoso.com").end();
        KnownUser newbie = KnownUser.builder().userPrincipalName("newbie@contoso.com")
                .distinguishedName("CN=Newbie,DC=contoso,DC=com").expectedImmutableId(ImmutableId.of(ANCHOR_C))
                .outcome("ON_PREM_ONLY").build();

        PendingExportReport report = analyse(export, jane().build(), newbie);

        assertThat(report.findings()).isEmpty();
        assertThat(report.summary().unexpectedAdds()).isZero();
        assertThat(report.objects()).extracting(o -> o.match().matchedBy())
                .containsExactly(MatchedBy.SOURCE_ANCHOR, MatchedBy.SOURCE_ANCHOR);
        assertThat(report.summary().noBlockingFindings()).isTrue();
    }

    @Test
    void accept_addPrefersTheCloudRowOverAnOnPremOnlyRow() {
        SyntheticExport export = SyntheticExport.create().object(DN_C, "user").delta("add", DN_C)
                .attr("userPrincipalName", null, "jane@contoso.com").end();
        KnownUser onPremOnly = KnownUser.builder().userPrincipalName("jane@contoso.com").distinguishedName(JANE_DN)
                .expectedImmutableId(ImmutableId.of(ANCHOR_C)).outcome("ON_PREM_ONLY").build();
        KnownUser cloudOnly = KnownUser.builder().userPrincipalName("jane@contoso.com").cloudUserId("id-9")
                .cloudImmutableId(ImmutableId.of(ANCHOR_B)).outcome("CLOUD_ONLY").build();

        PendingExportReport report = analyse(export, onPremOnly, cloudOnly);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.UNEXPECTED_ADD);
            assertThat(f.match().user()).isEqualTo(cloudOnly);
        });
    }

    @Test
    void accept_deleteOfAUserStillOnPrem_isAnUnexpectedDelete() {
        SyntheticExport export = SyntheticExport.create().object(DN_A, "user").delta("delete", DN_A)
                .hologram("synchronized-hologram", DN_A, "userPrincipalName", "jane@contoso.com").end();

        PendingExportReport report = analyse(export, jane().build());

        assertThat(report.summary().deletes()).isEqualTo(1);
        assertThat(report.summary().unexpectedDeletes()).isEqualTo(1);
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StagingFindingKind.UNEXPECTED_DELETE);
            assertThat(f.userPrincipalName()).isEqualTo("jane@contoso.com");
            assertThat(f.detail()).contains("still exists on-prem as '" + JANE_DN + "'");
            assertThat(f.recommendedAction()).contains("do not leave staging mode while this delete is pending");
        });
    }

    @Test
    void accept_deleteOrDeleteAddOfASyncedUserGoneFromOnPrem_isAnUnexpectedDelete() {
        SyntheticExport export = SyntheticExport.create()
                .object(DN_A, "user").delta("delete", DN_A).end()
                .object(DN_B, "user").delta("delete-add", DN_B)
                .hologram("synchronized-hologram", DN_B, "proxyAddresses", "SMTP:bob@contoso.com").end();
        KnownUser synced = jane().distinguishedName(null).outcome("CLOUD_ONLY").build();
        KnownUser bob = KnownUser.builder().userPrincipalName("bob@contoso.com").primarySmtpAddress("bob@contoso.com")
                .distinguishedName("CN=Bob,DC=contoso,DC=com").build();

        PendingExportReport report = analyse(export, synced, bob);

        assertThat(report.findings()).extracting(StagingFinding::kind, f -> f.match().matchedBy()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(StagingFindingKind.UNEXPECTED_DELETE, MatchedBy.SOURCE_ANCHOR),
                org.assertj.core.groups.Tuple.tuple(StagingFindingKind.UNEXPECTED_DELETE,
                        MatchedBy.PRIMARY_SMTP_ADDRESS));
        assertThat(report.findings().get(0).detail()).contains("which no on-prem object explains");
        assertThat(report.findings().get(1).detail()).startsWith("A delete-add (delete and re-create)");
        assertThat(report.summary().unexpectedDeletes()).isEqualTo(2);
    }

    @Test
    void accept_exportErrorsAndRejectedObjects_becomeFindings() {
        SyntheticExport export = SyntheticExport.create()
                .object(DN_A, "user").delta("update", DN_A).attr("displayName", "replace", "x")
                .exportError("AttributeValueMustBeUnique", "duplicate proxy address").end()
                .object(null, "user").end();

        PendingExportReport report = analyse(export);

        assertThat(report.summary().exportErrors()).isEqualTo(1);
        assertThat(report.summary().rejected()).isEqualTo(1);
        assertThat(report.summary().objects()).isEqualTo(2);
        assertThat(report.findings()).extracting(StagingFinding::kind)
                .containsExactly(StagingFindingKind.EXPORT_ERROR, StagingFindingKind.UNREADABLE_OBJECT);
        assertThat(report.findings().get(0).detail()).isEqualTo("AttributeValueMustBeUnique: duplicate proxy address");
        assertThat(report.findings().get(1).recommendedAction()).startsWith("Inspect the object at line ")
                .contains("synthetic.xml");
        assertThat(report.findings(StagingFindingKind.EXPORT_ERROR)).hasSize(1);
    }

    @Test
    void streaming_keepsCountsAndFindingsButNoObjects() {
        PendingExportAnalyser analyser = PendingExportAnalyser.streaming(KnownUsers.of(List.of(
                jane().onPremises("mail").build())));
        try (PendingExportReader reader = mailDeletion().reader()) {
            while (reader.hasNext()) {
                assertThat(analyser.accept(reader.next())).hasValueSatisfying(
                        change -> assertThat(change.attributeDeletions()).hasSize(1));
            }
        }

        PendingExportReport report = analyser.report();

        assertThat(report.objectsRetained()).isFalse();
        assertThat(report.objects()).isEmpty();
        assertThat(report.summary().backfillCandidates()).isEqualTo(1);
        assertThat(report.findings()).hasSize(1);
    }

    @Test
    void accept_addOrDeleteNeverFlagsAttributeDeletions() {
        SyntheticExport export = SyntheticExport.create()
                .object(DN_A, "user").delta("add", DN_A).attr("mail", "delete").end()
                .object(DN_B, "user").delta("delete", DN_B).attr("mail", "delete").end();

        assertThat(analyse(export).summary().attributeDeletions()).isZero();
    }
}
