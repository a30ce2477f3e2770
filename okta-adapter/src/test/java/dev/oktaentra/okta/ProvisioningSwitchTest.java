package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.ProvisioningState;
import dev.oktaentra.okta.testing.FakeConnection;
import dev.oktaentra.okta.testing.FakeOktaServer;
import dev.oktaentra.okta.testing.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The thin source's switch, {@link OktaProvisioning#disable} and {@link OktaProvisioning#enable}, on the SDK's wire:
 * which requests it sends, which it never sends, and what it reads back. Core's journaled step calls exactly these.
 */
class ProvisioningSwitchTest {

    private FakeOktaServer fake;
    private OktaProvisioning okta;

    @BeforeEach
    void start() {
        fake = FakeOktaServer.start();
        TestOrgs.seedMixedOrg(fake);
        okta = TestOrgs.connect(fake);
    }

    @AfterEach
    void stop() {
        okta.close();
        fake.close();
    }

    private List<RecordedRequest> writes() {
        return TestOrgs.writes(fake);
    }

    @Test
    void disable_deactivatesEveryEnabledOffice365AppFoundAcrossPages() {
        for (ProvisioningApp app : okta.apps()) {
            if (app.provisioning() == ProvisioningState.ENABLED) {
                assertThat(okta.disable(app.id())).isEqualTo(ProvisioningState.DISABLED);
            }
        }

        assertThat(fake.app("0oaO365a").connection()).isEqualTo(FakeConnection.DISABLED);
        assertThat(fake.app("0oaO365b").connection()).isEqualTo(FakeConnection.DISABLED);
        assertThat(fake.app("0oaO365c").connection()).isEqualTo(FakeConnection.DISABLED);
        assertThat(writes()).extracting(RecordedRequest::path).containsExactly(
                "/api/v1/apps/0oaO365a/connections/default/lifecycle/deactivate",
                "/api/v1/apps/0oaO365b/connections/default/lifecycle/deactivate",
                "/api/v1/apps/0oaO365c/connections/default/lifecycle/deactivate");
        assertThat(fake.app("0oaSalesforce1").connection()).isEqualTo(FakeConnection.ENABLED);
        assertThat(fake.app("0oaGoogle1").connection()).isEqualTo(FakeConnection.ENABLED);
        assertThat(fake.requests()).noneMatch(r -> r.path().contains("0oaSalesforce1")
                || r.path().contains("0oaGoogle1"));
    }

    @Test
    void disable_isIdempotent_andLeavesAnAppThatIsOffAlone() {
        assertThat(okta.disable("0oaO365a")).isEqualTo(ProvisioningState.DISABLED);
        fake.clearRequests();

        assertThat(okta.disable("0oaO365a")).isEqualTo(ProvisioningState.DISABLED);
        assertThat(okta.disable("0oaO365d")).isEqualTo(ProvisioningState.DISABLED);
        assertThat(writes()).isEmpty();
    }

    @Test
    void disable_ofAnAppTheConnectionApiDoesNotApplyTo_isManualOnly_withoutAWrite() {
        assertThat(okta.disable("0oaO365e")).isEqualTo(ProvisioningState.MANUAL_ONLY);
        assertThat(okta.apps()).filteredOn(a -> a.id().equals("0oaO365e")).singleElement()
                .satisfies(a -> assertThat(a.consoleSteps()).endsWith("Applications \u2192 \"Office 365 Sandbox\""
                        + " (app id 0oaO365e) \u2192 Provisioning \u2192 Integration \u2192 Edit \u2192 clear"
                        + " \"Enable API integration\" \u2192 Save."));
        assertThat(writes()).isEmpty();
    }

    @Test
    void disable_ofAnAppWhoseConnectionStoppedAnswering_isManualOnly_withoutAWrite() {
        fake.addApp(fake.app("0oaO365b").withConnection(FakeConnection.UNSUPPORTED));

        assertThat(okta.disable("0oaO365b")).isEqualTo(ProvisioningState.MANUAL_ONLY);
        assertThat(writes()).isEmpty();
    }

    @Test
    void enable_switchesOneAppOnAgain_andLeavesAnAppThatIsOnAlone() {
        okta.disable("0oaO365b");
        fake.clearRequests();

        assertThat(okta.enable("0oaO365b")).isEqualTo(ProvisioningState.ENABLED);
        assertThat(okta.enable("0oaO365a")).isEqualTo(ProvisioningState.ENABLED);

        assertThat(fake.app("0oaO365b").connection()).isEqualTo(FakeConnection.ENABLED);
        assertThat(writes()).extracting(RecordedRequest::path)
                .containsExactly("/api/v1/apps/0oaO365b/connections/default/lifecycle/activate");
    }

    @Test
    void disable_refusesAnAppThatIsNotOffice365() {
        assertThatThrownBy(() -> okta.disable("0oaGoogle1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'google', not an Office 365 app");
        assertThatThrownBy(() -> okta.enable("0oaSalesforce1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'salesforce', not an Office 365 app");
        assertThat(fake.app("0oaGoogle1").connection()).isEqualTo(FakeConnection.ENABLED);
        assertThat(writes()).isEmpty();
    }

    @Test
    void apps_andDisable_touchOnlyOffice365AppsEvenWhenTheOrgIgnoresTheFilter() {
        fake.ignoreAppFilter(true);

        assertThat(okta.apps()).extracting(ProvisioningApp::id).allMatch(id -> id.startsWith("0oaO365"));
        assertThatThrownBy(() -> okta.disable("0oaSalesforce1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.app("0oaSalesforce1").connection()).isEqualTo(FakeConnection.ENABLED);
        assertThat(writes()).isEmpty();
    }

    @Test
    void disable_unknownAppNamesItInTheError() {
        assertThatThrownBy(() -> okta.disable("0oaMissing")).isInstanceOf(OktaException.class)
                .hasMessageContaining("read app 0oaMissing").hasMessageContaining("HTTP 404 E0000007")
                .satisfies(e -> assertThat(((OktaException) e).httpStatus()).isEqualTo(404));
    }
}
