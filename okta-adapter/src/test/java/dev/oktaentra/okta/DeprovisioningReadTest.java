package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.provisioning.Deprovisioning;
import dev.oktaentra.core.provisioning.ProvisionedObjects;
import dev.oktaentra.core.provisioning.PushedGroup;
import dev.oktaentra.okta.testing.FakeApp;
import dev.oktaentra.okta.testing.FakeConnection;
import dev.oktaentra.okta.testing.FakeOktaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter reads what an Office 365 app does on unassignment (the USER_PROVISIONING feature's
 * {@code lifecycleDeactivate} and the app feature {@code PUSH_USER_DEACTIVATION}) and which groups it pushes (the
 * app feature {@code GROUP_PUSH} and the group push mappings), through the real SDK against the fake org.
 */
class DeprovisioningReadTest {

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
    void deprovisioning_deactivateUsersOn_isEnabledWithItsEvidence() {
        fake.addApp(FakeApp.office365("0oaO365a", "Office 365").withDeactivateUsers(true));

        Deprovisioning reading = okta.deprovisioning("0oaO365a");

        assertThat(reading.deactivateUsers()).isEqualTo(Deprovisioning.DeactivateUsers.ENABLED);
        assertThat(reading.mayDeprovision()).isTrue();
        assertThat(reading.evidence()).contains("lifecycleDeactivate ENABLED").contains("PUSH_USER_DEACTIVATION");
    }

    @Test
    void deprovisioning_deactivateUsersOff_isDisabled() {
        fake.addApp(FakeApp.office365("0oaO365a", "Office 365"));

        Deprovisioning reading = okta.deprovisioning("0oaO365a");

        assertThat(reading.deactivateUsers()).isEqualTo(Deprovisioning.DeactivateUsers.DISABLED);
        assertThat(reading.mayDeprovision()).isFalse();
    }

    @Test
    void deprovisioning_withoutTheFeaturesApi_fallsBackOnTheAppsFeatureList() {
        fake.addApp(FakeApp.office365("0oaO365a", "Office 365").withConnection(FakeConnection.UNKNOWN)
                .withUserProvisioning(null));

        Deprovisioning reading = okta.deprovisioning("0oaO365a");

        assertThat(reading.deactivateUsers()).isEqualTo(Deprovisioning.DeactivateUsers.DISABLED);
        assertThat(reading.evidence()).contains("HTTP 400");
    }

    @Test
    void beyondUsers_groupPushMappings_areListedOverSeveralPages() {
        fake.maxPageSize(2);
        fake.addApp(FakeApp.office365("0oaO365a", "Office 365").withGroupPushes(
                new PushedGroup("gpm1", "00g1", "6f1c0e4a-1111-4d7b-8a2e-000000000001", "ACTIVE", null),
                new PushedGroup("gpm2", "00g2", "6f1c0e4a-1111-4d7b-8a2e-000000000002", "ACTIVE", null),
                new PushedGroup("gpm3", "00g3", null, "ERROR", "Group name already exists"),
                new PushedGroup("gpm4", "00g4", "6f1c0e4a-1111-4d7b-8a2e-000000000004", "INACTIVE", null)));

        ProvisionedObjects objects = okta.beyondUsers("0oaO365a");

        assertThat(objects.groupPush()).isTrue();
        assertThat(objects.pushedGroups()).extracting(PushedGroup::mappingId)
                .containsExactly("gpm1", "gpm2", "gpm3", "gpm4");
        assertThat(objects.activeGroups()).hasSize(3);
        assertThat(objects.pushedGroups().get(2).errorSummary()).isEqualTo("Group name already exists");
        assertThat(fake.requests()).filteredOn(r -> r.path().endsWith("/group-push/mappings")).hasSize(2);
    }

    @Test
    void beyondUsers_noGroupPush_isFalse() {
        fake.addApp(FakeApp.office365("0oaO365a", "Office 365"));

        ProvisionedObjects objects = okta.beyondUsers("0oaO365a");

        assertThat(objects.groupPush()).isFalse();
        assertThat(objects.mayPushGroups()).isFalse();
        assertThat(objects.evidence()).contains("Universal Sync");
    }
}
