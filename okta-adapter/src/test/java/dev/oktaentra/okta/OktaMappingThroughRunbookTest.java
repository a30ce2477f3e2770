package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.okta.testing.FakeApp;
import dev.oktaentra.okta.testing.FakeOktaServer;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code remediate-anchors} reads each Office 365 app's immutableId mapping from the fake org and, when Okta computes
 * the ImmutableID from another attribute than the new engine's anchor, tells the operator to update the attribute
 * Okta is syncing before Okta is switched off (Microsoft's Okta migration tutorial).
 */
class OktaMappingThroughRunbookTest {

    private static final String STEP = "remediate-anchors";

    @TempDir
    Path dir;

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

    private Plan plan(SourceAnchor anchor) {
        ObjectGuid guid = ObjectGuid.fromUuid(UUID.nameUUIDFromBytes("ada".getBytes()));
        OnPremDirectory ad = OnPremDirectory.of("AD", List.of(OnPremUser.builder()
                .distinguishedName("CN=Ada,OU=Staff,DC=contoso,DC=com").userPrincipalName("ada@contoso.com")
                .objectGuid(guid).origin("contoso.com").build()));
        CloudDirectory entra = CloudDirectory.of("Entra", List.of(CloudUser.builder().id("c1")
                .userPrincipalName("ada@contoso.com").immutableId(guid.toImmutableId().value()).build()));
        MigrationContext context = MigrationContext.builder().onPrem(ad).cloud(entra).provisioning(okta)
                .options(MigrationOptions.defaults().withAnchor(anchor)).build();
        try (Migration migration = Migration.builder().runbook(Runbooks.connectServer()).context(context)
                .journal(dir.resolve("journal-" + UUID.randomUUID() + ".jsonl")).open()) {
            return migration.plan(STEP);
        }
    }

    @Test
    void plan_anOktaMappingFromAnotherAttribute_tellsToUpdateTheAttributeOktaIsSyncing() {
        fake.addApp(FakeApp.office365("0oaO365a", "Office 365")
                .withImmutableIdExpression("appuser.employeeNumber"));

        Plan plan = plan(SourceAnchor.objectGuid());

        assertThat(plan.instructions()).anySatisfy(i -> assertThat(i).contains("Office 365 (0oaO365a)")
                .contains("employeeNumber").contains("objectGUID")
                .contains("update the attribute Okta is syncing"));
    }

    @Test
    void plan_oktasDefaultMappingWithTheConsistencyGuidAnchor_needsNothing() {
        fake.addApp(FakeApp.office365("0oaO365a", "Office 365"));

        Plan plan = plan(SourceAnchor.consistencyGuid());

        assertThat(plan.instructions()).noneSatisfy(i -> assertThat(i).contains("Okta is syncing"));
    }

    @Test
    void plan_aMappingOktaDoesNotExpose_asksTheOperatorToCheckIt() {
        fake.addApp(FakeApp.office365("0oaO365a", "Office 365").withoutProfileMapping());

        Plan plan = plan(SourceAnchor.objectGuid());

        assertThat(plan.instructions()).anySatisfy(i -> assertThat(i).contains("Office 365 (0oaO365a)")
                .contains("could not tell").contains("objectGUID"));
    }

    @Test
    void plan_anAppWhoseProvisioningIsOff_isLeftOut() {
        fake.addApp(FakeApp.office365("0oaO365a", "Office 365").withImmutableIdExpression("appuser.employeeNumber")
                .withConnection(dev.oktaentra.okta.testing.FakeConnection.DISABLED));

        Plan plan = plan(SourceAnchor.objectGuid());

        assertThat(plan.instructions()).noneSatisfy(i -> assertThat(i).contains("Okta is syncing"));
    }
}
