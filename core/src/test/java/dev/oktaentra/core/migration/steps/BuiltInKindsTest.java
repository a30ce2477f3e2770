package dev.oktaentra.core.migration.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.core.migration.ApplyResult;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.ChangeKind;
import dev.oktaentra.core.migration.ChangeResult;
import dev.oktaentra.core.migration.CloudAttribute;
import dev.oktaentra.core.migration.CloudSyncJobRun;
import dev.oktaentra.core.migration.JournalEntry;
import dev.oktaentra.core.migration.MatchGuards;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.OnPremAttribute;
import dev.oktaentra.core.migration.OnPremGuidAttribute;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.ProvisioningSwitch;
import dev.oktaentra.core.migration.ReadBack;
import dev.oktaentra.core.migration.TargetSystem;
import dev.oktaentra.core.provisioning.ProvisioningState;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.MatchBlocks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each built-in change kind against the in-memory ports: it writes compare-and-set (written, found written, changed
 * underneath), reads its target back where a port can, and knows its inverse or why there is none.
 */
class BuiltInKindsTest {

    private static final String DN = "CN=u1,OU=Staff,DC=contoso,DC=com";
    private static final ObjectGuid GUID = ObjectGuid.parse("2c9bf6e2-559f-4212-987a-ed85e01f0fb1");

    @TempDir
    Path dir;

    private final MemoryWorld world = new MemoryWorld();

    private MigrationContext context() {
        return MigrationContext.builder()
                .onPrem(world.onPremDirectory()).onPremWriter(world.onPremWriter())
                .cloud(world.cloudDirectory()).cloudWriter(world.cloudWriter())
                .provisioning(world.provisioning()).tenant(world.tenant())
                .options(MigrationOptions.defaults()).build();
    }

