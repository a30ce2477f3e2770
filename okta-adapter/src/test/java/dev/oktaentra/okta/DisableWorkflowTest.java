package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.core.provisioning.ProvisioningState;
import dev.oktaentra.okta.disable.Action;
import dev.oktaentra.okta.disable.AppChange;
import dev.oktaentra.okta.disable.AppCheck;
import dev.oktaentra.okta.disable.CheckOutcome;
import dev.oktaentra.okta.disable.DisablePlan;
import dev.oktaentra.okta.disable.DisableResult;
import dev.oktaentra.okta.disable.PlannedApp;
import dev.oktaentra.okta.disable.RollbackResult;
import dev.oktaentra.okta.disable.Verification;
import dev.oktaentra.okta.testing.FakeApp;
import dev.oktaentra.okta.testing.FakeConnection;
import dev.oktaentra.okta.testing.FakeOktaServer;
import dev.oktaentra.okta.testing.RecordedRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DisableWorkflowTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private FakeOktaServer fake;
    private OktaProvisioning okta;

    @BeforeEach
    void start() {
        fake = FakeOktaServer.start();
        TestOrgs.seedMixedOrg(fake);
        okta = TestOrgs.builder(fake).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @AfterEach
    void stop() {
        okta.close();
        fake.close();
    }

    private List<RecordedRequest> writes() {
        return fake.requests().stream().filter(RecordedRequest::isWrite).toList();
    }

    @Test
    void planDisable_listsEveryAppWithItsStateAndChangesNothing() {
        DisablePlan plan = okta.planDisable();

        assertThat(plan.source()).isEqualTo(fake.orgUrl());
        assertThat(plan.plannedAt()).isEqualTo(NOW);
        assertThat(plan.apps()).extracting(p -> p.app().id() + "=" + p.action()).containsExactly(
                "0oaO365a=DEACTIVATE", "0oaO365b=DEACTIVATE", "0oaO365c=DEACTIVATE", "0oaO365d=LEAVE_ALONE",
                "0oaO365e=CONFIRM_BY_HAND");
        assertThat(plan.changesSomething()).isTrue();
        assertThat(plan.describe()).contains("- Office 365 Sandbox [0oaO365e]: MANUAL_ONLY \u2192 CONFIRM_BY_HAND:"
                + " In the Okta Admin Console");
        assertThat(writes()).isEmpty();
    }

    @Test
    void apply_deactivatesEveryEnabledOffice365AppAcrossPages() {
        DisableResult result = okta.apply(okta.planDisable());

        assertThat(result.deactivated()).extracting(c -> c.app().id())
                .containsExactly("0oaO365a", "0oaO365b", "0oaO365c");
        assertThat(result.deactivated()).allSatisfy(c -> {
            assertThat(c.after()).isEqualTo(ProvisioningState.DISABLED);
            assertThat(c.app().provisioning()).isEqualTo(ProvisioningState.ENABLED);
        });
        assertThat(result.succeeded()).isTrue();
        assertThat(fake.app("0oaO365a").connection()).isEqualTo(FakeConnection.DISABLED);
        assertThat(fake.app("0oaO365b").connection()).isEqualTo(FakeConnection.DISABLED);
        assertThat(fake.app("0oaO365c").connection()).isEqualTo(FakeConnection.DISABLED);
        assertThat(writes()).extracting(RecordedRequest::path).containsExactly(
                "/api/v1/apps/0oaO365a/connections/default/lifecycle/deactivate",
                "/api/v1/apps/0oaO365b/connections/default/lifecycle/deactivate",
                "/api/v1/apps/0oaO365c/connections/default/lifecycle/deactivate");
    }

    @Test
    void apply_leavesOtherAppsUntouched() {
        okta.apply(okta.planDisable());

        assertThat(fake.app("0oaSalesforce1").connection()).isEqualTo(FakeConnection.ENABLED);
        assertThat(fake.app("0oaGoogle1").connection()).isEqualTo(FakeConnection.ENABLED);
        assertThat(fake.requests()).noneMatch(r -> r.path().contains("0oaSalesforce1") || r.path().contains(
                "0oaGoogle1"));
    }

    @Test
    void apply_touchesOnlyOffice365AppsEvenWhenTheOrgIgnoresTheFilter() {
        fake.ignoreAppFilter(true);

        DisableResult result = okta.apply(okta.planDisable());

        assertThat(result.plan().apps()).extracting(p -> p.app().id()).allMatch(id -> id.startsWith("0oaO365"));
        assertThat(fake.app("0oaSalesforce1").connection()).isEqualTo(FakeConnection.ENABLED);
        assertThat(fake.app("0oaGoogle1").connection()).isEqualTo(FakeConnection.ENABLED);
        assertThat(writes()).noneMatch(r -> r.path().contains("0oaSalesforce1") || r.path().contains("0oaGoogle1"));
    }

    @Test
    void apply_reportsAlreadyDisabledAppAndLeavesItAlone() {
        AppChange legacy = okta.apply(okta.planDisable()).changes().get(3);

        assertThat(legacy.app().id()).isEqualTo("0oaO365d");
        assertThat(legacy.action()).isEqualTo(Action.LEAVE_ALONE);
        assertThat(legacy.status()).isEqualTo(WriteStatus.ALREADY_APPLIED);
        assertThat(legacy.message()).startsWith("Provisioning is already off");
        assertThat(writes()).noneMatch(r -> r.path().contains("0oaO365d"));
    }

    @Test
    void apply_reportsManualOnlyAppAsAStepToConfirmWithConsoleSteps() {
        DisableResult result = okta.apply(okta.planDisable());

        assertThat(result.confirmByHand()).singleElement().satisfies(c -> {
            assertThat(c.app().id()).isEqualTo("0oaO365e");
            assertThat(c.status()).isEqualTo(WriteStatus.REFUSED);
            assertThat(c.after()).isEqualTo(ProvisioningState.MANUAL_ONLY);
            assertThat(c.message()).contains("Okta's API cannot switch this app")
                    .endsWith("Applications \u2192 \"Office 365 Sandbox\" (app id 0oaO365e) \u2192 Provisioning"
                            + " \u2192 Integration \u2192 Edit \u2192 clear \"Enable API integration\" \u2192 Save.");
        });
        assertThat(writes()).noneMatch(r -> r.path().contains("0oaO365e"));
    }

    @Test
    void apply_secondRunChangesNothing() {
        okta.apply(okta.planDisable());
        fake.clearRequests();

        DisableResult again = okta.apply(okta.planDisable());

        assertThat(writes()).isEmpty();
        assertThat(again.deactivated()).isEmpty();
        assertThat(again.changes()).extracting(AppChange::status).containsExactly(WriteStatus.ALREADY_APPLIED,
                WriteStatus.ALREADY_APPLIED, WriteStatus.ALREADY_APPLIED, WriteStatus.ALREADY_APPLIED,
                WriteStatus.REFUSED);
        assertThat(again.succeeded()).isTrue();
    }

    @Test
    void apply_sameStalePlanTwiceChangesNothingTheSecondTime() {
        DisablePlan plan = okta.planDisable();
        okta.apply(plan);
        fake.clearRequests();

        DisableResult again = okta.apply(plan);

        assertThat(writes()).isEmpty();
        assertThat(again.changes().subList(0, 3)).allSatisfy(c -> {
            assertThat(c.action()).isEqualTo(Action.DEACTIVATE);
            assertThat(c.status()).isEqualTo(WriteStatus.ALREADY_APPLIED);
        });
    }

    @Test
    void apply_doesNotTouchAnAppSwitchedOnSincePlanning() {
        DisablePlan plan = okta.planDisable();
        fake.addApp(fake.app("0oaO365d").withConnection(FakeConnection.ENABLED));

        DisableResult result = okta.apply(plan);

        AppChange legacy = result.changes().get(3);
        assertThat(legacy.status()).isEqualTo(WriteStatus.CONFLICT);
        assertThat(legacy.after()).isEqualTo(ProvisioningState.ENABLED);
        assertThat(legacy.message()).contains("Plan again");
        assertThat(result.problems()).containsExactly(legacy);
        assertThat(result.succeeded()).isFalse();
        assertThat(fake.app("0oaO365d").connection()).isEqualTo(FakeConnection.ENABLED);
    }

    @Test
    void apply_recordsAFailureAndGoesOnWithTheOtherApps() {
        DisablePlan plan = okta.planDisable();
        // The connection API stops answering for one app between planning and applying.
        fake.addApp(fake.app("0oaO365b").withConnection(FakeConnection.UNSUPPORTED));

        DisableResult result = okta.apply(plan);

        assertThat(result.changes().get(1).status()).isEqualTo(WriteStatus.CONFLICT);
        assertThat(result.changes().get(1).after()).isEqualTo(ProvisioningState.MANUAL_ONLY);
        assertThat(result.deactivated()).extracting(c -> c.app().id()).containsExactly("0oaO365a", "0oaO365c");
    }

    @Test
    void apply_refusesAPlanMadeForAnotherOrg() {
        DisablePlan foreign = new DisablePlan("https://other.okta.com", NOW, List.of());

        assertThatThrownBy(() -> okta.apply(foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://other.okta.com").hasMessageContaining(fake.orgUrl());
    }

    @Test
    void apply_refusesToSwitchAnAppThatIsNotOffice365EvenIfAPlanNamesIt() {
        PlannedApp forged = new PlannedApp(new dev.oktaentra.core.provisioning.ProvisioningApp("0oaSalesforce1",
                "Salesforce", "ACTIVE", "SAML_2_0", ProvisioningState.ENABLED, "", "steps"), Action.DEACTIVATE);

        DisableResult result = okta.apply(new DisablePlan(fake.orgUrl(), NOW, List.of(forged)));

        assertThat(result.changes().get(0).status()).isEqualTo(WriteStatus.FAILED);
        assertThat(result.changes().get(0).message()).contains("'salesforce', not an Office 365 app");
        assertThat(fake.app("0oaSalesforce1").connection()).isEqualTo(FakeConnection.ENABLED);
        assertThat(writes()).isEmpty();
    }

    @Test
    void verify_passesAfterApplyAndListsTheAppToConfirmByHand() {
        DisablePlan plan = okta.planDisable();
        okta.apply(plan);

        Verification verification = okta.verify(plan);

        assertThat(verification.passed()).isTrue();
        assertThat(verification.checks()).extracting(AppCheck::outcome).containsExactly(CheckOutcome.DISABLED,
                CheckOutcome.DISABLED, CheckOutcome.DISABLED, CheckOutcome.DISABLED, CheckOutcome.CONFIRM_BY_HAND);
        assertThat(verification.confirmByHand()).singleElement()
                .satisfies(c -> assertThat(c.message()).contains("clear \"Enable API integration\""));
    }

    @Test
    void verify_failsBeforeApply() {
        Verification verification = okta.verify(okta.planDisable());

        assertThat(verification.passed()).isFalse();
        assertThat(verification.stillEnabled()).extracting(c -> c.app().id())
                .containsExactly("0oaO365a", "0oaO365b", "0oaO365c");
    }

    @Test
    void verify_catchesAnAppAddedAfterPlanningAndOneDeleted() {
        DisablePlan plan = okta.planDisable();
        okta.apply(plan);
        fake.addApp(FakeApp.office365("0oaO365z", "Office 365 New"));
        fake.removeApp("0oaO365c");

        Verification verification = okta.verify(plan);

        assertThat(verification.checks().get(2).outcome()).isEqualTo(CheckOutcome.GONE);
        assertThat(verification.checks().get(2).planned()).isTrue();

        AppCheck added = verification.checks().get(verification.checks().size() - 1);
        assertThat(added.app().id()).isEqualTo("0oaO365z");
        assertThat(added.planned()).isFalse();
        assertThat(added.outcome()).isEqualTo(CheckOutcome.STILL_ENABLED);
        assertThat(added.message()).contains("appeared after planning");
        assertThat(verification.passed()).isFalse();
    }

    @Test
    void rollback_reenablesExactlyWhatApplyDisabled() {
        DisableResult result = okta.apply(okta.planDisable());
        fake.clearRequests();

        RollbackResult rollback = okta.rollback(result);

        assertThat(rollback.succeeded()).isTrue();
        assertThat(rollback.changes()).extracting(c -> c.app().id() + "=" + c.status())
                .containsExactly("0oaO365a=APPLIED", "0oaO365b=APPLIED", "0oaO365c=APPLIED");
        assertThat(rollback.changes()).allSatisfy(c -> {
            assertThat(c.action()).isEqualTo(Action.REACTIVATE);
            assertThat(c.after()).isEqualTo(ProvisioningState.ENABLED);
        });
        assertThat(fake.app("0oaO365a").connection()).isEqualTo(FakeConnection.ENABLED);
        assertThat(fake.app("0oaO365d").connection()).isEqualTo(FakeConnection.DISABLED);
        assertThat(writes()).extracting(RecordedRequest::path).allMatch(p -> p.endsWith("/lifecycle/activate"))
                .hasSize(3);
        assertThat(rollback.manualSteps()).singleElement().asString()
                .startsWith("If you switched Office 365 Sandbox (0oaO365e) off by hand:")
                .contains("tick \"Enable API integration\"");
    }

    @Test
    void rollback_secondRunChangesNothing() {
        DisableResult result = okta.apply(okta.planDisable());
        okta.rollback(result);
        fake.clearRequests();

        RollbackResult again = okta.rollback(result);

        assertThat(writes()).isEmpty();
        assertThat(again.changes()).extracting(AppChange::status).containsOnly(WriteStatus.ALREADY_APPLIED);
        assertThat(again.succeeded()).isTrue();
    }

    @Test
    void rollback_afterApplyThatChangedNothingChangesNothing() {
        okta.apply(okta.planDisable());
        DisableResult second = okta.apply(okta.planDisable());
        fake.clearRequests();

        RollbackResult rollback = okta.rollback(second);

        assertThat(rollback.changes()).isEmpty();
        assertThat(writes()).isEmpty();
        assertThat(fake.app("0oaO365a").connection()).isEqualTo(FakeConnection.DISABLED);
    }

    @Test
    void disable_switchesOneAppOffAndIsIdempotent() {
        assertThat(okta.disable("0oaO365a")).isEqualTo(ProvisioningState.DISABLED);
        fake.clearRequests();

        assertThat(okta.disable("0oaO365a")).isEqualTo(ProvisioningState.DISABLED);
        assertThat(writes()).isEmpty();
        assertThat(okta.disable("0oaO365e")).isEqualTo(ProvisioningState.MANUAL_ONLY);
        assertThat(writes()).isEmpty();
    }

    @Test
    void enable_switchesOneAppOnAgain() {
        okta.disable("0oaO365b");

        assertThat(okta.enable("0oaO365b")).isEqualTo(ProvisioningState.ENABLED);
        assertThat(fake.app("0oaO365b").connection()).isEqualTo(FakeConnection.ENABLED);
    }

    @Test
    void disable_refusesAnAppThatIsNotOffice365() {
        assertThatThrownBy(() -> okta.disable("0oaGoogle1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'google', not an Office 365 app");
        assertThat(fake.app("0oaGoogle1").connection()).isEqualTo(FakeConnection.ENABLED);
    }

    @Test
    void disable_unknownAppNamesItInTheError() {
        assertThatThrownBy(() -> okta.disable("0oaMissing")).isInstanceOf(OktaException.class)
                .hasMessageContaining("read app 0oaMissing").hasMessageContaining("HTTP 404 E0000007")
                .satisfies(e -> assertThat(((OktaException) e).httpStatus()).isEqualTo(404));
    }
}
