package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.provisioning.ProvisionedUser;
import dev.oktaentra.okta.disable.DisablePlan;
import dev.oktaentra.okta.disable.DisableResult;
import dev.oktaentra.okta.disable.Verification;
import dev.oktaentra.okta.testing.FakeConnection;
import dev.oktaentra.okta.testing.FakeOktaServer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's okta-adapter snippet, verbatim between the markers, run against the fake. */
class ReadmeExampleTest {

    @Test
    void readmeSnippet_runsAgainstTheFake() {
        try (FakeOktaServer fake = FakeOktaServer.start()) {
            TestOrgs.seedMixedOrg(fake);
            try (OktaProvisioning okta = TestOrgs.connect(fake)) {
                readme(okta);
            }
            assertThat(fake.app("0oaO365a").connection()).isEqualTo(FakeConnection.DISABLED);
        }
    }

    private static void readme(OktaProvisioning okta) {
        // README begin
        okta.apps().forEach(app -> System.out.println(app.label() + ": " + app.provisioning() + ", " + app.detail()));
        String appId = okta.apps().get(0).id();
        System.out.println(okta.immutableIdMapping(appId).explanation());      // objectGUID for Okta's default
        try (Stream<ProvisionedUser> users = okta.users(appId)) {               // the third witness, page by page
            users.forEach(u -> System.out.println(u.userName() + " " + u.immutableId()));
        }

        DisablePlan plan = okta.planDisable();                 // dry run: every Office 365 app, changes nothing
        System.out.println(plan.describe());
        DisableResult result = okta.apply(plan);               // deactivates the connections that are on
        result.confirmByHand().forEach(c -> System.out.println(c.message()));  // console steps, by hand
        Verification check = okta.verify(plan);                // reads every Office 365 app back
        if (!check.passed()) {
            okta.rollback(result);                             // re-enables exactly what apply switched off
        }
        // README end
    }
}
