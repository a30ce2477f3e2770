package dev.oktaentra.examples.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationException;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.Runbook;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.steps.Runbooks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void planAndVerify_againstAnOnPremSideWithoutUsers_failNamingIt(@TempDir Path dir) {
        CloudUser soft = CloudUser.builder().id("c1").userPrincipalName("ann@contoso.com").build();
        MigrationContext context = MigrationContext.builder().onPrem(OnPremDirectory.of("ad", List.of()))
                .cloud(CloudDirectory.of("entra", List.of(soft)))
                .options(MigrationOptions.defaults().withAnchor(SourceAnchor.objectGuid())).build();
        try (Migration migration = Migration.builder().runbook(HardMatchSoftMatchesStep.insertInto(
                Runbooks.connectServer())).context(context).journal(dir.resolve("journal.jsonl")).open()) {
            assertThatThrownBy(() -> migration.plan(HardMatchSoftMatchesStep.ID))
                    .isInstanceOf(MigrationException.class).hasMessageContaining("The on-prem side (ad) yielded no users");
            assertThat(migration.verify(HardMatchSoftMatchesStep.ID).passed()).isFalse();
        }
    }

    @Test
    void insertInto_aRunbookWithoutValidateAnchors_saysWhatIsMissing() {
        Runbook bare = Runbooks.of("bare", List.of(new HardMatchSoftMatchesStep()));

        assertThatThrownBy(() -> HardMatchSoftMatchesStep.insertInto(bare))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Runbook bare has no step validate-anchors to put hard-match-soft-matches after");
    }
}
