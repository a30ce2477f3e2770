package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.ProvisioningState;
import dev.oktaentra.okta.testing.FakeApp;
import dev.oktaentra.okta.testing.FakeConnection;
import dev.oktaentra.okta.testing.FakeOktaServer;
import dev.oktaentra.okta.testing.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OktaProvisioningAppsTest {

    private FakeOktaServer fake;
    private OktaProvisioning okta;

    @BeforeEach
    void start() {
        fake = FakeOktaServer.start();
        okta = TestOrgs.connect(fake);
    }

    @AfterEach
    void stop() {
        okta.close();
        fake.close();
    }

    @Test
    void apps_findsEveryOffice365AppAcrossPagesAndNoOther() {
        TestOrgs.seedMixedOrg(fake);

        List<ProvisioningApp> apps = okta.apps();

        assertThat(apps).extracting(ProvisioningApp::id)
                .containsExactly("0oaO365a", "0oaO365b", "0oaO365c", "0oaO365d", "0oaO365e");
        List<RecordedRequest> listCalls = fake.requests().stream()
                .filter(r -> r.path().equals("/api/v1/apps")).toList();
        assertThat(listCalls).hasSize(3);
        assertThat(listCalls).allSatisfy(r -> assertThat(r.query()).contains("filter=name eq \"office365\""));
        assertThat(listCalls.get(1).query()).contains("after=0oaO365b");
        assertThat(listCalls.get(2).query()).contains("after=0oaO365d");
    }

    @Test
    void apps_readsLabelStatusSignOnModeAndStateOfEachApp() {
        TestOrgs.seedMixedOrg(fake);

        List<ProvisioningApp> apps = okta.apps();

        ProvisioningApp contoso = apps.get(0);
        assertThat(contoso.label()).isEqualTo("Office 365 Contoso");
        assertThat(contoso.status()).isEqualTo("ACTIVE");
        assertThat(contoso.signOnMode()).isEqualTo("WS_FEDERATION");
        assertThat(contoso.provisioning()).isEqualTo(ProvisioningState.ENABLED);
        assertThat(contoso.detail()).isEqualTo("provisioning connection ENABLED (auth OAUTH2); USER_PROVISIONING"
                + " feature ENABLED (create users ENABLED, update attributes ENABLED, deactivate users DISABLED)");
        assertThat(contoso.consoleSteps()).isEqualTo("In the Okta Admin Console: Applications \u2192"
                + " \"Office 365 Contoso\" (app id 0oaO365a) \u2192 Provisioning \u2192 Integration \u2192 Edit"
                + " \u2192 clear \"Enable API integration\" \u2192 Save.");
        assertThat(apps.get(2).signOnMode()).isEqualTo("SAML_1_1");
        assertThat(apps.get(3).provisioning()).isEqualTo(ProvisioningState.DISABLED);
    }

    @Test
    void apps_findsOffice365AppsWhateverTheSignOnMode() {
        // The SDK's typed Application model loses the name for these modes; discovery reads the raw JSON.
        fake.addApps(FakeApp.office365("0oaWsFed", "A").withSignOnMode("WS_FEDERATION"),
                FakeApp.office365("0oaSaml11", "B").withSignOnMode("SAML_1_1"),
                FakeApp.office365("0oaBookmark", "C").withSignOnMode("BOOKMARK"),
                FakeApp.office365("0oaOdd", "D").withSignOnMode("SOMETHING_NEW"));

        assertThat(okta.apps()).extracting(ProvisioningApp::signOnMode)
                .containsExactly("WS_FEDERATION", "SAML_1_1", "BOOKMARK", "SOMETHING_NEW");
    }

    @Test
    void apps_connectionWithUnknownStatusIsManualOnly() {
        fake.addApp(FakeApp.office365("0oaUnknown", "Office 365").withConnection(FakeConnection.UNKNOWN)
                .withUserProvisioning(null));

        ProvisioningApp app = okta.apps().get(0);

        assertThat(app.provisioning()).isEqualTo(ProvisioningState.MANUAL_ONLY);
        assertThat(app.detail()).startsWith("provisioning connection UNKNOWN (auth UNKNOWN), so Okta's connection"
                + " API does not apply to this app")
                .endsWith("USER_PROVISIONING feature not available (HTTP 400 E0000001)");
        assertThat(app.consoleSteps()).contains("clear \"Enable API integration\"");
    }

    @Test
    void apps_connectionApiErrorIsManualOnly() {
        fake.addApp(FakeApp.office365("0oaRefuses", "Office 365").withConnection(FakeConnection.UNSUPPORTED));

        ProvisioningApp app = okta.apps().get(0);

        assertThat(app.provisioning()).isEqualTo(ProvisioningState.MANUAL_ONLY);
        assertThat(app.detail()).startsWith("provisioning connection not readable through the API (HTTP 400"
                + " E0000001)");
    }

    @Test
    void apps_neverServesAStaleStateFromACache() {
        fake.addApp(FakeApp.office365("0oaFresh", "Office 365"));
        assertThat(okta.apps().get(0).provisioning()).isEqualTo(ProvisioningState.ENABLED);

        fake.addApp(fake.app("0oaFresh").withConnection(FakeConnection.DISABLED));

        assertThat(okta.apps().get(0).provisioning()).isEqualTo(ProvisioningState.DISABLED);
        assertThat(fake.requests().stream().filter(r -> r.path().endsWith("/connections/default"))).hasSize(2);
    }

    @Test
    void apps_emptyOrgHasNoApps() {
        fake.addApp(FakeApp.other("0oaBox", "box", "Box"));

        assertThat(okta.apps()).isEmpty();
    }

    @Test
    void apps_smallAppPageSizeIsSentAsLimit() {
        fake.addApps(FakeApp.office365("0oaA", "A"), FakeApp.office365("0oaB", "B"), FakeApp.office365("0oaC", "C"));
        try (OktaProvisioning small = OktaProvisioning.connect(TestOrgs.builder(fake).appPageSize(1).build())) {
            assertThat(small.apps()).hasSize(3);
        }
        assertThat(fake.requests().stream().filter(r -> r.path().equals("/api/v1/apps")))
                .hasSize(3).allSatisfy(r -> assertThat(r.query()).contains("limit=1"));
    }
}
