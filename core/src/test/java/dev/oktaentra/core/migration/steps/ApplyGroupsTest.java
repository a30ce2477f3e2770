package dev.oktaentra.core.migration.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.migration.ApplyResult;
import dev.oktaentra.core.migration.JournalEntry;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.provisioning.ProvisioningState;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the journal guarantees about a plan's changes as {@code ChangeApplier} writes them: directory writes go out in
 * groups of 20 (one Graph {@code $batch}) and a group's results are journaled before the next group is written;
 * identity-provider and tenant changes go one at a time, each journaled before the next. A CONFLICT stops the apply:
 * nothing after its group (directories) or after it (one at a time) is written.
 */
class ApplyGroupsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final MemoryWorld world = new MemoryWorld();

    private Migration open() {
        MigrationContext context = MigrationContext.builder()
                .onPrem(world.onPremDirectory()).onPremWriter(world.onPremWriter())
                .cloud(world.cloudDirectory()).cloudWriter(world.cloudWriter())
                .provisioning(world.provisioning()).tenant(world.tenant())
                .options(MigrationOptions.defaults()).clock(CLOCK).build();
        return Migration.builder().runbook(Runbooks.connectServer()).context(context)
                .journal(dir.resolve("journal.jsonl")).open();
    }

    @Test
    void apply_stopsAtAnIdentityProviderConflictBeforeSwitchingTheNextApp() {
        world.app("0oa1", ProvisioningState.ENABLED);
        world.app("0oa2", ProvisioningState.ENABLED);
        world.app("0oa3", ProvisioningState.ENABLED);
        try (Migration migration = open()) {
            Plan plan = migration.plan("disable-okta-provisioning");
            assertThat(plan.changes()).extracting(c -> c.target()).containsExactly("0oa1", "0oa2", "0oa3");
            world.app("0oa2", ProvisioningState.MANUAL_ONLY);   // someone changed it in the console since

            ApplyResult result = migration.apply(plan);

            assertThat(result.stoppedOnConflict()).isTrue();
            assertThat(result.applied()).isEqualTo(1);
            assertThat(result.failures()).singleElement().satisfies(f -> {
                assertThat(f.status()).isEqualTo("CONFLICT");
                assertThat(f.change().target()).isEqualTo("0oa2");
            });
            assertThat(world.apps.get("0oa1").provisioning()).isEqualTo(ProvisioningState.DISABLED);
            assertThat(world.apps.get("0oa3").provisioning()).isEqualTo(ProvisioningState.ENABLED);
            assertThat(world.writes).containsExactly("okta 0oa1=DISABLED");
            assertThat(migration.journal().entries()).extracting(JournalEntry::type).containsSubsequence(
                    JournalEntry.Type.CHANGE_APPLIED, JournalEntry.Type.CHANGE_FAILED);
        }
    }

    @Test
    void apply_writesTheRestOfADirectoryGroupWithAConflictButNoLaterGroup() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 25; i++) {
            ObjectGuid guid = ObjectGuid.random(random);
            String upn = "u" + i + "@contoso.com";
            world.add(OnPremUser.builder().distinguishedName("CN=u" + i + ",DC=contoso,DC=com").userPrincipalName(upn)
                    .samAccountName("u" + i).objectGuid(guid).mail(upn).proxyAddresses(List.of("SMTP:" + upn)).build());
            world.add(CloudUser.builder().id("c" + i).userPrincipalName(upn).immutableId(bigEndian(guid)).mail(upn)
                    .proxyAddresses(List.of("SMTP:" + upn)).build());
        }
        try (Migration migration = open()) {
            Plan plan = migration.plan("remediate-anchors");
            assertThat(plan.changes()).hasSize(25);
            String conflicting = plan.changes().get(2).target();
            CloudUser changed = world.cloud.get(conflicting);
            world.add(changed.toBuilder().immutableId((ImmutableId) null).onPremisesSyncEnabled(false)
                    .onPremisesLastSyncDateTime(null).holdsAdminRole(false).build());

            ApplyResult result = migration.apply(plan);

            assertThat(result.stoppedOnConflict()).isTrue();
            assertThat(result.applied()).isEqualTo(19);
            assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.change().target())
                    .isEqualTo(conflicting));
            List<String> unwritten = plan.changes().subList(20, 25).stream().map(c -> c.target()).toList();
            assertThat(world.writes).hasSize(19).noneMatch(w -> unwritten.stream().anyMatch(t -> w.contains(" " + t
                    + " ")));
        }
    }

    /** The GUID's bytes in RFC 4122 order, Base64: the byte-order mistake remediation fixes. */
    private static String bigEndian(ObjectGuid guid) {
        java.util.UUID uuid = guid.toUuid();
        ByteBuffer b = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return Base64.getEncoder().encodeToString(b.array());
    }
}
