package dev.oktaentra.core.migration.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.core.tenant.RoleAssignment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 2026 hard-match hardening in the runbooks: a paired cloud user holding a role (active or PIM-eligible) is
 * listed with each assignment, by default as an instruction, with the opt-in removed and restored as journaled
 * changes; the onPremisesObjectIdentifier allowance opens and closes with the matching window.
 */
class RoleHoldersTest {

    private static final Instant NOW = Instant.parse("2026-08-01T09:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2027-06-30T00:00:00Z");
    private static final String GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";
    private static final String USER_ADMIN = "fe930be7-5e62-47db-91af-98c3a49a38b1";

    @TempDir
    Path dir;

    private final MemoryWorld world = new MemoryWorld();

    @BeforeEach
    void seed() {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 4; i++) {
            ObjectGuid guid = ObjectGuid.random(random);
            String upn = "u" + i + "@contoso.com";
            world.add(OnPremUser.builder().distinguishedName("CN=u" + i + ",OU=Staff,DC=contoso,DC=com")
                    .userPrincipalName(upn).samAccountName("u" + i).objectGuid(guid).mail(upn)
                    .proxyAddresses(List.of("SMTP:" + upn)).build());
            world.add(CloudUser.builder().id("c" + i).userPrincipalName(upn).immutableId(guid.toImmutableId().value())
                    .mail(upn).proxyAddresses(List.of("SMTP:" + upn)).holdsAdminRole(i == 1)
                    .eligibleForAdminRole(i == 1).onPremisesObjectIdentifier(i == 2 ? guid.toString() : null).build());
        }
        // An unpaired break-glass admin: not the cutover's business.
        world.add(CloudUser.builder().id("bg").userPrincipalName("breakglass@contoso.onmicrosoft.com")
                .holdsAdminRole(true).build());
        world.roles = new ArrayList<>(List.of(
                new RoleAssignment(RoleAssignment.Kind.ACTIVE, "ra-1", "c1", GLOBAL_ADMIN, "Global Administrator",
                        "/", null),
                new RoleAssignment(RoleAssignment.Kind.ELIGIBLE, "es-1", "c1", USER_ADMIN, "User Administrator", "/",
                        EXPIRES),
                new RoleAssignment(RoleAssignment.Kind.ACTIVE, "ra-9", "bg", GLOBAL_ADMIN, null, "/", null)));
    }

    private Migration open(MigrationOptions options) {
        MigrationContext context = MigrationContext.builder().onPrem(world.onPremDirectory())
                .cloud(world.cloudDirectory()).tenant(world.tenant()).options(options)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        return Migration.builder().runbook(Runbooks.cloudSync()).context(context)
                .journal(dir.resolve("journal.jsonl")).open();
    }

    @Test
    void byDefault_listsEachRoleOfAPairedHolderAsAnInstruction_andFailsWhileTheyStand() {
        try (Migration migration = open(MigrationOptions.defaults())) {
            Plan plan = migration.plan("release-role-holders");

            assertThat(plan.changes()).isEmpty();
            assertThat(plan.instructions()).hasSize(2).allSatisfy(i -> assertThat(i)
                    .contains("u1@contoso.com").contains("CN=u1,OU=Staff,DC=contoso,DC=com"));
            assertThat(plan.instructions().get(0)).contains("active Global Administrator").contains("ra-1");
            assertThat(plan.instructions().get(1)).contains("eligible for User Administrator")
                    .contains("until " + EXPIRES).contains("es-1");
            assertThat(String.join(" ", plan.instructions())).doesNotContain("breakglass");

            VerifyResult verified = migration.verify("release-role-holders");
            assertThat(verified.passed()).isFalse();
            assertThat(verified.findings()).singleElement().satisfies(f -> assertThat(f.message())
                    .contains("u1@contoso.com"));
            assertThat(world.writes).isEmpty();
        }
    }

    @Test
    void optedIn_removesActiveAndEligibleRoles_andRestoresThemAfterTheCutoverWithTheirExpiration() {
        try (Migration migration = open(MigrationOptions.defaults().withRemoveRoleHolders(true))) {
            Plan release = migration.plan("release-role-holders");
            assertThat(release.changes()).extracting(c -> c.attribute()).containsExactly(
                    "activeRole:" + GLOBAL_ADMIN + "@/", "eligibleRole:" + USER_ADMIN + "@/");
            assertThat(migration.apply(release).complete()).isTrue();
            world.add(world.cloud.get("c1").toBuilder().holdsAdminRole(false).eligibleForAdminRole(false).build());
            assertThat(migration.verify("release-role-holders").passed()).isTrue();
            assertThat(migration.verify("restore-role-holders").passed()).as("not restored yet").isFalse();

            assertThat(migration.apply(migration.plan("restore-role-holders")).complete()).isTrue();

            assertThat(world.writes).containsExactly("role remove c1 ACTIVE " + GLOBAL_ADMIN,
                    "role remove c1 ELIGIBLE " + USER_ADMIN, "role assign c1 ACTIVE " + GLOBAL_ADMIN,
                    "role assign c1 ELIGIBLE " + USER_ADMIN + " until " + EXPIRES);
            assertThat(migration.verify("restore-role-holders").passed()).isTrue();
        }
    }

    @Test
    void theObjectIdentifierAllowance_opensAndClosesWithTheMatchingWindow_backToItsJournaledValue() {
        try (Migration migration = open(MigrationOptions.defaults())) {
            Plan open = migration.plan("open-matching-window");
            assertThat(open.changes()).extracting(c -> c.attribute() + " " + c.before() + "->" + c.after())
                    .containsExactly("matchBlocks blockSoftMatchEnabled=true,"
                            + "blockCloudObjectTakeoverThroughHardMatchEnabled=true->blockSoftMatchEnabled=false,"
                            + "blockCloudObjectTakeoverThroughHardMatchEnabled=false",
                            "allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled false->true");
            migration.apply(open);
            assertThat(migration.verify("open-matching-window").passed()).isTrue();
            world.objectIdentifierAllowance = false;   // someone closed it early
            assertThat(migration.verify("open-matching-window").passed()).isFalse();
            world.objectIdentifierAllowance = true;

            migration.apply(migration.plan("close-matching-window"));

            assertThat(world.blocks).isEqualTo(MatchBlocks.CLOSED);
            assertThat(world.objectIdentifierAllowance).isFalse();
            assertThat(migration.verify("close-matching-window").passed()).isTrue();
        }
    }
}
