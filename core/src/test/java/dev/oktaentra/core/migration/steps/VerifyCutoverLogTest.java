package dev.oktaentra.core.migration.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.provisioning.ProvisioningState;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.ProvisioningEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify-cutover reads the provisioning log after cloud sync started, through core's one classifier
 * ({@link dev.oktaentra.core.tenant.ProvisioningFailure}): documented matching failures and unknown codes stop the
 * cutover; agent and service failures are reported without stopping it.
 */
class VerifyCutoverLogTest {

    @TempDir
    Path dir;

    private final MemoryWorld world = new MemoryWorld();

    @BeforeEach
    void seed() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 4; i++) {
            ObjectGuid guid = ObjectGuid.random(random);
            String upn = "u" + i + "@contoso.com";
            world.add(OnPremUser.builder().distinguishedName("CN=u" + i + ",OU=Staff,DC=contoso,DC=com")
                    .userPrincipalName(upn).samAccountName("u" + i).objectGuid(guid).mail(upn).build());
            world.add(CloudUser.builder().id("c" + i).userPrincipalName(upn).immutableId(guid.toImmutableId())
                    .mail(upn).build());
        }
        world.app("0oa1", ProvisioningState.ENABLED);
        world.jobs.add(new CloudSyncJob("sp1", "contoso.com", "AD2AADProvisioning.x1", "AD2AADProvisioning",
                "Paused", "Disabled", null, null));
    }

    /** Starts cloud sync, logs one entry after it, and verifies the cutover. */
    private VerifyResult verifyAfter(String status, String errorCode) {
        MigrationContext context = MigrationContext.builder()
                .onPrem(world.onPremDirectory()).onPremWriter(world.onPremWriter())
                .cloud(world.cloudDirectory()).cloudWriter(world.cloudWriter())
                .provisioning(world.provisioning()).tenant(world.tenant())
                .options(MigrationOptions.defaults()).clock(Clock.systemUTC()).build();
        try (Migration migration = Migration.builder().runbook(Runbooks.cloudSync()).context(context)
                .journal(dir.resolve("journal.jsonl")).open()) {
            migration.apply(migration.plan("enable-cloud-sync"));
            Instant after = Instant.now();
            world.syncEnabled = true;
            world.lastSync = after.plusSeconds(1);
            world.events.add(new ProvisioningEvent("e1", after, "AD2AADProvisioning.x1", "update", status, errorCode,
                    "reason text is not read", "src-u2", "u2", "c2", "u2@contoso.com"));
            return migration.verify("verify-cutover");
        }
    }

    @Test
    void aUniquenessViolation_stopsTheCutover() {
        VerifyResult result = verifyAfter("failure", "AttributeValueMustBeUnique");

        assertThat(result.passed()).isFalse();
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(StepFinding.Severity.ERROR);
            assertThat(f.message()).contains("1 provisioning failure since the cutover blocks it")
                    .contains("uniqueness violation").contains("u2: AttributeValueMustBeUnique");
        });
    }

    @Test
    void aBlockedHardMatch_stopsTheCutover() {
        VerifyResult result = verifyAfter("failure", "InvalidHardMatch");

        assertThat(result.passed()).isFalse();
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message()).contains("hard match blocked"));
    }

    @Test
    void aFailureWithAnUnknownCode_stopsTheCutover() {
        VerifyResult result = verifyAfter("failure", "SomethingMicrosoftAddsLater");

        assertThat(result.passed()).isFalse();
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message()).contains("unknown code")
                .contains("u2: SomethingMicrosoftAddsLater"));
    }

    @Test
    void anAgentFailure_isAWarningThatDoesNotStopTheCutover() {
        VerifyResult result = verifyAfter("failure", "HybridIdentityServiceNoActiveAgents");

        assertThat(result.passed()).as("%s", result.findings()).isTrue();
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(StepFinding.Severity.WARNING);
            assertThat(f.message()).contains("1 provisioning failure of the sync agent or service")
                    .contains("HybridIdentityServiceNoActiveAgents");
        });
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message())
                .isEqualTo("The provisioning log shows no match failure since the cutover."));
    }

    @Test
    void aSuccessfulEntry_passes() {
        VerifyResult result = verifyAfter("success", null);

        assertThat(result.passed()).as("%s", result.findings()).isTrue();
    }
}
