package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.Plan;
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
 * Core's journaled {@code disable-okta-provisioning} step, the one way to switch Okta off, driving the real adapter
 * against the fake org: plan, apply, verify, roll back.
 */
class DisableThroughRunbookTest {

    private static final String STEP = "disable-okta-provisioning";

    @TempDir
    Path dir;

    private FakeOktaServer fake;
    private OktaProvisioning okta;
    private Migration migration;

    @BeforeEach
    void start() {
        fake = FakeOktaServer.start();
        TestOrgs.seedMixedOrg(fake);
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
    void plan_listsTheAppsThatAreOn_andTheOneToSwitchByHand_andWritesNothing() {
        Plan plan = migration.plan(STEP);

        assertThat(plan.changes()).extracting(Change::target).containsExactly("0oaO365a", "0oaO365b", "0oaO365c");
        assertThat(plan.instructions()).singleElement().asString().startsWith("Office 365 Sandbox (0oaO365e)")
                .contains("clear \"Enable API integration\"");
        assertThat(writes()).isEmpty();
    }

    @Test
    void apply_switchesOffExactlyThePlannedApps_andVerifyPassesOnceTheManualAppIsConfirmed() {
        assertThat(migration.verify(STEP).passed()).isFalse();

        assertThat(migration.apply(migration.plan(STEP)).complete()).isTrue();

        assertThat(writes()).extracting(RecordedRequest::path).containsExactly(
                "/api/v1/apps/0oaO365a/connections/default/lifecycle/deactivate",
                "/api/v1/apps/0oaO365b/connections/default/lifecycle/deactivate",
                "/api/v1/apps/0oaO365c/connections/default/lifecycle/deactivate");
        assertThat(fake.app("0oaSalesforce1").connection()).isEqualTo(FakeConnection.ENABLED);
        assertThat(migration.verify(STEP).passed()).as("the sandbox app is not confirmed yet").isFalse();
        migration.confirm(STEP, "ops", "cleared Enable API integration on Office 365 Sandbox");
        assertThat(migration.verify(STEP).passed()).isTrue();
        assertThat(migration.plan(STEP).changes()).isEmpty();
    }

    @Test
    void rollback_switchesOnExactlyWhatApplySwitchedOff() {
        migration.apply(migration.plan(STEP));
        fake.clearRequests();

        assertThat(migration.apply(migration.rollback(STEP)).complete()).isTrue();

        assertThat(writes()).extracting(RecordedRequest::path).containsExactlyInAnyOrder(
                "/api/v1/apps/0oaO365a/connections/default/lifecycle/activate",
                "/api/v1/apps/0oaO365b/connections/default/lifecycle/activate",
                "/api/v1/apps/0oaO365c/connections/default/lifecycle/activate");
        assertThat(fake.app("0oaO365a").connection()).isEqualTo(FakeConnection.ENABLED);
        assertThat(fake.app("0oaO365d").connection()).as("off before the step, off after").isEqualTo(
                FakeConnection.DISABLED);
    }
}
