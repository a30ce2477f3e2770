package dev.oktaentra.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The classifier of on-demand answers, on the shapes of Microsoft's examples and on what they leave open. */
class OnDemandOutcomeTest {

    private static OnDemandProvisioning answer(String result, String code, String action, OnDemandProvisioning.Step... steps) {
        return new OnDemandProvisioning("AD2AADProvisioning.x", "CN=AdeleV,CN=Users,DC=corp,DC=chicago,DC=com",
                result, code, null, action, List.of(steps), "87cb2512", "adelev@chicago.com");
    }

    private static OnDemandProvisioning.Step export(String name, String status) {
        return new OnDemandProvisioning.Step(name, "Export", status, "");
    }

    @Test
    void microsoftsAdToEntraExample_anUpdate_matchedAnExistingUser() {
        OnDemandProvisioning a = answer("Success", null, "Update", new OnDemandProvisioning.Step("EntryImportAdd",
                "Import", "Success", ""), export("EntryExportUpdate", "Success"));

        assertThat(OnDemandOutcome.of(a)).isEqualTo(OnDemandOutcome.UPDATED);
        assertThat(OnDemandOutcome.of(a).matchedExistingUser()).isTrue();
    }

    @Test
    void aRedundantExportSkip_matchedAnExistingUser() {
        assertThat(OnDemandOutcome.of(answer("Skipped", "RedundantExport", "Other",
                new OnDemandProvisioning.Step("EntrySynchronizationSkip", "Export", "Skipped", ""))))
                .isEqualTo(OnDemandOutcome.UNCHANGED);
    }

    @Test
    void anAdd_isACreate_whateverTheResult() {
        assertThat(OnDemandOutcome.of(answer("Success", null, "Create", export("EntryExportAdd", "Success"))))
                .isEqualTo(OnDemandOutcome.CREATED);
        assertThat(OnDemandOutcome.of(answer("Success", null, null, export("EntryExportAdd", "Success"))))
                .isEqualTo(OnDemandOutcome.CREATED);
        assertThat(OnDemandOutcome.of(answer("Failure", "AttributeValueMustBeUnique", "Create",
                export("EntryExportAdd", "Failure")))).isEqualTo(OnDemandOutcome.CREATED);
    }

    @Test
    void whatDoesNotSayItMatched_stops() {
        assertThat(OnDemandOutcome.of(answer("Failure", "InvalidHardMatch", "Update"))).isEqualTo(OnDemandOutcome.FAILED);
        assertThat(OnDemandOutcome.of(answer("Skipped", "NotEffectivelyEntitled", "Other")))
                .isEqualTo(OnDemandOutcome.UNCLEAR);
        assertThat(OnDemandOutcome.of(answer("Success", null, null))).isEqualTo(OnDemandOutcome.UNCLEAR);
        assertThat(OnDemandOutcome.of(answer("Pending", null, "Update"))).isEqualTo(OnDemandOutcome.UNCLEAR);
        assertThat(OnDemandOutcome.of(answer(null, null, null))).isEqualTo(OnDemandOutcome.UNCLEAR);
        for (OnDemandOutcome o : List.of(OnDemandOutcome.CREATED, OnDemandOutcome.FAILED, OnDemandOutcome.UNCLEAR)) {
            assertThat(o.matchedExistingUser()).as(o.name()).isFalse();
        }
    }

    @Test
    void describe_namesTheUserAndTheFailureCategory() {
        assertThat(OnDemandOutcome.describe(answer("Failure", "InvalidHardMatch", "Update")))
                .contains("adelev@chicago.com", "CN=AdeleV", "failed", "InvalidHardMatch = hard match blocked");
    }
}
