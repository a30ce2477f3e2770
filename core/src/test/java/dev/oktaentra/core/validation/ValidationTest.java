package dev.oktaentra.core.validation;

import static dev.oktaentra.core.validation.Users.ad;
import static dev.oktaentra.core.validation.Users.anchorOf;
import static dev.oktaentra.core.validation.Users.entra;
import static dev.oktaentra.core.validation.Users.guidOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.Attributes;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.BlockReason;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.tenant.SyncFeatures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ValidationTest {

    /** Microsoft's defaults for a new tenant: UPN soft match on, both blocks off. */
    private static final SyncFeatures UPN_ON = SyncFeatures.DEFAULTS;

    private final List<OnPremUser> onPrem = new ArrayList<>();
    private final List<CloudUser> cloud = new ArrayList<>();

    @Test
    void run_hardMatchesAStampedUser() {
        onPrem.add(ad("jane").build());
        cloud.add(entra("jane").build());

        List<ValidationFinding> findings = findings(Validation.builder().build());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(MatchOutcome.MATCHED);
            assertThat(f.rule()).isEqualTo("hardMatch(mS-DS-ConsistencyGuid)");
            assertThat(f.cloudId()).isEqualTo("id-jane");
            assertThat(f.expectedImmutableId()).isEqualTo(anchorOf("jane")).isEqualTo(f.cloudImmutableId());
            assertThat(f.note()).isNull();
        });
    }

    @Test
    void run_namesTheByteOrderMistakeOfASoftMatchedUser() {
        onPrem.add(ad("jane").build());
        cloud.add(entra("jane").immutableId(bigEndianBase64(guidOf("jane"))).build());

        ValidationFinding f = only(Validation.builder().build());

        assertThat(f.outcome()).isEqualTo(MatchOutcome.ANCHOR_MISMATCH);
        assertThat(f.cause()).isEqualTo(MismatchCause.BYTE_ORDER);
        assertThat(f.rule()).as("Entra tries the primary SMTP address first").isEqualTo("softMatchPrimarySmtp");
        assertThat(f.note()).contains("Set the cloud user's onPremisesImmutableId to " + anchorOf("jane"));
    }

    @Test
    void run_countsEveryMismatchCause() {
        String[] names = {"order", "text", "urlsafe", "padding", "hex", "case", "space", "other"};
        for (String name : names) {
            // vector 2's Base64 holds both '+' and '/', so a URL-safe encoder visibly changes it
            ObjectGuid guid = name.equals("urlsafe") ? ObjectGuid.parse("8c4ac332-975f-4717-ad7b-ba4a4e968fff")
                    : guidOf(name);
            String right = guid.toImmutableId().value();
            String wrong = switch (name) {
                case "order" -> bigEndianBase64(guid);
                case "text" -> Base64.getEncoder().encodeToString(guid.toString().getBytes());
                case "urlsafe" -> right.replace('+', '-').replace('/', '_');
                case "padding" -> right.replace("=", "");
                case "hex" -> guid.toHex();
                case "case" -> right.toLowerCase();
                case "space" -> right + " ";
                default -> anchorOf("somebody else");
            };
            onPrem.add(ad(name).objectGuid(guid).build());
            cloud.add(entra(name).immutableId(wrong).build());
        }
        Validation byUpnOnly = Validation.builder().rules(MatchRule.softMatchUserPrincipalName())
                .syncFeatures(UPN_ON, "test").build();

        try (ValidationReport report = byUpnOnly.run(onPremDir(), cloudDir())) {
            assertThat(report.counts().get(MatchOutcome.ANCHOR_MISMATCH)).isEqualTo(8);
            assertThat(report.causes()).containsEntry(MismatchCause.BYTE_ORDER, 1L)
                    .containsEntry(MismatchCause.GUID_TEXT_BASE64, 1L)
                    .containsEntry(MismatchCause.URL_SAFE_BASE64, 1L)
                    .containsEntry(MismatchCause.MISSING_PADDING, 1L)
                    .containsEntry(MismatchCause.HEX_INSTEAD_OF_BASE64, 1L)
                    .containsEntry(MismatchCause.CASE_CHANGED, 1L)
                    .containsEntry(MismatchCause.SURROUNDING_WHITESPACE, 1L)
                    .containsEntry(MismatchCause.UNRELATED, 1L)
                    .doesNotContainKey(MismatchCause.NONE);
        }
    }

    @Test
    void run_findsASoftMatchOnlyUserAndFlagsAnAdminRole() {
        onPrem.add(ad("jane").build());
        onPrem.add(ad("root").build());
        cloud.add(entra("jane").immutableId((String) null).build());
        cloud.add(entra("root").immutableId((String) null).holdsAdminRole(true).build());

        try (ValidationReport report = Validation.builder().build().run(onPremDir(), cloudDir());
                Stream<ValidationFinding> findings = report.findings()) {
            List<ValidationFinding> rows = findings.toList();
            assertThat(rows).extracting(ValidationFinding::outcome)
                    .containsExactly(MatchOutcome.SOFT_MATCH_ONLY, MatchOutcome.SOFT_MATCH_ONLY);
            assertThat(rows.get(1).holdsAdminRole()).isTrue();
            assertThat(rows.get(1).blockReasons()).containsExactly(BlockReason.ADMIN_ROLE);
            assertThat(rows.get(1).note()).contains("does not take it over: it holds a directory role");
            assertThat(report.summary().adminRoleSoftMatches()).isEqualTo(1);
            assertThat(report.summary().softMatchBlocks()).containsEntry(BlockReason.ADMIN_ROLE, 1L);
            assertThat(report.needsAttention()).isTrue();
        }
    }

    @Test
    void run_flagsAHardMatchOntoAnAdminRoleHolderAndPredictsAConflictingAdd() {
        onPrem.add(ad("jane").build());
        onPrem.add(ad("root").build());
        cloud.add(entra("jane").build());
        cloud.add(entra("root").holdsAdminRole(true).build());

        try (ValidationReport report = Validation.builder().build().run(onPremDir(), cloudDir());
                Stream<ValidationFinding> findings = report.findings()) {
            List<ValidationFinding> rows = findings.toList();
            assertThat(rows).extracting(ValidationFinding::outcome)
                    .containsExactly(MatchOutcome.MATCHED, MatchOutcome.HARD_MATCH_BLOCKED);
            assertThat(rows.get(0).note()).isNull();
            assertThat(rows.get(1).holdsAdminRole()).isTrue();
            assertThat(rows.get(1).blockReasons()).containsExactly(BlockReason.ADMIN_ROLE);
            // Microsoft's recovery path for this case: "Temporarily remove the role, complete the hard match, then
            // reassign it." (how-to-connect-install-existing-tenant, "Hard match scenarios and recovery paths")
            assertThat(rows.get(1).note()).contains("Entra ID blocks it: it holds a directory role (remove the role "
                    + "for the matching window, complete the hard match, then reassign it)");
            assertThat(report.summary().adminRoleHardMatches()).isEqualTo(1);
            assertThat(report.summary().hardMatchBlocks()).containsEntry(BlockReason.ADMIN_ROLE, 1L);
            assertThat(report.summary().adminRoleSoftMatches()).isZero();
            assertThat(report.summary().prediction().updates()).isEqualTo(1);
            assertThat(report.summary().prediction().conflictingAdds()).isEqualTo(1);
            assertThat(report.needsAttention()).isTrue();
        }
    }

    @Test
    void run_predictsAddsAndLeavesOrphansBehindRatherThanDeletingThem() {
        onPrem.add(ad("newhire").build());
        cloud.add(entra("orphan").onPremisesSyncEnabled(true).build());
        cloud.add(entra("leftover").onPremisesSyncEnabled(null).build());
        cloud.add(entra("cloudonly").immutableId((String) null).build());

        try (ValidationReport report = Validation.builder().build().run(onPremDir(), cloudDir())) {
            assertThat(report.counts()).containsEntry(MatchOutcome.ONPREM_ONLY, 1L)
                    .containsEntry(MatchOutcome.CLOUD_ONLY, 2L).containsEntry(MatchOutcome.OUT_OF_SCOPE, 1L);
            assertThat(report.prediction().adds()).isEqualTo(1);
            assertThat(report.prediction().deletes()).isZero();
            assertThat(report.prediction().orphansLeftBehind()).isEqualTo(2);
            assertThat(report.prediction().orphansStillSynced()).isEqualTo(1);
            assertThat(ReportRows.of(report)).filteredOn(f -> f.outcome() == MatchOutcome.CLOUD_ONLY)
                    .allSatisfy(f -> assertThat(f.side()).isEqualTo(ValidationFinding.Side.CLOUD))
                    .anySatisfy(f -> assertThat(f.note()).contains("left behind as it is, not deleted",
                            "can no longer be edited in the cloud"));
        }
    }

    @Test
    void softMatchPrimarySmtp_matchesOnlyTheUpperCaseSmtpPrimaryAndIgnoresTheAddressCase() {
        onPrem.add(ad("jane").userPrincipalName("jane@corp.local")
                .proxyAddresses(List.of("smtp:jane.alias@contoso.com", "SMTP:Jane.Doe@Contoso.COM")).build());
        onPrem.add(ad("joe").userPrincipalName("joe@corp.local")
                .proxyAddresses(List.of("smtp:joe@contoso.com")).build());
        cloud.add(entra("jane").immutableId((String) null).userPrincipalName("jane@contoso.onmicrosoft.com")
                .proxyAddresses(List.of("SMTP:jane.doe@contoso.com")).build());
        cloud.add(entra("alias").immutableId((String) null).userPrincipalName("alias@contoso.onmicrosoft.com")
                .proxyAddresses(List.of("SMTP:jane.alias@contoso.com")).build());
        cloud.add(entra("joe").immutableId((String) null).userPrincipalName("joe@contoso.onmicrosoft.com")
                .proxyAddresses(List.of("SMTP:joe.smith@contoso.com", "smtp:joe@contoso.com")).build());
        Validation bySmtp = Validation.builder().rules(MatchRule.softMatchPrimarySmtp()).build();

        List<ValidationFinding> rows = findings(bySmtp);

        assertThat(rows).extracting(f -> f.side() + " " + f.outcome() + " " + f.userPrincipalName() + " -> "
                + f.cloudUserPrincipalName()).containsExactly(
                "ON_PREM SOFT_MATCH_ONLY jane@corp.local -> jane@contoso.onmicrosoft.com",
                "ON_PREM ONPREM_ONLY joe@corp.local -> null",
                "CLOUD OUT_OF_SCOPE alias@contoso.onmicrosoft.com -> alias@contoso.onmicrosoft.com",
                "CLOUD OUT_OF_SCOPE joe@contoso.onmicrosoft.com -> joe@contoso.onmicrosoft.com");
        assertThat(rows.get(0).rule()).isEqualTo("softMatchPrimarySmtp");
    }

    @Test
    void softMatchUserPrincipalName_matchesWhateverTheCase() {
        onPrem.add(ad("jane").userPrincipalName("Jane.Doe@Contoso.COM").proxyAddresses(List.of()).build());
        cloud.add(entra("jane").immutableId((String) null).userPrincipalName("jane.doe@contoso.com")
                .proxyAddresses(List.of()).build());
        Validation byUpn = Validation.builder().rules(MatchRule.softMatchUserPrincipalName())
                .syncFeatures(UPN_ON, "test").build();

        ValidationFinding f = only(byUpn);

        assertThat(f.outcome()).isEqualTo(MatchOutcome.SOFT_MATCH_ONLY);
        assertThat(f.rule()).isEqualTo("softMatchUserPrincipalName");
        assertThat(f.cloudId()).isEqualTo("id-jane");
    }

    @Test
    void prediction_countsUpdatesAndConflictingAddsAndASoftMatchOntoAnAdminAsAConflictingAdd() {
        for (String name : List.of("jane", "joe", "root", "ann", "boss", "newhire")) {
            onPrem.add(ad(name).build());
        }
        cloud.add(entra("jane").build());
        cloud.add(entra("joe").immutableId((String) null).build());
        cloud.add(entra("root").immutableId((String) null).holdsAdminRole(true).build());
        cloud.add(entra("ann").immutableId(bigEndianBase64(guidOf("ann"))).build());
        cloud.add(entra("boss").immutableId(anchorOf("someone else")).holdsAdminRole(true).build());

        try (ValidationReport report = Validation.builder().build().run(onPremDir(), cloudDir())) {
            assertThat(ReportRows.of(report)).extracting(f -> f.outcome() + (f.holdsAdminRole() ? " (admin)" : ""))
                    .containsExactly("MATCHED", "SOFT_MATCH_ONLY", "SOFT_MATCH_ONLY (admin)", "ANCHOR_MISMATCH",
                            "ANCHOR_MISMATCH (admin)", "ONPREM_ONLY");
            StagingPrediction prediction = report.prediction();
            assertThat(prediction.updates()).as("jane hard-matched, joe soft-matched").isEqualTo(2);
            assertThat(prediction.conflictingAdds()).as("ann and boss mismatched, root an admin").isEqualTo(3);
            assertThat(prediction.adds()).isEqualTo(1);
            assertThat(prediction.deletes()).isZero();
            assertThat(report.summary().adminRoleSoftMatches()).as("boss holds an ImmutableID: never soft-matched, "
                    + "whatever its roles").isEqualTo(1);
        }
    }

    @Test
    void prediction_checksTheAttributeMappingsGivenInsteadOfMail() {
        onPrem.add(ad("jane").mail(null).build());
        onPrem.add(ad("joe").attributes(Attributes.builder().add("department", "Sales").build()).build());
        cloud.add(entra("jane").attributes(Attributes.builder().add("Department", "Finance")
                .add("jobTitle", "CFO").build()).build());
        cloud.add(entra("joe").attributes(Attributes.builder().add("Department", "Sales").build()).build());
        Validation byDepartment = Validation.builder()
                .attributeMappings(List.of(AttributeMapping.of("department", "Department"),
                        AttributeMapping.of("title", "jobTitle")))
                .build();

        try (ValidationReport report = byDepartment.run(onPremDir(), cloudDir())) {
            List<ValidationFinding> rows = ReportRows.of(report);
            assertThat(rows.get(0).attributeDeletions()).as("jane's mail is not mapped, so not predicted")
                    .containsExactly(Map.entry("Department", "Finance"), Map.entry("jobTitle", "CFO"));
            assertThat(rows.get(1).attributeDeletions()).isEmpty();
            assertThat(report.prediction().attributeDeletions()).isEqualTo(1);
            assertThat(report.prediction().attributeDeletionsByAttribute()).containsOnly(
                    Map.entry("Department", 1L), Map.entry("jobTitle", 1L));
            assertThat(report.summary().attributeMappings()).extracting(AttributeMapping::cloudField)
                    .containsExactly("Department", "jobTitle");
        }
    }

    @Test
    void prediction_predictsNoAttributeDeletionsWithoutMappings() {
        onPrem.add(ad("jane").mail(null).build());
        cloud.add(entra("jane").build());

        try (ValidationReport report = Validation.builder().attributeMappings(List.of()).build()
                .run(onPremDir(), cloudDir())) {
            assertThat(ReportRows.of(report).get(0).attributeDeletions()).isEmpty();
            assertThat(report.prediction().attributeDeletions()).isZero();
            assertThat(report.prediction().attributeDeletionsByAttribute()).isEmpty();
            assertThat(ReportRows.of(report).get(0).attributeChanges()).as("the takeover's changes are predicted anyway")
                    .extracting(TakeoverChange::attribute).containsExactly("mail");
        }
    }

    @Test
    void run_callsItAmbiguousWhenRulesDisagree() {
        onPrem.add(ad("jane").proxyAddresses(List.of("SMTP:boss@contoso.com")).build());
        cloud.add(entra("jane").immutableId((String) null).proxyAddresses(List.of()).build());
        cloud.add(entra("boss").immutableId((String) null).build());

        ValidationFinding f = findings(Validation.builder().syncFeatures(UPN_ON, "test").build()).get(0);

        assertThat(f.outcome()).isEqualTo(MatchOutcome.AMBIGUOUS);
        assertThat(f.note()).isEqualTo("softMatchPrimarySmtp finds boss@contoso.com but softMatchUserPrincipalName "
                + "finds jane@contoso.com");
    }

    @Test
    void run_callsItAmbiguousWhenTwoObjectsSoftMatchOneCloudUser() {
        onPrem.add(ad("jane").build());
        onPrem.add(ad("jane2").proxyAddresses(List.of("SMTP:jane@contoso.com")).build());
        cloud.add(entra("jane").immutableId((String) null).build());

        List<ValidationFinding> rows = findings(Validation.builder().build());

        assertThat(rows).extracting(ValidationFinding::outcome)
                .containsExactly(MatchOutcome.AMBIGUOUS, MatchOutcome.AMBIGUOUS);
        assertThat(rows.get(0).note()).startsWith("2 on-prem objects soft-match cloud user jane@contoso.com");
    }

    @Test
    void run_doesNotOfferAHardMatchedCloudUserToAnotherObject() {
        onPrem.add(ad("jane").build());
        onPrem.add(ad("jane-forest2").userPrincipalName("jane@contoso.com").build());
        cloud.add(entra("jane").build());

        List<ValidationFinding> rows = findings(Validation.builder().syncFeatures(UPN_ON, "test").build());

        assertThat(rows).extracting(ValidationFinding::outcome)
                .containsExactly(MatchOutcome.MATCHED, MatchOutcome.ONPREM_ONLY);
        assertThat(rows.get(1).note()).contains("already belongs to the on-prem object with ImmutableID "
                + anchorOf("jane"));
    }

    /** However many cloud users hold an object's anchor, each is that object's hard match, the fifth as the first. */
    @Test
    void run_doesNotOfferAnyOfManyHoldersOfAnObjectsAnchorToAnotherObject() {
        onPrem.add(ad("jane").build());
        onPrem.add(ad("joe").build());
        for (int i = 0; i < 5; i++) {
            cloud.add(entra("jane" + i).immutableId(anchorOf("jane")).build());
        }
        cloud.add(entra("joe").immutableId(anchorOf("jane")).build());

        List<ValidationFinding> rows = findings(Validation.builder().build());

        assertThat(rows).filteredOn(f -> f.side() == ValidationFinding.Side.ON_PREM)
                .extracting(f -> f.userPrincipalName() + " " + f.outcome())
                .containsExactly("jane@contoso.com DUPLICATE_ANCHOR", "joe@contoso.com ONPREM_ONLY");
        assertThat(rows.get(1).note()).contains("already belongs to the on-prem object with ImmutableID "
                + anchorOf("jane"));
    }

    @Test
    void run_findsDuplicateAnchorsOnEitherSide() {
        onPrem.add(ad("a").objectGuid(guidOf("same")).build());
        onPrem.add(ad("b").objectGuid(guidOf("same")).build());
        onPrem.add(ad("c").build());
        cloud.add(entra("c").build());
        cloud.add(entra("c2").immutableId(anchorOf("c")).build());

        try (ValidationReport report = Validation.builder().build().run(onPremDir(), cloudDir())) {
            List<ValidationFinding> rows = ReportRows.of(report);
            assertThat(rows).extracting(f -> f.side() + " " + f.outcome()).containsExactly(
                    "ON_PREM DUPLICATE_ANCHOR", "ON_PREM DUPLICATE_ANCHOR", "ON_PREM DUPLICATE_ANCHOR",
                    "CLOUD DUPLICATE_ANCHOR", "CLOUD DUPLICATE_ANCHOR");
            assertThat(rows.get(2).note()).isEqualTo("2 cloud users hold this ImmutableID; Entra ID cannot tell them "
                    + "apart");
        }
    }

    @Test
    void run_reportsUnreadableRecordsAsInvalidAndGoesOn() {
        OnPremDirectory withReject = directoryOf(List.of(
                new DirectoryRecord.Rejected<>("adusers.csv", "line 7", "bad@contoso.com", "has no ObjectGUID"),
                new DirectoryRecord.Usable<>(ad("jane").build())));
        cloud.add(entra("jane").build());

        try (ValidationReport report = Validation.builder().build().run(withReject, cloudDir())) {
            List<ValidationFinding> rows = ReportRows.of(report);
            assertThat(rows.get(0)).satisfies(f -> {
                assertThat(f.outcome()).isEqualTo(MatchOutcome.INVALID);
                assertThat(f.userPrincipalName()).isEqualTo("bad@contoso.com");
                assertThat(f.note()).isEqualTo("has no ObjectGUID");
                assertThat(f.source()).isEqualTo("adusers.csv");
                assertThat(f.location()).isEqualTo("line 7");
            });
            assertThat(rows.get(1).outcome()).isEqualTo(MatchOutcome.MATCHED);
        }
    }

    @Test
    void run_makesAnObjectWithoutItsStringAnchorInvalid() {
        onPrem.add(ad("jane").attributes(Attributes.builder().add("employeeID", "E1").build()).build());
        onPrem.add(ad("joe").build());
        cloud.add(entra("jane").immutableId("E1").build());
        Validation byEmployeeId = Validation.builder().anchor(SourceAnchor.stringAttribute("employeeID")).build();

        List<ValidationFinding> rows = findings(byEmployeeId);

        assertThat(rows).extracting(ValidationFinding::outcome).containsExactly(MatchOutcome.MATCHED,
                MatchOutcome.INVALID);
        assertThat(rows.get(1).note()).isEqualTo("employeeID is empty, so the object has no anchor");
    }

    @Test
    void run_consistencyGuidAnchorFallsBackToObjectGuid() {
        onPrem.add(ad("jane").build());
        onPrem.add(ad("joe").consistencyGuid(guidOf("joe-old")).build());
        cloud.add(entra("jane").build());
        cloud.add(entra("joe").immutableId(anchorOf("joe-old")).build());

        List<ValidationFinding> rows =
                findings(Validation.builder().anchor(SourceAnchor.consistencyGuid()).build());

        assertThat(rows).extracting(ValidationFinding::outcome).containsOnly(MatchOutcome.MATCHED);
    }

    @Test
    void run_predictsTheDeletionOfAMailOnPremLacks() {
        onPrem.add(ad("jane").mail(null).build());
        cloud.add(entra("jane").build());

        try (ValidationReport report = Validation.builder().build().run(onPremDir(), cloudDir())) {
            ValidationFinding f = ReportRows.of(report).get(0);
            assertThat(f.outcome()).isEqualTo(MatchOutcome.MATCHED);
            assertThat(f.attributeDeletions()).containsExactly(Map.entry("mail", "jane@contoso.com"));
            assertThat(f.note()).contains("back-fill it on-prem first");
            assertThat(report.prediction().attributeDeletions()).isEqualTo(1);
            assertThat(report.prediction().attributeDeletionsByAttribute()).containsEntry("mail", 1L);
            assertThat(report.needsAttention()).isTrue();
        }
    }

    @Test
    void run_usesACustomEmployeeIdRule() {
        onPrem.add(ad("jane").userPrincipalName("jane.doe@corp.local").proxyAddresses(List.of())
                .attributes(Attributes.builder().add("employeeID", "E100").build()).build());
        cloud.add(entra("jane").immutableId((String) null)
                .attributes(Attributes.builder().add("employeeId", " e100 ").build()).build());
        Validation custom = Validation.builder().rules(MatchRule.hardMatch(SourceAnchor.objectGuid()),
                MatchRule.attributeEquals("employeeID", "employeeId")).build();

        ValidationFinding f = findings(custom).get(0);

        assertThat(f.outcome()).as("Entra never matches on employeeID").isEqualTo(MatchOutcome.CUSTOM_MATCH_ONLY);
        assertThat(f.rule()).isEqualTo("attributeEquals(employeeID,employeeId)");
        assertThat(f.note()).contains("Stamp the ImmutableID first: remediate-anchors sets the cloud user's "
                + "onPremisesImmutableId to " + anchorOf("jane"));
    }

    @Test
    void run_turnsAFailingCustomRuleIntoAnInvalidFinding() {
        onPrem.add(ad("jane").build());
        MatchRule broken = MatchRule.named("broken", user -> {
            throw new IllegalStateException("no badge service");
        });

        ValidationFinding f = findings(Validation.builder().rules(broken).build()).get(0);

        assertThat(f.outcome()).isEqualTo(MatchOutcome.INVALID);
        assertThat(f.note()).contains("no badge service");
    }

    @Test
    void counts_listEveryOutcomeEvenWhenZero() {
        try (ValidationReport report = Validation.builder().build().run(onPremDir(), cloudDir())) {
            assertThat(report.counts()).containsOnlyKeys(MatchOutcome.values());
            assertThat(report.summary().total()).isZero();
        }
    }

    @Test
    void needsAttention_whenASideYieldedNoUsers_namingIt() {
        try (ValidationReport report = Validation.builder().build().run(onPremDir(), cloudDir())) {
            assertThat(report.onPremRecords()).isZero();
            assertThat(report.cloudRecords()).isZero();
            assertThat(report.needsAttention()).isTrue();
            assertThat(report.emptySide()).hasValueSatisfying(r -> assertThat(r)
                    .startsWith("The on-prem side (").contains("yielded no users, and the cloud side ("));
        }
    }

    static String bigEndianBase64(ObjectGuid guid) {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(16)
                .putLong(guid.toUuid().getMostSignificantBits())
                .putLong(guid.toUuid().getLeastSignificantBits()).array());
    }

    private ValidationFinding only(Validation validation) {
        List<ValidationFinding> rows = findings(validation);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private List<ValidationFinding> findings(Validation validation) {
        try (ValidationReport report = validation.run(onPremDir(), cloudDir())) {
            return ReportRows.of(report);
        }
    }

    private OnPremDirectory onPremDir() {
        return OnPremDirectory.of("ad", onPrem);
    }

    private CloudDirectory cloudDir() {
        return CloudDirectory.of("entra", cloud);
    }

    private static OnPremDirectory directoryOf(List<DirectoryRecord<OnPremUser>> records) {
        return Directories.onPrem("records", records::stream);
    }
}
