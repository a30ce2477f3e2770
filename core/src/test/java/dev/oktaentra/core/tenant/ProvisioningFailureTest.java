package dev.oktaentra.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error code a cited Microsoft page names, with the category it falls in; and what happens to the rest. */
class ProvisioningFailureTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "AttributeValueMustBeUnique, UNIQUENESS_VIOLATION",
        "InvalidHardMatch, HARD_MATCH_BLOCKED",
        "AttributeUpdateNotAllowed, HARD_MATCH_BLOCKED",
        "InvalidSoftMatch, SOFT_MATCH_BLOCKED",
        "Conflict, MATCH_CONFLICT",
        "EntryConflict, MATCH_CONFLICT",
        "DuplicateTargetEntries, MATCH_CONFLICT",
        "DuplicateSourceEntries, MATCH_CONFLICT",
        "InvalidAnchor, ANCHOR_GONE",
        "AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService, SOURCE_OF_AUTHORITY",
        "TimeOut, AGENT_OR_SERVICE",
        "Timeout, AGENT_OR_SERVICE",
        "HybridSynchronizationActiveDirectoryInternalServerError, AGENT_OR_SERVICE",
        "HybridIdentityServiceNoAgentsAssigned, AGENT_OR_SERVICE",
        "HybridIdentityServiceNoActiveAgents, AGENT_OR_SERVICE",
        "HybridIdentityServiceInvalidResource, AGENT_OR_SERVICE",
        "HybridIdentityServiceAgentSignalingError, AGENT_OR_SERVICE",
        "AzureDirectoryServiceServerBusy, AGENT_OR_SERVICE",
        "AzureActiveDirectoryInvalidCredential, AGENT_OR_SERVICE",
        "AzureActiveDirectoryExpiredCredentials, AGENT_OR_SERVICE",
        "AzureActiveDirectoryAuthenticationFailed, AGENT_OR_SERVICE",
        // Codes no cited page names, some that merely sound harmless or like a match: unknown, and so blocking.
        "AzureActiveDirectoryConflict, UNKNOWN",
        "EntryNotFound, UNKNOWN",
        "NoMatchFound, UNKNOWN",
        "AzureDirectoryB2BManagementPolicyCheckFailure, UNKNOWN",
    })
    void ofCode_putsEachDocumentedCodeInItsCategory(String code, ProvisioningFailure expected) {
        assertThat(ProvisioningFailure.ofCode(code)).isEqualTo(expected);
        assertThat(ProvisioningFailure.ofCode(" " + code.toUpperCase() + " ")).isEqualTo(expected);
    }

    @Test
    void everyCategoryButAgentOrServiceBlocksTheCutover() {
        assertThat(Arrays.stream(ProvisioningFailure.values()).filter(c -> !c.blocksCutover()))
                .containsExactly(ProvisioningFailure.AGENT_OR_SERVICE);
        assertThat(ProvisioningFailure.UNKNOWN.blocksCutover()).isTrue();
    }

    @Test
    void everyCategoryCitesItsSource_andNoCodeIsInTwoCategories() {
        long codes = 0;
        for (ProvisioningFailure category : ProvisioningFailure.values()) {
            assertThat(category.source()).isNotBlank();
            assertThat(category.label()).isNotBlank();
            if (category != ProvisioningFailure.UNKNOWN) {
                assertThat(category.source()).contains("https://learn.microsoft.com/");
                assertThat(category.codes()).isNotEmpty();
            }
            codes += category.codes().size();
        }
        assertThat(Arrays.stream(ProvisioningFailure.values()).flatMap(c -> c.codes().stream()).distinct().count())
                .isEqualTo(codes);
    }

    @Test
    void of_classifiesFailuresOnly_andAFailureWithoutACodeIsUnknown() {
        assertThat(ProvisioningFailure.of(event("success", null, null))).isEmpty();
        assertThat(ProvisioningFailure.of(event("skipped", "EntrySynchronizationSkipped", "out of scope"))).isEmpty();
        assertThat(ProvisioningFailure.of(event("Failure", null, "The user could not be matched")))
                .contains(ProvisioningFailure.UNKNOWN);
        assertThat(ProvisioningFailure.of(event("failure", "InvalidSoftMatch", "no reason read")))
                .contains(ProvisioningFailure.SOFT_MATCH_BLOCKED);
    }

    static ProvisioningEvent event(String status, String code, String reason) {
        return new ProvisioningEvent("e1", Instant.parse("2026-11-28T12:00:00Z"), "AD2AADProvisioning.j1", "update",
                status, code, reason, "src", "Src", "tgt", "Tgt");
    }
}
