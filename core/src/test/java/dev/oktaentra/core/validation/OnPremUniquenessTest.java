package dev.oktaentra.core.validation;

import static dev.oktaentra.core.validation.Users.ad;
import static dev.oktaentra.core.validation.Users.entra;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.MatchOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entra ID's uniqueness check between on-prem objects of one run: "These two attributes are generally required to be
 * unique across all User, Group, or Contact objects" and, of two users with one UPN, the one that "is attempted to be
 * synced up next" has its UPN quarantined (how-to-connect-syncservice-duplicate-attribute-resiliency, "Known issues").
 * Which one syncs first is not predictable, so both are flagged.
 */
class OnPremUniquenessTest {

    private final List<OnPremUser> onPrem = new ArrayList<>();
    private final List<CloudUser> cloud = new ArrayList<>();

    /** (a) A multi-forest export: two users, one UPN, both new. */
    @Test
    void twoAddsWithOneUpn_areBothUniquenessConflicts_namingEachOther() {
        onPrem.add(ad("jane").build());
        onPrem.add(ad("jane2").userPrincipalName("jane@contoso.com")
                .distinguishedName("CN=jane,OU=Staff,DC=fabrikam,DC=com").build());

        try (ValidationReport report = run()) {
            List<ValidationFinding> rows = ReportRows.of(report);
            assertThat(rows).extracting(ValidationFinding::outcome).containsOnly(MatchOutcome.ONPREM_ONLY);
            assertThat(rows.get(0).uniquenessConflicts()).singleElement().satisfies(c -> {
                assertThat(c.attribute()).isEqualTo(UniquenessConflict.USER_PRINCIPAL_NAME);
                assertThat(c.value()).isEqualTo("jane@contoso.com");
                assertThat(c.holderSide()).isEqualTo(ValidationFinding.Side.ON_PREM);
                assertThat(c.holderId()).isEqualTo("CN=jane,OU=Staff,DC=fabrikam,DC=com");
            });
            assertThat(rows.get(1).uniquenessConflicts()).singleElement().satisfies(c -> {
                assertThat(c.holderSide()).isEqualTo(ValidationFinding.Side.ON_PREM);
                assertThat(c.holderId()).isEqualTo("CN=jane,OU=Staff,DC=contoso,DC=com");
            });
            assertThat(rows.get(0).note()).contains("AttributeValueMustBeUnique").contains("on-prem");
            assertThat(report.summary().uniquenessConflicts()).isEqualTo(2);
            assertThat(report.prediction().conflictingAdds()).isEqualTo(2);
            assertThat(report.prediction().adds()).isZero();
            assertThat(report.needsAttention()).isTrue();
        }
    }

    /**
     * (b) One of them is the counterpart of a cloud user, the other a stale copy in another OU: the copy's add meets
     * the cloud user's UPN, and the pair is flagged on both sides, the matched one naming the copy.
     */
    @Test
    void aHardMatchAndAnAddWithOneUpn_areBothFlagged() {
        onPrem.add(ad("jane").build());
        onPrem.add(ad("copy").userPrincipalName("jane@contoso.com").build());
        cloud.add(entra("jane").build());

        try (ValidationReport report = run()) {
            List<ValidationFinding> rows = ReportRows.of(report);
            assertThat(rows.get(0).outcome()).isEqualTo(MatchOutcome.MATCHED);
            assertThat(rows.get(0).uniquenessConflicts()).singleElement().satisfies(c -> {
                assertThat(c.holderSide()).isEqualTo(ValidationFinding.Side.ON_PREM);
                assertThat(c.holderId()).isEqualTo("CN=copy,OU=Staff,DC=contoso,DC=com");
            });
            assertThat(rows.get(1).outcome()).isEqualTo(MatchOutcome.ONPREM_ONLY);
            assertThat(rows.get(1).uniquenessConflicts()).extracting(UniquenessConflict::holderSide)
                    .containsExactly(ValidationFinding.Side.CLOUD, ValidationFinding.Side.ON_PREM);
            assertThat(report.summary().uniquenessConflicts()).isEqualTo(2);
            assertThat(report.needsAttention()).isTrue();
        }
    }

