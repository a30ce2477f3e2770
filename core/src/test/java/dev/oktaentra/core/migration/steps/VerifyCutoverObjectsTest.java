package dev.oktaentra.core.migration.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.TenantObject;
import dev.oktaentra.core.tenant.TenantSync;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify-cutover cannot see duplicates without the tenant's objects, and says so instead of passing; a bad file of
 * reviewed new users fails it naming the file and line.
 */
class VerifyCutoverObjectsTest {

    @TempDir
    Path dir;

    private final MemoryWorld world = new MemoryWorld();

    @BeforeEach
    void seed() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 3; i++) {
            ObjectGuid guid = ObjectGuid.random(random);
            String upn = "u" + i + "@contoso.com";
            world.add(OnPremUser.builder().distinguishedName("CN=u" + i + ",DC=contoso,DC=com").userPrincipalName(upn)
                    .objectGuid(guid).mail(upn).build());
            world.add(CloudUser.builder().id("c" + i).userPrincipalName(upn).immutableId(guid.toImmutableId())
                    .mail(upn).build());
        }
        world.jobs.add(new CloudSyncJob("sp1", "contoso.com", "AD2AADProvisioning.x1", "AD2AADProvisioning",
                "Paused", "Disabled", null, null));
    }

    private VerifyResult verify(TenantSync tenant, MigrationOptions options) {
        MigrationContext context = MigrationContext.builder().onPrem(world.onPremDirectory())
                .cloud(world.cloudDirectory()).cloudWriter(world.cloudWriter()).tenant(tenant).options(options)
                .clock(Clock.systemUTC()).build();
        try (Migration migration = Migration.builder().runbook(Runbooks.cloudSync()).context(context)
                .journal(dir.resolve("journal.jsonl")).open()) {
            migration.apply(migration.plan("enable-cloud-sync"));
            world.syncEnabled = true;
            world.lastSync = Instant.now().plusSeconds(1);
            return migration.verify("verify-cutover");
        }
    }

    @Test
    void aTenantPortThatCannotReadObjects_failsTheStepInsteadOfPassing() {
        TenantSync memory = world.tenant();
        TenantSync blind = (TenantSync) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TenantSync.class}, (proxy, method, args) -> {
                    if (method.getName().equals("tenantObjects")) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    return method.invoke(memory, args);
                });

        VerifyResult result = verify(blind, MigrationOptions.defaults());

        assertThat(result.passed()).isFalse();
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message()).startsWith("Cannot see duplicates:")
                .contains("implement TenantSync.tenantObjects()"));
    }

    @Test
    void aReviewedNewUsersFileWithTwoNamesOnALine_failsNamingTheFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("new.txt"), "# reviewed\nu9@contoso.com\nu7@contoso.com u8@contoso.com\n");

        VerifyResult result = verify(world.tenant(), MigrationOptions.defaults().withReviewedNewUsers(file));

        assertThat(result.passed()).isFalse();
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message()).contains(file.toString())
                .contains("line 3").contains("one UPN or object id a line"));
    }

    @Test
    void aSyncedUserWithThePlaceholderUpn_failsTheStepWhenEverItWasCreated() {
        world.objects.add(new TenantObject(TenantObject.Type.USER, "d1", null, "u1+4821@contoso.onmicrosoft.com",
                null, Boolean.TRUE, Instant.parse("2020-01-01T00:00:00Z"), List.of()));

        VerifyResult result = verify(world.tenant(), MigrationOptions.defaults());

        assertThat(result.passed()).isFalse();
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message())
                .isEqualTo("user u1+4821@contoso.onmicrosoft.com (id d1): placeholder UPN of a duplicate"));
    }

    @Test
    void aCloudOnlyUserCreatedInTheWindow_isNoSyncDuplicate() {
        world.objects.add(new TenantObject(TenantObject.Type.USER, "n1", null, "new@contoso.com", null, null,
                Instant.now().plusSeconds(30), List.of()));

        VerifyResult result = verify(world.tenant(), MigrationOptions.defaults());

        assertThat(result.passed()).as("%s", result.findings()).isTrue();
    }
}
