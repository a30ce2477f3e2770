package dev.oktaentra.core.migration.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationException;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepInfo;
import dev.oktaentra.core.migration.StepStatus;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.provisioning.ProvisioningState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A side that comes back empty (a wrong search base, an empty export, the wrong org) fails every step that reads it,
 * with that reason, instead of passing because nothing was there to disagree.
 */
class EmptySideTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path dir;

    private final MemoryWorld world = new MemoryWorld();
    private final SplittableRandom random = new SplittableRandom(11);

    /** Synced-looking users on both sides, or on one side only. */
    private void seed(boolean onPrem, boolean cloud) {
        for (int i = 0; i < 5; i++) {
            ObjectGuid guid = ObjectGuid.random(random);
            String upn = "u" + i + "@contoso.com";
            if (onPrem) {
                world.add(OnPremUser.builder().distinguishedName("CN=u" + i + ",OU=Staff,DC=contoso,DC=com")
                        .userPrincipalName(upn).samAccountName("u" + i).objectGuid(guid).mail(upn).build());
            }
            if (cloud) {
                world.add(CloudUser.builder().id("c" + i).userPrincipalName(upn).immutableId(guid.toImmutableId())
                        .mail(upn).onPremisesSyncEnabled(true).build());
            }
        }
        world.app("0oa1", ProvisioningState.ENABLED);
    }

    private Migration open(MigrationOptions options) {
        MigrationContext context = MigrationContext.builder()
                .onPrem(world.onPremDirectory()).onPremWriter(world.onPremWriter())
                .cloud(world.cloudDirectory()).cloudWriter(world.cloudWriter())
                .provisioning(world.provisioning()).tenant(world.tenant())
                .options(options).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        return Migration.builder().runbook(Runbooks.connectServer()).context(context)
                .journal(dir.resolve("journal.jsonl")).open();
    }

    private Migration open() {
        return open(MigrationOptions.defaults());
    }

    private static void assertFailsNaming(VerifyResult result, String side) {
        assertThat(result.passed()).isFalse();
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(StepFinding.Severity.ERROR);
            assertThat(f.message()).contains(side).contains("yielded no users");
        });
    }

    @Test
    void validateAnchors_failsWhenOnPremYieldsNoUsersWhileTheCloudHoldsSyncedUsers() {
        seed(false, true);
        try (Migration migration = open()) {
            VerifyResult result = migration.verify("validate-anchors");

            assertFailsNaming(result, "The on-prem side (memory AD)");
            assertThat(result.findings()).anySatisfy(f -> assertThat(f.message())
                    .contains("5 users in the cloud (memory Entra)").contains("search base"));
            assertThat(migration.info().stream().filter(i -> i.stepId().equals("validate-anchors")))
                    .singleElement().extracting(StepInfo::status).isEqualTo(StepStatus.FAILED);
        }
    }

    @Test
    void validateAnchors_failsWhenTheCloudYieldsNoUsers() {
        seed(true, false);
        try (Migration migration = open()) {
            assertFailsNaming(migration.verify("validate-anchors"), "The cloud side (memory Entra)");
        }
    }

    @Test
    void detectAnchor_failsNamingTheEmptyOnPremSideNotALowCoverage() {
        seed(false, true);
        try (Migration migration = open()) {
            VerifyResult result = migration.verify("detect-anchor");

            assertFailsNaming(result, "The on-prem side (memory AD)");
            assertThat(result.findings()).noneSatisfy(f -> assertThat(f.message()).contains("explains only"));
        }
    }

    @Test
    void detectAnchor_failsWhenTheCloudYieldsNoUsers() {
        seed(true, false);
        try (Migration migration = open()) {
            assertFailsNaming(migration.verify("detect-anchor"), "The cloud side (memory Entra)");
        }
    }

    @Test
    void remediateAndBackfill_refuseToPlanAgainstAnEmptySide() {
        seed(false, true);
        try (Migration migration = open(MigrationOptions.defaults().withAnchor(
                dev.oktaentra.core.match.SourceAnchor.objectGuid()))) {
            for (String step : List.of("remediate-anchors", "backfill-attributes")) {
                assertThatThrownBy(() -> migration.plan(step)).as(step).isInstanceOf(MigrationException.class)
                        .hasMessageContaining("The on-prem side (memory AD) yielded no users")
                        .hasMessageContaining("Nothing was planned");
                assertFailsNaming(migration.verify(step), "The on-prem side (memory AD)");
            }
            assertThat(world.writes).isEmpty();
        }
    }

    @Test
    void analyseStagingExport_failsWhenOnPremYieldsNoUsersEvenWithNothingPending() throws Exception {
        seed(false, true);
        Path export = Files.writeString(dir.resolve("export.xml"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<cs-objects>\n</cs-objects>\n");
        try (Migration migration = open(MigrationOptions.defaults().withStagingExport(export))) {
            assertFailsNaming(migration.verify("analyse-staging-export"), "The on-prem side (memory AD)");
        }
    }

    @Test
    void verifyCutover_failsWhenOnPremYieldsNoUsers() {
        seed(false, true);
        world.syncEnabled = true;
        world.lastSync = NOW.plusSeconds(600);
        try (Migration migration = open()) {
            migration.plan("leave-staging-mode");
            migration.confirm("leave-staging-mode", "ops", "staging mode off");

            assertFailsNaming(migration.verify("verify-cutover"), "The on-prem side (memory AD)");
        }
    }

    @Test
    void verifyCutover_failsWhenTheCloudYieldsNoUsers() {
        seed(true, false);
        world.syncEnabled = true;
        world.lastSync = NOW.plusSeconds(600);
        try (Migration migration = open()) {
            migration.plan("leave-staging-mode");
            migration.confirm("leave-staging-mode", "ops", "staging mode off");

            assertFailsNaming(migration.verify("verify-cutover"), "The cloud side (memory Entra)");
        }
    }

    @Test
    void disableOkta_refusesToPlanAndFailsToVerifyWhenOktaListsNoOffice365App() {
        seed(true, true);
        world.apps.clear();
        try (Migration migration = open()) {
            assertThatThrownBy(() -> migration.plan("disable-okta-provisioning"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("memory Okta lists no Office 365 app")
                    .hasMessageContaining("skip");
            VerifyResult result = migration.verify("disable-okta-provisioning");
            assertThat(result.passed()).isFalse();
            assertThat(result.findings()).anySatisfy(f -> assertThat(f.message())
                    .contains("memory Okta lists no Office 365 app"));
        }
    }

    @Test
    void bothSidesWithUsers_stillPass() {
        seed(true, true);
        try (Migration migration = open()) {
            assertThat(migration.verify("detect-anchor").passed()).isTrue();
            assertThat(migration.verify("validate-anchors").passed()).isTrue();
        }
    }
}