    private ChangeResult apply(Change change) {
        List<ChangeResult> results = change.kind().apply(context(), "test", List.of(change));
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private ReadBack read(Change change) {
        return change.kind().read(context(), "test", change);
    }

    private void onPremUser(String mail, ObjectGuid consistencyGuid) {
        world.add(OnPremUser.builder().distinguishedName(DN).userPrincipalName("u1@contoso.com").samAccountName("u1")
                .objectGuid(ObjectGuid.parse("11111111-2222-3333-4444-555555555555")).mail(mail)
                .consistencyGuid(consistencyGuid).build());
    }

    @Test
    void onPremAttribute_writesTextCompareAndSetAndIsUndoneToEmpty() {
        onPremUser(null, null);
        Change fill = OnPremAttribute.change(DN, "mail", null, "u1@contoso.com", "back-fill");

        assertThat(apply(fill).status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(world.onPrem.get(DN).mail()).isEqualTo("u1@contoso.com");
        assertThat(apply(fill)).extracting(ChangeResult::status, ChangeResult::observed)
                .containsExactly(WriteStatus.ALREADY_APPLIED, "u1@contoso.com");
        assertThat(apply(OnPremAttribute.change(DN, "mail", "x@contoso.com", "y@contoso.com", "r")))
                .extracting(ChangeResult::status, ChangeResult::observed)
                .containsExactly(WriteStatus.CONFLICT, "u1@contoso.com");
        assertThat(read(fill).readable()).as("the LDAP writer reads back itself").isFalse();

        assertThat(fill.kind().reversible(fill)).isTrue();
        Change undo = fill.kind().inverse(fill, "rollback");
        assertThat(undo).extracting(Change::kind, Change::before, Change::after)
                .containsExactly(OnPremAttribute.KIND, "u1@contoso.com", null);
        assertThat(apply(undo).status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(world.onPrem.get(DN).mail()).isNull();
    }

    @Test
    void onPremGuidAttribute_writesTheGuidAs16BytesAndReportsItAsGuidText() {
        onPremUser("u1@contoso.com", null);
        Change stamp = OnPremGuidAttribute.consistencyGuid(DN, null, GUID, "anchor");

        assertThat(stamp.after()).isEqualTo("2c9bf6e2-559f-4212-987a-ed85e01f0fb1");
        assertThat(apply(stamp).status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(world.onPrem.get(DN).consistencyGuid()).isEqualTo(GUID);
        assertThat(apply(stamp).observed()).isEqualTo(GUID.toString());

        Change undo = stamp.kind().inverse(stamp, "rollback");
        assertThat(apply(undo).status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(world.onPrem.get(DN).consistencyGuid()).isNull();
    }

    @Test
    void onPremGuidAttribute_failsOnAValueThatIsNoGuidWithoutWriting() {
        onPremUser("u1@contoso.com", null);
        Change wrong = Change.of(OnPremGuidAttribute.KIND, DN, "mS-DS-ConsistencyGuid", null, "not a guid", "r");

        assertThatThrownBy(() -> apply(wrong)).hasMessageContaining("not a guid");
        assertThat(world.writes).isEmpty();
    }

    @Test
    void cloudAttribute_writesTheImmutableIdAndIsUndoneOnlyToAValue() {
        world.add(CloudUser.builder().id("c1").userPrincipalName("u1@contoso.com").immutableId("b2xk").build());
        Change fix = CloudAttribute.immutableId("c1", "b2xk", "bmV3", "mismatch");

        assertThat(apply(fix).status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(world.cloud.get("c1").immutableId().value()).isEqualTo("bmV3");
        assertThat(fix.kind().reversible(fix)).isTrue();
        assertThat(apply(fix.kind().inverse(fix, "rollback")).status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(world.cloud.get("c1").immutableId().value()).isEqualTo("b2xk");

        Change fromEmpty = CloudAttribute.immutableId("c1", null, "bmV3", "was empty");
        assertThat(fromEmpty.kind().reversible(fromEmpty)).isFalse();
        assertThat(fromEmpty.kind().undoByHand(fromEmpty)).isEqualTo("Clear onPremisesImmutableId of cloud user c1 "
                + "by hand if needed (it was empty before and is bmV3 now): Graph v1.0 refuses null; Microsoft "
                + "documents clearing it for cloud-only users only, through Graph beta: PATCH "
                + "https://graph.microsoft.com/beta/users/c1 with {\"onPremisesImmutableId\": null} "
                + "(https://learn.microsoft.com/entra/identity/hybrid/connect/tshoot-clear-on-premises-attributes)");
    }

    @Test
    void cloudAttribute_isRefusedForAUserSyncedFromAd() {
        world.add(CloudUser.builder().id("c1").userPrincipalName("u1@contoso.com").immutableId("b2xk")
                .onPremisesSyncEnabled(true).build());

        assertThat(apply(CloudAttribute.immutableId("c1", "b2xk", "bmV3", "r")).status())
                .isEqualTo(WriteStatus.REFUSED);
    }

    @Test
    void provisioningSwitch_switchesCompareAndSetReadsBackAndIsUndoneByEnabling() {
        world.app("0oa1", ProvisioningState.ENABLED);
        Change off = ProvisioningSwitch.change("0oa1", ProvisioningState.ENABLED, ProvisioningState.DISABLED, "r");

        assertThat(apply(off)).extracting(ChangeResult::status, ChangeResult::observed)
                .containsExactly(WriteStatus.APPLIED, "ENABLED");
        assertThat(read(off)).isEqualTo(ReadBack.of("DISABLED"));
        assertThat(apply(off).status()).isEqualTo(WriteStatus.ALREADY_APPLIED);
        Change on = off.kind().inverse(off, "rollback");
        assertThat(apply(on).status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(world.apps.get("0oa1").provisioning()).isEqualTo(ProvisioningState.ENABLED);

        world.app("0oa1", ProvisioningState.MANUAL_ONLY);
        assertThat(apply(off)).extracting(ChangeResult::status, ChangeResult::observed)
                .containsExactly(WriteStatus.CONFLICT, "MANUAL_ONLY");
        Change gone = ProvisioningSwitch.change("0oa9", ProvisioningState.ENABLED, ProvisioningState.DISABLED, "r");
        assertThat(apply(gone).status()).isEqualTo(WriteStatus.CONFLICT);
        assertThat(read(gone)).isEqualTo(ReadBack.of(null));
    }

    @Test
    void matchGuards_setCompareAndSetReadBackAndAreUndoneToThePlannedGuards() {
        Change open = MatchGuards.change(MatchBlocks.CLOSED, MatchBlocks.OPEN, "window");

        assertThat(open.target()).isEqualTo(MatchGuards.TARGET);
        assertThat(apply(open).status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(world.blocks).isEqualTo(MatchBlocks.OPEN);
        assertThat(read(open)).isEqualTo(ReadBack.of(MatchGuards.text(MatchBlocks.OPEN)));
        assertThat(apply(open).status()).isEqualTo(WriteStatus.ALREADY_APPLIED);
        assertThat(apply(open.kind().inverse(open, "rollback")).status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(world.blocks).isEqualTo(MatchBlocks.CLOSED);

        world.blocks = new MatchBlocks(true, false);
        assertThat(apply(open).status()).isEqualTo(WriteStatus.CONFLICT);
        assertThat(MatchGuards.parse(MatchGuards.text(MatchBlocks.OPEN))).isEqualTo(MatchBlocks.OPEN);
        assertThatThrownBy(() -> MatchGuards.parse("blockSoftMatchEnabled"))
                .hasMessageContaining("Not a matchBlocks value: blockSoftMatchEnabled");
    }

    @Test
    void cloudSyncJobRun_startsAJobOnceReadsItBackAndCannotBeUndone() {
        CloudSyncJob job = new CloudSyncJob("sp1", "contoso.com", "AD2AADProvisioning.x1", "AD2AADProvisioning",
                "Paused", "Disabled", null, null);
        world.jobs.add(job);
        Change start = CloudSyncJobRun.start(job, "cutover");

        assertThat(apply(start)).extracting(ChangeResult::status, ChangeResult::observed)
                .containsExactly(WriteStatus.APPLIED, "Paused");
        assertThat(read(start)).isEqualTo(ReadBack.of(CloudSyncJobRun.ACTIVE));
        assertThat(apply(start).status()).isEqualTo(WriteStatus.ALREADY_APPLIED);
        assertThat(world.writes).containsExactly("job AD2AADProvisioning.x1 start");
        assertThat(read(CloudSyncJobRun.restart(job, "r")).readable()).isFalse();

        assertThat(start.kind().reversible(start)).isFalse();
        assertThat(start.kind().undoByHand(start)).isEqualTo("Pause cloud sync job AD2AADProvisioning.x1 in the "
                + "Entra admin center if it must stop");
    }

    /**
     * The tutorial's "Restart the cloud provisioning sync" is written to a job that runs (an active job is not
     * "already applied"), and resets Watermark, Escrows and QuarantineState, never Full (which includes ForceDeletes).
     */
    @Test
    void restart_ofARunningJob_isWrittenWithoutForceDeletes() {
        CloudSyncJob job = new CloudSyncJob("sp1", "contoso.com", "AD2AADProvisioning.x1", "AD2AADProvisioning",
                "Active", "Active", "Succeeded", null);
        world.jobs.add(job);
        Change restart = CloudSyncJobRun.restart(job, "after the ImmutableID fixes");

        assertThat(apply(restart)).extracting(ChangeResult::status, ChangeResult::observed)
                .containsExactly(WriteStatus.APPLIED, "Active");
        assertThat(world.writes).containsExactly("job AD2AADProvisioning.x1 restart Watermark, Escrows, QuarantineState");
        assertThat(restart.kind().reversible(restart)).isFalse();
    }

    @Test
    void everyBuiltInKind_namesItsSystemAndWritesDirectoriesInGroupsOf20() {
        assertThat(List.<ChangeKind>of(OnPremAttribute.KIND, OnPremGuidAttribute.KIND, CloudAttribute.KIND))
                .allSatisfy(k -> assertThat(k.groupSize()).isEqualTo(20));
        assertThat(List.<ChangeKind>of(ProvisioningSwitch.KIND, MatchGuards.KIND, CloudSyncJobRun.KIND))
                .allSatisfy(k -> assertThat(k.groupSize()).isEqualTo(1));
        assertThat(List.of(OnPremAttribute.KIND.system(), CloudAttribute.KIND.system(),
                ProvisioningSwitch.KIND.system(), MatchGuards.KIND.system())).containsExactly(TargetSystem.ON_PREM,
                TargetSystem.CLOUD, TargetSystem.PROVISIONING, TargetSystem.TENANT);
    }

    /**
     * A write that took effect but whose answer was lost past the adapter's own read-back (the port throws) is read
     * back through its kind and journaled APPLIED, so the rollback undoes it.
     */
    @Test
    void lostAnswers_ofOktaAndTheTenant_areReadBackAsWritten() {
        world.app("0oa1", ProvisioningState.ENABLED);
        world.jobs.add(new CloudSyncJob("sp1", "contoso.com", "AD2AADProvisioning.x1", "AD2AADProvisioning",
                "Paused", "Disabled", null, null));
        try (Migration migration = Migration.builder().runbook(Runbooks.cloudSync()).context(context())
                .journal(dir.resolve("journal.jsonl")).open()) {
            for (String step : List.of("disable-okta-provisioning", "open-matching-window", "enable-cloud-sync")) {
                Plan plan = migration.plan(step);
                world.lostAnswers = 1;

                ApplyResult result = migration.apply(plan);

                assertThat(result.applied()).as(step).isEqualTo(1);
                assertThat(result.complete()).as(step).isTrue();
                JournalEntry written = migration.journal().entries().stream()
                        .filter(e -> e.type() == JournalEntry.Type.CHANGE_APPLIED && step.equals(e.step()))
                        .findFirst().orElseThrow();
                assertThat(written.message()).as(step).startsWith("the answer was lost (Connection reset")
                        .endsWith("read back: written");
            }
            assertThat(migration.rollback("disable-okta-provisioning").changes()).hasSize(1);
            assertThat(migration.rollback("open-matching-window").changes()).hasSize(1);
        }
        assertThat(world.apps.get("0oa1").provisioning()).isEqualTo(ProvisioningState.DISABLED);
        assertThat(world.blocks).isEqualTo(MatchBlocks.OPEN);
        assertThat(CloudSyncJobRun.isActive(world.jobs.get(0))).isTrue();
    }
}
