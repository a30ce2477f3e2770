package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.core.provisioning.ProvisionedUser;
import dev.oktaentra.okta.testing.FakeConnection;
import dev.oktaentra.okta.testing.FakeOktaServer;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's okta-adapter snippet, verbatim between the markers, run against the fake. */
class ReadmeExampleTest {

    @Test
    void readmeSnippet_runsAgainstTheFake(@TempDir Path dir) {
        try (FakeOktaServer fake = FakeOktaServer.start()) {
            TestOrgs.seedMixedOrg(fake);
            try (OktaProvisioning okta = TestOrgs.connect(fake)) {
                readme(okta, dir.resolve("okta.journal"));
            }
            assertThat(fake.app("0oaO365a").connection()).as("the sandbox app was not confirmed, so verify failed"
                    + " and the rollback switched it on again").isEqualTo(FakeConnection.ENABLED);
            assertThat(fake.requests()).anySatisfy(r -> assertThat(r.path()).endsWith("/lifecycle/deactivate"));
        }
    }

    private static void readme(OktaProvisioning okta, Path journal) {
        // README begin
        okta.apps().forEach(app -> System.out.println(app.label() + ": " + app.provisioning() + ", " + app.detail()));
        String appId = okta.apps().get(0).id();
        System.out.println(okta.immutableIdMapping(appId).explanation());      // objectGUID for Okta's default
        try (Stream<ProvisionedUser> users = okta.users(appId)) {               // the third witness, page by page
            users.forEach(u -> System.out.println(u.userName() + " " + u.immutableId()));
        }

        // Switching Okta off is the runbook's journaled step: plan (a dry run), apply, verify, roll back.
        MigrationContext context = MigrationContext.builder().provisioning(okta).build();
        try (Migration migration = Migration.builder().runbook(Runbooks.connectServer()).context(context)
                .journal(journal).open()) {
            Plan plan = migration.plan("disable-okta-provisioning");  // every Office 365 app; changes nothing
            plan.instructions().forEach(System.out::println);        // console steps; apps that deprovision users
            // An app with "Deactivate Users" on: read what the plan says, then acknowledge it or apply refuses:
            // migration.confirm("disable-okta-provisioning", "alice", "read; no unassignment until the cutover");
            migration.apply(plan);                                   // deactivates the connections that are on
            if (!migration.verify("disable-okta-provisioning").passed()) {
                migration.apply(migration.rollback("disable-okta-provisioning"));  // exactly what apply switched
            }
        }
        // README end
    }
}