    /** (c) A contact-like user carries another user's primary address as an alias. */
    @Test
    void twoUsersSharingAnAddress_primaryOnOneAliasOnTheOther_areBothFlagged() {
        onPrem.add(ad("jane").proxyAddresses(List.of("SMTP:jane@contoso.com")).build());
        onPrem.add(ad("sales").proxyAddresses(List.of("SMTP:sales@contoso.com", "smtp:jane@contoso.com")).build());

        try (ValidationReport report = run()) {
            List<ValidationFinding> rows = ReportRows.of(report);
            assertThat(rows.get(0).uniquenessConflicts()).singleElement().satisfies(c -> {
                assertThat(c.attribute()).isEqualTo(UniquenessConflict.PROXY_ADDRESSES);
                assertThat(c.value()).isEqualToIgnoringCase("jane@contoso.com");
                assertThat(c.holderId()).isEqualTo("CN=sales,OU=Staff,DC=contoso,DC=com");
                assertThat(c.holderUserPrincipalName()).isEqualTo("sales@contoso.com");
            });
            assertThat(rows.get(1).uniquenessConflicts()).singleElement().satisfies(c -> {
                assertThat(c.attribute()).isEqualTo(UniquenessConflict.PROXY_ADDRESSES);
                assertThat(c.holderId()).isEqualTo("CN=jane,OU=Staff,DC=contoso,DC=com");
            });
            assertThat(report.summary().uniquenessConflicts()).isEqualTo(2);
        }
    }

    /**
     * (d) Letter case: the resiliency page's own example has {@code smtp:Joe@contoso.com} conflict with
     * {@code SMTP:Joe@contoso.com}; values differing in letter case only are compared as equal (the safer side).
     */
    @Test
    void valuesDifferingInLetterCaseOnly_conflict() {
        onPrem.add(ad("jane").userPrincipalName("Jane@Contoso.com").proxyAddresses(List.of("SMTP:Jane@Contoso.com"))
                .build());
        onPrem.add(ad("jane2").userPrincipalName("jane@contoso.COM")
                .proxyAddresses(List.of("smtp:JANE@contoso.com", "SMTP:jane2@contoso.com")).build());

        try (ValidationReport report = run()) {
            List<ValidationFinding> rows = ReportRows.of(report);
            assertThat(rows.get(0).uniquenessConflicts()).extracting(UniquenessConflict::attribute)
                    .containsExactly(UniquenessConflict.USER_PRINCIPAL_NAME, UniquenessConflict.PROXY_ADDRESSES);
            assertThat(rows.get(1).uniquenessConflicts()).extracting(UniquenessConflict::attribute)
                    .containsExactly(UniquenessConflict.USER_PRINCIPAL_NAME, UniquenessConflict.PROXY_ADDRESSES);
        }
    }

    /**
     * (e) A cloud user the object does not match (it belongs to another on-prem object by its hard match) holds the
     * UPN: it stays named, as before.
     */
    @Test
    void aValueHeldByAnUnmatchedCloudUser_staysNamed() {
        onPrem.add(ad("jane").proxyAddresses(List.of("SMTP:jane.doe@contoso.com")).build());
        onPrem.add(ad("other").build());
        cloud.add(entra("other").id("id-holder").userPrincipalName("JANE@contoso.com").build());

        ValidationFinding f = findings().get(0);

        assertThat(f.uniquenessConflicts()).singleElement().satisfies(c -> {
            assertThat(c.holderSide()).isEqualTo(ValidationFinding.Side.CLOUD);
            assertThat(c.holderId()).isEqualTo("id-holder");
        });
    }

    /** An object listing one address twice (as primary and again as an alias) holds it once: no conflict. */
    @Test
    void anObjectRepeatingItsOwnAddress_isNoConflict() {
        onPrem.add(ad("jane").proxyAddresses(List.of("SMTP:jane@contoso.com", "smtp:Jane@contoso.com")).build());

        try (ValidationReport report = run()) {
            assertThat(ReportRows.of(report).get(0).uniquenessConflicts()).isEmpty();
            assertThat(report.summary().uniquenessConflicts()).isZero();
        }
    }

