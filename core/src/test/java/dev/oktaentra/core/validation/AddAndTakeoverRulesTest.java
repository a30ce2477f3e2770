package dev.oktaentra.core.validation;

import static dev.oktaentra.core.validation.Users.ad;
import static dev.oktaentra.core.validation.Users.entra;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.DefaultScopeRule;
import dev.oktaentra.core.match.MatchOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the sync does to objects it adds and to cloud users it takes over: Connect's default scope
 * (concept-azure-ad-connect-sync-default-configuration, "User out-of-box rules"), Entra's uniqueness check
 * (AttributeValueMustBeUnique) and the takeover's overwrite ("All attributes in Microsoft Entra ID with a value in
 * on-premises AD are overwritten", how-to-connect-install-existing-tenant; the Okta tutorial's "the mail attribute is
 * deleted from the object").
 */
class AddAndTakeoverRulesTest {

    private final List<OnPremUser> onPrem = new ArrayList<>();
    private final List<CloudUser> cloud = new ArrayList<>();

    @Test
    void connectsDefaultRules_leaveOutEachObjectMicrosoftLists_namingTheRule() {
        onPrem.add(ad("krbtgt").criticalSystemObject(true).build());
        onPrem.add(ad("aad").samAccountName("AAD_1a2b3c").build());
        onPrem.add(ad("msol").samAccountName("MSOL_1a2b3c").build());
        onPrem.add(ad("support").samAccountName("SUPPORT_388945a0").build());
        onPrem.add(ad("sysmbx").mailNickname("SystemMailbox{1f05a927-0a56-4b87-a5b1-2c1a3ba5c9a8}").build());
        onPrem.add(ad("cas").mailNickname("CAS_{bd3b1e6a}").build());
        onPrem.add(ad("discovery").recipientTypeDetails(0x20000000L).build());
        onPrem.add(ad("victim").distinguishedName("CN=victim\\0ACNF:4a3b,OU=Staff,DC=contoso,DC=com").build());

        try (ValidationReport report = run()) {
            List<ValidationFinding> rows = ReportRows.of(report);
            assertThat(rows).extracting(ValidationFinding::outcome).containsOnly(MatchOutcome.OUT_OF_SCOPE);
            assertThat(rows).extracting(ValidationFinding::scopeRule).containsExactly(
                    DefaultScopeRule.CRITICAL_SYSTEM_OBJECT, DefaultScopeRule.AAD_SERVICE_ACCOUNT,
                    DefaultScopeRule.MSOL_SERVICE_ACCOUNT, DefaultScopeRule.SUPPORT_ACCOUNT,
                    DefaultScopeRule.SYSTEM_MAILBOX, DefaultScopeRule.CAS_MAIL_NICKNAME,
                    DefaultScopeRule.EXCHANGE_SYSTEM_RECIPIENT, DefaultScopeRule.REPLICATION_VICTIM);
            assertThat(rows.get(0).note()).contains("IsPresent([isCriticalSystemObject])");
            assertThat(report.prediction().adds()).isZero();
            assertThat(report.summary().scopeExclusions()).containsEntry(DefaultScopeRule.MSOL_SERVICE_ACCOUNT, 1L);
        }
    }

    /** No quoted rule names HealthMailbox accounts, and a user mailbox's type has none of the rule's bits. */
    @Test
    void aHealthMailboxAndAUserMailbox_stayInScope() {
        onPrem.add(ad("HealthMailbox0a1b2c3d").build());
        onPrem.add(ad("usermbx").recipientTypeDetails(1L).build());

        assertThat(findings()).extracting(ValidationFinding::outcome).containsOnly(MatchOutcome.ONPREM_ONLY);
    }

    @Test
    void anAddWhoseUpnAnotherCloudUserHolds_isAConflictingAdd_namingTheHolder() {
        // The holder belongs to another on-prem object by its hard match, so the sync adds jane beside it.
        onPrem.add(ad("jane").proxyAddresses(List.of("SMTP:jane.doe@contoso.com")).build());
        onPrem.add(ad("other").build());
        cloud.add(entra("other").id("id-holder").userPrincipalName("JANE@contoso.com").build());

        try (ValidationReport report = run()) {
            ValidationFinding f = ReportRows.of(report).get(0);
            assertThat(f.outcome()).isEqualTo(MatchOutcome.ONPREM_ONLY);
            assertThat(f.uniquenessConflicts()).singleElement().satisfies(c -> {
                assertThat(c.attribute()).isEqualTo(UniquenessConflict.USER_PRINCIPAL_NAME);
                assertThat(c.holderId()).isEqualTo("id-holder");
            });
            assertThat(f.note()).contains("AttributeValueMustBeUnique");
            assertThat(report.prediction().conflictingAdds()).isEqualTo(1);
            assertThat(report.prediction().adds()).isZero();
            assertThat(report.summary().uniquenessConflicts()).isEqualTo(1);
        }
    }

    @Test
    void anAddWhoseAliasAnotherCloudUserHolds_namesTheAddressAndItsHolder() {
        onPrem.add(ad("jane").proxyAddresses(List.of("SMTP:jane@contoso.com", "smtp:sales@contoso.com")).build());
        cloud.add(entra("sales").immutableId((String) null).proxyAddresses(List.of("SMTP:sales@contoso.com"))
                .build());

        ValidationFinding f = findings().get(0);

        assertThat(f.uniquenessConflicts()).singleElement().satisfies(c -> {
            assertThat(c.attribute()).isEqualTo(UniquenessConflict.PROXY_ADDRESSES);
            assertThat(c.value()).isEqualTo("sales@contoso.com");
            assertThat(c.holderUserPrincipalName()).isEqualTo("sales@contoso.com");
        });
    }

