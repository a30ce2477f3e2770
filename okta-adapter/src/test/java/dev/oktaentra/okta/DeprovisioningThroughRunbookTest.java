package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationException;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.provisioning.PushedGroup;
import dev.oktaentra.okta.testing.FakeApp;
import dev.oktaentra.okta.testing.FakeConnection;
import dev.oktaentra.okta.testing.FakeOktaServer;
import dev.oktaentra.okta.testing.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disable-okta-provisioning} against an app whose "Deactivate Users" is on: the plan says what unassigning
 * would do and what switching the API integration off does and does not do, apply stops until the operator has
 * confirmed the plan, and the groups Okta pushes are listed with what the new engine will not take over.
 */
class DeprovisioningThroughRunbookTest {

    private static final String STEP = "disable-okta-provisioning";
    private static final String RISKY = "0oaO365del";
    private static final String SAFE = "0oaO365ok";

    @TempDir
    Path dir;

    private FakeOktaServer fake;
    private OktaProvisioning okta;
    private Migration migration;

    @BeforeEach
    void start() {
        fake = FakeOktaServer.start();
        fake.addApps(FakeApp.office365(SAFE, "Office 365 Contoso"),
                FakeApp.office365(RISKY, "Office 365 Fabrikam").withDeactivateUsers(true).withGroupPushes(
                        new PushedGroup("gpm1", "00gSales", "6f1c0e4a-1111-4d7b-8a2e-000000000001", "ACTIVE", null)));
        okta = TestOrgs.connect(fake);
        migration = TestOrgs.openConnectRunbook(okta, dir.resolve("journal.jsonl"));
    }

    @AfterEach
    void stop() {
        migration.close();
        okta.close();
        fake.close();
    }

    private List<RecordedRequest> writes() {
        return TestOrgs.writes(fake);
    }

    @Test
    void plan_saysWhatUnassigningWouldDoAndWhatSwitchingOffDoesAndDoesNot() {
        Plan plan = migration.plan(STEP);

        assertThat(plan.instructions()).anySatisfy(i -> assertThat(i).contains("(" + RISKY + ") deprovisions")
                .contains("delete the user").contains("Deactivate Users")
                .contains("switching off \"Enable API integration\"").contains("does not")
                .contains("confirm " + STEP));
        assertThat(plan.instructions()).noneSatisfy(i -> assertThat(i).contains("(" + SAFE + ") deprovisions"));
        assertThat(writes()).isEmpty();
    }

    @Test
    void plan_listsThePushedGroupsAndWhatTheNewEngineWillNotTakeOver() {
        Plan plan = migration.plan(STEP);

        assertThat(plan.instructions()).anySatisfy(i -> assertThat(i).contains("(" + RISKY + ") provisions more than users")
                .contains("6f1c0e4a-1111-4d7b-8a2e-000000000001").contains("mail-enabled")
                .contains("Universal Sync"));
    }

    @Test
    void apply_withoutAcknowledgement_refusesAndSwitchesNothing() {
        Plan plan = migration.plan(STEP);

        assertThatThrownBy(() -> migration.apply(plan)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("Office 365 Fabrikam").hasMessageContaining("confirm " + STEP)
                .hasMessageContaining("Nothing was written");
        assertThat(writes()).isEmpty();
        assertThat(fake.app(RISKY).connection()).isEqualTo(FakeConnection.ENABLED);
    }

    @Test
    void apply_afterTheOperatorConfirmedThePlan_switchesOffAndVerifyWarnsOfARollback() {
        Plan plan = migration.plan(STEP);
        migration.confirm(STEP, "ops", "read the deprovisioning note; Deactivate Users stays on, no unassignment");

        assertThat(migration.apply(plan).complete()).isTrue();

        assertThat(fake.app(RISKY).connection()).isEqualTo(FakeConnection.DISABLED);
        assertThat(fake.app(SAFE).connection()).isEqualTo(FakeConnection.DISABLED);
        var verified = migration.verify(STEP);
        assertThat(verified.passed()).isTrue();
        assertThat(verified.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(StepFinding.Severity.WARNING);
            assertThat(f.message()).contains("Office 365 Fabrikam").contains("on again");
        });
    }

    @Test
    void apply_aConfirmationOfAnOlderPlan_doesNotCount() {
        migration.plan(STEP);
        migration.confirm(STEP, "ops", "acknowledged");
        Plan newer = migration.plan(STEP);

        assertThatThrownBy(() -> migration.apply(newer)).isInstanceOf(MigrationException.class);
        assertThat(writes()).isEmpty();
    }

    @Test
    void apply_whenDeactivateUsersWasSwitchedOnAfterPlanning_refusesTheUnwarnedPlan() {
        fake.addApp(fake.app(RISKY).withDeactivateUsers(false));
        Plan plan = migration.plan(STEP);
        assertThat(plan.instructions()).noneSatisfy(i -> assertThat(i).contains("deprovisions"));
        fake.addApp(fake.app(RISKY).withDeactivateUsers(true));
        migration.confirm(STEP, "ops", "groups noted");

        assertThatThrownBy(() -> migration.apply(plan)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("plan the step again");
        assertThat(writes()).isEmpty();
    }

    @Test
    void apply_withoutRisk_needsNoAcknowledgement() {
        fake.removeApp(RISKY);

        assertThat(migration.apply(migration.plan(STEP)).complete()).isTrue();
        assertThat(fake.app(SAFE).connection()).isEqualTo(FakeConnection.DISABLED);
    }

    @Test
    void assess_namesTheDeprovisioningAsAWarning() {
        assertThat(migration.assess(STEP)).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(StepFinding.Severity.WARNING);
            assertThat(f.message()).contains("Office 365 Fabrikam").contains("deprovisions");
        });
    }
}
