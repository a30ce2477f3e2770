package dev.oktaentra.okta;

import dev.oktaentra.okta.testing.FakeApp;
import dev.oktaentra.okta.testing.FakeOktaServer;

/** Builds adapters against a {@link FakeOktaServer}, and seeds the orgs the tests share. */
final class TestOrgs {

    private TestOrgs() {
    }

    /** An adapter with the fake's API token and two retries. */
    static OktaProvisioning connect(FakeOktaServer fake) {
        return builder(fake).build();
    }

    static OktaProvisioningBuilder builder(FakeOktaServer fake) {
        return OktaProvisioning.builder()
                .orgUrl(fake.orgUrl())
                .apiToken(fake.apiToken())
                .allowPlainHttpOnLoopback()
                .maxRetries(2);
    }

    /**
     * Five Office 365 apps (three on, one off, one the API cannot switch) between two apps of other kinds, two per
     * page, so the Office 365 apps span three pages.
     */
    static void seedMixedOrg(FakeOktaServer fake) {
        fake.addApps(
                FakeApp.other("0oaSalesforce1", "salesforce", "Salesforce"),
                FakeApp.office365("0oaO365a", "Office 365 Contoso"),
                FakeApp.office365("0oaO365b", "Office 365 Fabrikam"),
                FakeApp.other("0oaGoogle1", "google", "Google Workspace"),
                FakeApp.office365("0oaO365c", "Office 365 Tailspin").withSignOnMode("SAML_1_1"),
                FakeApp.office365("0oaO365d", "Office 365 Legacy")
                        .withConnection(dev.oktaentra.okta.testing.FakeConnection.DISABLED),
                FakeApp.office365("0oaO365e", "Office 365 Sandbox")
                        .withConnection(dev.oktaentra.okta.testing.FakeConnection.UNKNOWN)
                        .withUserProvisioning(null));
        fake.maxPageSize(2);
    }
}