    /** The Okta tutorial's example: Okta stamped mail, on-prem has none, the takeover deletes it. */
    @Test
    void theTakeover_predictsEachChangeAUserWouldNotice_perAttribute() {
        onPrem.add(ad("jane").mail(null).displayName("Jane Doe").userPrincipalName("jane.doe@contoso.com")
                .proxyAddresses(List.of("SMTP:jane@contoso.com")).build());
        cloud.add(entra("jane").displayName("Jane D. (Sales)")
                .proxyAddresses(List.of("SMTP:jane@contoso.com", "smtp:jd@contoso.com")).build());

        try (ValidationReport report = run()) {
            ValidationFinding f = ReportRows.of(report).get(0);
            assertThat(f.outcome()).isEqualTo(MatchOutcome.MATCHED);
            assertThat(f.attributeChanges()).extracting(TakeoverChange::attribute)
                    .containsExactly("userPrincipalName", "mail", "displayName", "proxyAddresses");
            assertThat(f.attributeChanges().get(1).after()).as("mail removed").isNull();
            assertThat(f.attributeChanges().get(3).lost()).containsExactly("smtp:jd@contoso.com");
            assertThat(f.note()).contains("smtp:jd@contoso.com");
            assertThat(report.prediction().attributeChanges()).isEqualTo(1);
            assertThat(report.prediction().attributeChangesByAttribute()).containsEntry("proxyAddresses", 1L)
                    .containsEntry("mail", 1L).containsEntry("displayName", 1L)
                    .containsEntry("userPrincipalName", 1L);
            assertThat(report.needsAttention()).isTrue();
        }
    }

    @Test
    void aTakeoverThatKeepsEverything_predictsNoChange() {
        onPrem.add(ad("jane").displayName("Jane Doe").build());
        cloud.add(entra("jane").displayName("Jane Doe").build());

        try (ValidationReport report = run()) {
            assertThat(ReportRows.of(report).get(0).attributeChanges()).isEmpty();
            assertThat(report.prediction().attributeChanges()).isZero();
            assertThat(report.needsAttention()).isFalse();
        }
    }

    /**
     * A takeover updates the cloud user with the on-prem UPN and proxy addresses, and Entra ID's uniqueness check
     * applies to updates as to adds: "Instead of completely failing to provision or update an object with a duplicate
     * attribute, Microsoft Entra ID 'quarantines' the duplicate attribute"
     * (how-to-connect-syncservice-duplicate-attribute-resiliency). A hard match whose UPN another cloud user holds is
     * no clean match.
     */
    @Test
    void aHardMatchWhoseUpnAnotherCloudUserHolds_namesTheHolder_andNeedsAttention() {
        onPrem.add(ad("jane").build());
        cloud.add(entra("jane").userPrincipalName("jane.old@contoso.com").build());
        cloud.add(entra("other").id("id-holder").userPrincipalName("jane@contoso.com").immutableId((String) null)
                .build());

        try (ValidationReport report = run()) {
            ValidationFinding f = ReportRows.of(report).get(0);
            assertThat(f.outcome()).isEqualTo(MatchOutcome.MATCHED);
            assertThat(f.uniquenessConflicts()).singleElement().satisfies(c -> {
                assertThat(c.attribute()).isEqualTo(UniquenessConflict.USER_PRINCIPAL_NAME);
                assertThat(c.holderId()).isEqualTo("id-holder");
            });
            assertThat(f.note()).contains("AttributeValueMustBeUnique");
            assertThat(report.summary().uniquenessConflicts()).isEqualTo(1);
            assertThat(report.needsAttention()).isTrue();
        }
    }

    /** The same for an SMTP address: the alias would be quarantined on the taken-over user, its mail kept elsewhere. */
    @Test
    void aHardMatchWhoseAliasAnotherCloudUserHolds_namesTheHolder() {
        onPrem.add(ad("jane").proxyAddresses(List.of("SMTP:jane@contoso.com", "smtp:sales@contoso.com")).build());
        cloud.add(entra("jane").build());
        cloud.add(entra("sales").id("id-sales").immutableId((String) null)
                .proxyAddresses(List.of("SMTP:sales@contoso.com")).build());

        try (ValidationReport report = run()) {
            ValidationFinding f = ReportRows.of(report).get(0);
            assertThat(f.outcome()).isEqualTo(MatchOutcome.MATCHED);
            assertThat(f.uniquenessConflicts()).singleElement().satisfies(c -> {
                assertThat(c.attribute()).isEqualTo(UniquenessConflict.PROXY_ADDRESSES);
                assertThat(c.holderId()).isEqualTo("id-sales");
            });
            assertThat(report.needsAttention()).isTrue();
        }
    }

    /** The cloud user's own UPN and addresses are no conflict for its own takeover: a plain match stays clean. */
    @Test
    void aHardMatchOntoTheUserHoldingItsOwnValues_hasNoConflict() {
        onPrem.add(ad("jane").build());
        cloud.add(entra("jane").build());

        try (ValidationReport report = run()) {
            assertThat(ReportRows.of(report).get(0).uniquenessConflicts()).isEmpty();
            assertThat(report.needsAttention()).isFalse();
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
