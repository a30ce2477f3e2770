package dev.oktaentra.core.migration.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.migration.ApplyResult;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.OnDemandProvisioningKind;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.core.tenant.CloudSyncJob;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * enable-cloud-sync provisions a sample of the predicted hard matches on demand before it starts the jobs; a sampled
 * user the service creates instead of matching stops the step before any job starts.
 */
class OnDemandSampleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
    private static final String STEP = "enable-cloud-sync";

    @TempDir
    Path dir;

    private final MemoryWorld world = new MemoryWorld();

    @BeforeEach
    void seed() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 10; i++) {
            ObjectGuid guid = ObjectGuid.random(random);
            String upn = "u" + i + "@contoso.com";
            world.add(OnPremUser.builder().distinguishedName(dn(i)).userPrincipalName(upn).samAccountName("u" + i)
                    .objectGuid(guid).mail(upn).proxyAddresses(List.of("SMTP:" + upn)).build());
            world.add(CloudUser.builder().id("c" + i).userPrincipalName(upn).immutableId(guid.toImmutableId().value())
                    .mail(upn).proxyAddresses(List.of("SMTP:" + upn)).build());
        }
        world.jobs.add(new CloudSyncJob("sp1", "contoso.com", "AD2AADProvisioning.x1", "AD2AADProvisioning",
                "Paused", "Disabled", null, null));
    }

    private static String dn(int i) {
        return "CN=u" + i + ",OU=Staff,DC=contoso,DC=com";
    }

    private Migration open(MigrationOptions options) {
        MigrationContext context = MigrationContext.builder()
                .onPrem(world.onPremDirectory()).cloud(world.cloudDirectory()).tenant(world.tenant())
                .options(options).clock(CLOCK).build();
        return Migration.builder().runbook(Runbooks.cloudSync()).context(context).journal(dir.resolve("j.jsonl"))
                .open();
    }

    @Test
    void plan_samplesTheFirstPredictedHardMatchesOnDemand_beforeStartingTheJob() {
        try (Migration migration = open(MigrationOptions.defaults().withOnDemandSample(3))) {
            Plan plan = migration.plan(STEP);

            assertThat(plan.changes()).extracting(c -> c.kind().name() + " " + c.target()).containsExactly(
                    "onDemandProvisioning " + dn(0), "onDemandProvisioning " + dn(1),
                    "onDemandProvisioning " + dn(2), "cloudSyncJob AD2AADProvisioning.x1");
            assertThat(plan.changes().get(0).reason()).contains("not a dry run", "u0@contoso.com");
            assertThat(migration.apply(plan).complete()).isTrue();
            assertThat(migration.verify(STEP).passed()).isTrue();
            assertThat(world.writes).containsExactly("onDemand " + dn(0), "onDemand " + dn(1), "onDemand " + dn(2),
                    "job AD2AADProvisioning.x1 start");
        }
    }

    @Test
    void aSampledUserCreatedInsteadOfMatched_stopsTheStepBeforeAnyJobStarts_namingTheUser() {
        try (Migration migration = open(MigrationOptions.defaults())) {
            Plan plan = migration.plan(STEP);
            // After the review, u1's cloud user is deleted: the service finds nothing to match and creates u1.
            world.cloud.remove("c1");

            ApplyResult result = migration.apply(plan);

            assertThat(result.stoppedOnConflict()).isTrue();
            assertThat(result.failures()).singleElement().satisfies(f -> {
                assertThat(f.change().target()).isEqualTo(dn(1));
                assertThat(f.message()).contains("u1@contoso.com", "created a new user", "duplicate",
                        "remove the new user");
            });
            // Nothing after the created user: no further sample, no job started.
            assertThat(world.writes).containsExactly("onDemand " + dn(0), "onDemand " + dn(1));
            VerifyResult verdict = migration.verify(STEP);
            assertThat(verdict.passed()).isFalse();
            assertThat(verdict.findings()).extracting(StepFinding::message)
                    .anySatisfy(m -> assertThat(m).contains(dn(1), "CREATED"));

            // Planned again, the step holds back until a person confirms they dealt with the duplicate.
            Plan held = migration.plan(STEP);
            assertThat(held.changes()).isEmpty();
            assertThat(held.instructions()).singleElement().asString().contains(dn(1), "Confirm this step");

            migration.confirm(STEP, "ops", "removed the duplicate of u1 and bound its ImmutableID");
            Plan next = migration.plan(STEP);
            assertThat(next.changes()).filteredOn(c -> c.kind() == OnDemandProvisioningKind.KIND)
                    .extracting(c -> c.target()).doesNotContain(dn(0), dn(1)).hasSize(5);
        }
    }

    @Test
    void aSampleOfZero_isAnOptOutThePlanRecords_andProvisionsNobody() {
        try (Migration migration = open(MigrationOptions.defaults().withOnDemandSample(0))) {
            Plan plan = migration.plan(STEP);

            assertThat(plan.changes()).extracting(c -> c.kind().name()).containsExactly("cloudSyncJob");
            assertThat(plan.instructions()).singleElement().asString().contains("switched off", "onDemandSample 0");
            migration.apply(plan);
            assertThat(world.writes).containsExactly("job AD2AADProvisioning.x1 start");
        }
    }

    @Test
    void aRunningJob_isNotSampled() {
        world.jobs.set(0, new CloudSyncJob("sp1", "contoso.com", "AD2AADProvisioning.x1", "AD2AADProvisioning",
                "Active", "Active", null, null));
        try (Migration migration = open(MigrationOptions.defaults())) {
            assertThat(migration.plan(STEP).changes()).isEmpty();
        }
    }

    @Test
    void domainOf_readsTheDcParts() {
        assertThat(OnDemandSample.domainOf("CN=Adele\\, V,CN=Users,DC=corp,DC=chicago,DC=com"))
                .isEqualTo("corp.chicago.com");
    }
}