    /** An object Connect's default rules leave out is never exported: it holds nothing in Entra ID. */
    @Test
    void anObjectOutOfScope_holdsNoValue() {
        onPrem.add(ad("jane").build());
        onPrem.add(ad("krbtgt").userPrincipalName("jane@contoso.com").criticalSystemObject(true).build());

        try (ValidationReport report = run()) {
            assertThat(ReportRows.of(report).get(0).uniquenessConflicts()).isEmpty();
            assertThat(report.summary().uniquenessConflicts()).isZero();
        }
    }

    /**
     * Two objects that would soft-match one cloud user compete for it: the claims make both AMBIGUOUS, which exports
     * nothing, so no uniqueness conflict is added on top.
     */
    @Test
    void twoObjectsSoftMatchingOneCloudUser_areAmbiguous_notUniquenessConflicts() {
        onPrem.add(ad("jane").build());
        onPrem.add(ad("jane2").proxyAddresses(List.of("SMTP:jane@contoso.com")).build());
        cloud.add(entra("cloudjane").immutableId((String) null).userPrincipalName("jane.cloud@contoso.com")
                .proxyAddresses(List.of("SMTP:jane@contoso.com")).build());

        try (ValidationReport report = run()) {
            List<ValidationFinding> rows = ReportRows.of(report);
            assertThat(rows).extracting(ValidationFinding::outcome).containsOnly(MatchOutcome.AMBIGUOUS);
            assertThat(rows).allSatisfy(f -> assertThat(f.uniquenessConflicts()).isEmpty());
            assertThat(report.summary().uniquenessConflicts()).isZero();
        }
    }

    /** The JSON and the CSV say which side the holder is on, and the CSV cell names the other object. */
    @Test
    void theReportFiles_nameTheOnPremHolderAndItsSide(@TempDir Path dir) throws Exception {
        onPrem.add(ad("jane").build());
        onPrem.add(ad("jane2").userPrincipalName("jane@contoso.com").build());

        try (ValidationReport report = run()) {
            report.writeJson(dir.resolve("v.json"));
            report.writeCsv(dir.resolve("v.csv"));
        }

        assertThat(Files.readString(dir.resolve("v.json"))).contains("\"holderSide\" : \"ON_PREM\"")
                .contains("CN=jane2,OU=Staff,DC=contoso,DC=com");
        assertThat(Files.readString(dir.resolve("v.csv")))
                .contains("is also on on-prem object jane@contoso.com (CN=jane2,OU=Staff,DC=contoso,DC=com)");
    }

    /**
     * Twins far apart in a large run: their names are read back from the spill's blocks (of {@code Spill.BLOCK}
     * entries), the first one's from block 0 and the last one's from a later block, and the thousands of distinct
     * users between them stay clean.
     */
    @Test
    void twinsInDifferentSpillBlocks_areNamedFromTheirOwnEntries() {
        onPrem.add(ad("first").proxyAddresses(List.of("SMTP:first@contoso.com", "smtp:shared@contoso.com")).build());
        for (int i = 0; i < 20_000; i++) {
            onPrem.add(ad("u" + i).build());
        }
        onPrem.add(ad("last").proxyAddresses(List.of("SMTP:last@contoso.com", "smtp:Shared@contoso.com")).build());

        try (ValidationReport report = run()) {
            List<ValidationFinding> rows = ReportRows.of(report);
            assertThat(rows.get(0).uniquenessConflicts()).singleElement().satisfies(c -> {
                assertThat(c.holderId()).isEqualTo("CN=last,OU=Staff,DC=contoso,DC=com");
                assertThat(c.value()).isEqualTo("Shared@contoso.com");
            });
            assertThat(rows.get(rows.size() - 1).uniquenessConflicts()).singleElement()
                    .extracting(UniquenessConflict::holderId).isEqualTo("CN=first,OU=Staff,DC=contoso,DC=com");
            assertThat(report.summary().uniquenessConflicts()).isEqualTo(2);
        }
    }

    private ValidationReport run() {
        return Validation.builder().build().run(OnPremDirectory.of("ad", onPrem), CloudDirectory.of("entra", cloud));
    }

    private List<ValidationFinding> findings() {
        try (ValidationReport report = run()) {
            return ReportRows.of(report);
        }
    }
}
