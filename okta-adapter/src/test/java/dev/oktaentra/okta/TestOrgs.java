package dev.oktaentra.okta;

import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.core.settings.RetryPolicy;
import dev.oktaentra.okta.testing.FakeApp;
import dev.oktaentra.okta.testing.FakeConnection;
import dev.oktaentra.okta.testing.FakeOktaServer;
import dev.oktaentra.okta.testing.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds adapters against a {@link FakeOktaServer}, and seeds the orgs the tests share. */
final class TestOrgs {

    private TestOrgs() {
    }

    /** An adapter with the fake's API token and two retries that never sleep. */
    static OktaProvisioning connect(FakeOktaServer fake) {
        return OktaProvisioning.connect(builder(fake).build());
    }

    /** Settings with the fake's API token, plain http to its loopback port, and two retries that never sleep. */
    static OktaSettings.Builder builder(FakeOktaServer fake) {
        return OktaSettings.builder()
                .orgUrl(fake.orgUrl())
                .credentials(OktaCredentials.apiToken(fake.apiToken()))
                .allowPlaintextOnLoopback()
                .retry(retry(2, new CopyOnWriteArrayList<>()));
    }

    /** A migration on the Connect runbook whose only port is {@code okta}, journaled to {@code journal}. */
    static Migration openConnectRunbook(OktaProvisioning okta, Path journal) {
        return Migration.builder().runbook(Runbooks.connectServer())
                .context(MigrationContext.builder().provisioning(okta).build())
                .journal(journal).open();
    }

    /** The requests that changed something in the fake org, in order. */
    static List<RecordedRequest> writes(FakeOktaServer fake) {
        return fake.requests().stream().filter(RecordedRequest::isWrite).toList();
    }

    /** The default policy with {@code maxRetries}, its waits recorded in {@code sleeps} instead of slept. */
    static RetryPolicy retry(int maxRetries, List<Duration> sleeps) {
        return OktaSettings.DEFAULT_RETRY.toBuilder().maxRetries(maxRetries).sleeper(sleeps::add).build();
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
                FakeApp.office365("0oaO365d", "Office 365 Legacy").withConnection(FakeConnection.DISABLED),
                FakeApp.office365("0oaO365e", "Office 365 Sandbox").withConnection(FakeConnection.UNKNOWN)
                        .withUserProvisioning(null));
        fake.maxPageSize(2);
    }
}
