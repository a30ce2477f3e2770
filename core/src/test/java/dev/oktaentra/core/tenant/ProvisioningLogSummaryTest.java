package dev.oktaentra.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProvisioningLogSummaryTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void of_countsFailuresByCodeAndCategory_andPicksOutThoseThatBlockTheCutover() {
        ProvisioningLogSummary summary = ProvisioningLogSummary.of(Stream.of(
                event("1", "success", null),
                event("2", "failure", "AttributeValueMustBeUnique"),
                event("3", "failure", "AttributeValueMustBeUnique"),
                event("4", "failure", "InvalidHardMatch"),
                event("5", "failure", "HybridIdentityServiceNoActiveAgents"),
                event("6", "failure", "SomethingNewFromMicrosoft"),
                event("7", "skipped", "EntrySynchronizationSkipped")));

        assertThat(summary.total()).isEqualTo(7);
        assertThat(summary.failures()).isEqualTo(5);
        assertThat(summary.byStatus()).containsEntry("success", 1L).containsEntry("skipped", 1L);
        assertThat(summary.failuresByErrorCode().keySet()).first().isEqualTo("AttributeValueMustBeUnique");
        assertThat(summary.failuresByErrorCode()).containsEntry("AttributeValueMustBeUnique", 2L)
                .doesNotContainKey("EntrySynchronizationSkipped");
        assertThat(summary.failures(ProvisioningFailure.UNIQUENESS_VIOLATION)).isEqualTo(2);
        assertThat(summary.failures(ProvisioningFailure.AGENT_OR_SERVICE)).isEqualTo(1);
        assertThat(summary.failures(ProvisioningFailure.SOFT_MATCH_BLOCKED)).isZero();
        assertThat(summary.blockingCount()).isEqualTo(4);
        assertThat(summary.blockingFailures()).extracting(ProvisioningEvent::id).containsExactly("2", "3", "4", "6");
    }

    @Test
    void of_anEmptyWindowBlocksNothing() {
        ProvisioningLogSummary summary = ProvisioningLogSummary.of(Stream.empty());

        assertThat(summary.total()).isZero();
        assertThat(summary.failuresByCategory()).isEmpty();
        assertThat(summary.blockingCount()).isZero();
    }

    private static ProvisioningEvent event(String id, String status, String code) {
        return new ProvisioningEvent(id, T0, "AD2AADProvisioning.j1", "update", status, code, null, "src-" + id,
                "Src " + id, "tgt-" + id, "Tgt " + id);
    }
}
