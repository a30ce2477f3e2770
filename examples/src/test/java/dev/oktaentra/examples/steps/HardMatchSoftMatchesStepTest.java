package dev.oktaentra.examples.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.Runbook;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.steps.Runbooks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the custom step goes; what it writes is tested end to end in the rehearsal's tests. */
class HardMatchSoftMatchesStepTest {

    @Test
    void insertInto_placesTheStepRightAfterValidateAnchorsAndKeepsTheName() {
        Runbook original = Runbooks.connectServer();

        Runbook runbook = HardMatchSoftMatchesStep.insertInto(original);

        assertThat(runbook.name()).isEqualTo("connect-server");
        List<String> ids = runbook.steps().stream().map(MigrationStep::id).toList();
        assertThat(ids).hasSize(original.steps().size() + 1);
        assertThat(ids.get(ids.indexOf("validate-anchors") + 1)).isEqualTo(HardMatchSoftMatchesStep.ID);
        assertThat(runbook.step(HardMatchSoftMatchesStep.ID).kind()).isEqualTo(StepKind.AUTOMATED);
    }

    @Test
    void insertInto_aRunbookWithoutValidateAnchors_saysWhatIsMissing() {
        Runbook bare = Runbooks.of("bare", List.of(new HardMatchSoftMatchesStep()));

        assertThatThrownBy(() -> HardMatchSoftMatchesStep.insertInto(bare))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Runbook bare has no step validate-anchors to put hard-match-soft-matches after");
    }
}
