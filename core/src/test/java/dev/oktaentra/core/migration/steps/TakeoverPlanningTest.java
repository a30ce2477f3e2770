package dev.oktaentra.core.migration.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.TargetSystem;
import dev.oktaentra.core.provisioning.ProvisioningState;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps that act on the 2026 predictions: remediate-anchors stamps the ImmutableID of pairs Entra ID will not
 * match by itself, and backfill-attributes plans from the takeover's predicted changes.
 */
class TakeoverPlanningTest {

    @TempDir
    Path dir;

    private final MemoryWorld world = new MemoryWorld();
    private final SplittableRandom random = new SplittableRandom(11);

    private Migration open() {
        world.app("0oa1", ProvisioningState.ENABLED);
        MigrationContext context = MigrationContext.builder()
                .onPrem(world.onPremDirectory()).onPremWriter(world.onPremWriter())
                .cloud(world.cloudDirectory()).cloudWriter(world.cloudWriter())
                .provisioning(world.provisioning()).tenant(world.tenant())
                .options(MigrationOptions.defaults()).build();
        return Migration.builder().runbook(Runbooks.connectServer()).context(context)
                .journal(dir.resolve("journal.jsonl")).open();
    }

    /** Matched users enough for detect-anchor to name objectGUID. */
    private void matched(int n) {
        for (int i = 0; i < n; i++) {
            ObjectGuid guid = ObjectGuid.random(random);
            String upn = "u" + i + "@contoso.com";
            world.add(OnPremUser.builder().distinguishedName("CN=u" + i + ",OU=Staff,DC=contoso,DC=com")
                    .userPrincipalName(upn).samAccountName("u" + i).objectGuid(guid).mail(upn)
                    .proxyAddresses(List.of("SMTP:" + upn)).build());
            world.add(CloudUser.builder().id("c" + i).userPrincipalName(upn).immutableId(guid.toImmutableId())
                    .mail(upn).proxyAddresses(List.of("SMTP:" + upn)).build());
        }
    }

    @Test
    void remediateAnchors_stampsAPairOnlyTheUpnFinds_whileSoftMatchOnUpnIsAssumedOff() {
        matched(20);
        ObjectGuid guid = ObjectGuid.random(random);
        world.add(OnPremUser.builder().distinguishedName("CN=eve,OU=Staff,DC=contoso,DC=com")
                .userPrincipalName("eve@contoso.com").samAccountName("eve").objectGuid(guid)
                .mail("eve.adams@contoso.com").proxyAddresses(List.of("SMTP:eve.adams@contoso.com")).build());
        world.add(CloudUser.builder().id("c-eve").userPrincipalName("eve@contoso.com").mail("eve@contoso.com")
                .proxyAddresses(List.of("SMTP:eve@contoso.com")).build());

        try (Migration migration = open()) {
            assertThat(migration.context().validation().counts()).containsEntry(MatchOutcome.SOFT_MATCH_ONLY, 1L);
            Plan plan = migration.plan("remediate-anchors");

            assertThat(plan.changes()).singleElement().satisfies(c -> {
                assertThat(c.system()).isEqualTo(TargetSystem.CLOUD);
                assertThat(c.target()).isEqualTo("c-eve");
                assertThat(c.after()).isEqualTo(guid.toImmutableId().value());
                assertThat(c.reason()).contains("SOFT_MATCH_ON_UPN_OFF");
            });
        }
    }

    @Test
    void backfillAttributes_writesARemovedDisplayNameAndSaysWhichAliasesWouldBeLost() {
        matched(20);
        ObjectGuid guid = ObjectGuid.random(random);
        world.add(OnPremUser.builder().distinguishedName("CN=ana,OU=Staff,DC=contoso,DC=com")
                .userPrincipalName("ana@contoso.com").samAccountName("ana").objectGuid(guid).mail("ana@contoso.com")
                .proxyAddresses(List.of("SMTP:ana@contoso.com")).build());
        world.add(CloudUser.builder().id("c-ana").userPrincipalName("ana@contoso.com").immutableId(guid.toImmutableId())
                .mail("ana@contoso.com").displayName("Ana Silva")
                .proxyAddresses(List.of("SMTP:ana@contoso.com", "smtp:ana.silva@contoso.com")).build());

        try (Migration migration = open()) {
            Plan plan = migration.plan("backfill-attributes");

            assertThat(plan.changes()).singleElement().satisfies(c -> {
                assertThat(c.target()).isEqualTo("CN=ana,OU=Staff,DC=contoso,DC=com");
                assertThat(c.after()).isEqualTo("Ana Silva");
                assertThat(c.reason()).contains("displayName");
            });
            assertThat(plan.instructions()).singleElement().asString()
                    .contains("smtp:ana.silva@contoso.com", "add them to the on-prem proxyAddresses");
            assertThat(migration.verify("backfill-attributes").findings())
                    .anySatisfy(f -> assertThat(f.message()).contains("smtp:ana.silva@contoso.com"));
        }
    }
}
