package dev.oktaentra.core.migration.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.migration.ApplyResult;
import dev.oktaentra.core.migration.JournalEntry;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepInfo;
import dev.oktaentra.core.migration.StepStatus;
import dev.oktaentra.core.migration.TargetSystem;
import dev.oktaentra.core.migration.TopologyNeeds;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.provisioning.ProvisioningState;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.MatchBlocks;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both runbooks over the in-memory ports: dry runs write nothing, applies fix what validation found. Time comes from
 * a fixed clock, so "after the cutover" is decided by the test, never by how fast the machine runs it.
 */
class RunbookTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final MemoryWorld world = new MemoryWorld();
    private final SplittableRandom random = new SplittableRandom(5);

    @BeforeEach
    void seed() {
        for (int i = 0; i < 40; i++) {
            ObjectGuid guid = ObjectGuid.random(random);
            String upn = "u" + i + "@contoso.com";
            world.add(OnPremUser.builder().distinguishedName("CN=u" + i + ",OU=Staff,DC=contoso,DC=com")
                    .userPrincipalName(upn).samAccountName("u" + i).objectGuid(guid).mail(i == 7 ? null : upn)
                    .proxyAddresses(List.of("SMTP:" + upn)).build());
            String anchor = i == 3 || i == 4 ? bigEndian(guid) : guid.toImmutableId().value();
            world.add(CloudUser.builder().id("c" + i).userPrincipalName(upn).immutableId(anchor).mail(upn)
                    .proxyAddresses(List.of("SMTP:" + upn)).build());
        }
        world.app("0oa1", ProvisioningState.ENABLED);
        world.app("0oa2", ProvisioningState.ENABLED);
        world.app("0oa3", ProvisioningState.DISABLED);
    }

    private Migration open(dev.oktaentra.core.migration.Runbook runbook) {
        MigrationContext context = MigrationContext.builder()
                .onPrem(world.onPremDirectory()).onPremWriter(world.onPremWriter())
                .cloud(world.cloudDirectory()).cloudWriter(world.cloudWriter())
                .provisioning(world.provisioning()).tenant(world.tenant())
                .options(MigrationOptions.defaults().withTopology(new TopologyNeeds(true, false, false, 40)))
                .clock(CLOCK).build();
        return Migration.builder().runbook(runbook).context(context).journal(dir.resolve("journal.jsonl")).open();
    }

    @Test
    void connectServer_dryRunWritesNothing() {
        try (Migration migration = open(Runbooks.connectServer())) {
            for (StepInfo info : migration.info()) {
                migration.plan(info.stepId());
            }

            assertThat(world.writes).isEmpty();
            assertThat(migration.info()).extracting(StepInfo::status).doesNotContain(StepStatus.APPLIED);
            assertThat(migration.info().stream().filter(i -> i.stepId().equals("install-connect-staging")))
                    .singleElement().extracting(StepInfo::status).isEqualTo(StepStatus.WAITING_FOR_OPERATOR);
        }
    }

    @Test
    void connectServer_fixesAnchorsAndBackfillsThenVerifies() {
        try (Migration migration = open(Runbooks.connectServer())) {
            assertThat(migration.verify("choose-topology").passed()).isTrue();
            assertThat(migration.verify("detect-anchor").passed()).isTrue();
            VerifyResult validation = migration.verify("validate-anchors");
            assertThat(validation.passed()).isFalse();
            assertThat(validation.findings()).anySatisfy(f -> assertThat(f.message()).contains("2 ANCHOR_MISMATCH"));

            Plan remediation = migration.plan("remediate-anchors");
            assertThat(remediation.changes()).hasSize(2).allSatisfy(c -> {
                assertThat(c.system()).isEqualTo(TargetSystem.CLOUD);
                assertThat(c.reason()).contains("BYTE_ORDER");
            });
            assertThat(migration.apply(remediation).complete()).isTrue();
            assertThat(migration.verify("remediate-anchors").passed()).isTrue();

            Plan backfill = migration.plan("backfill-attributes");
            assertThat(backfill.changes()).singleElement().satisfies(c -> {
                assertThat(c.target()).isEqualTo("CN=u7,OU=Staff,DC=contoso,DC=com");
                assertThat(c.after()).isEqualTo("u7@contoso.com");
            });
            migration.apply(backfill);
            assertThat(world.onPrem.get("CN=u7,OU=Staff,DC=contoso,DC=com").mail()).isEqualTo("u7@contoso.com");
            assertThat(migration.verify("validate-anchors").passed()).isTrue();
        }
    }

    /** The seed has one user (u7) whose cloud mail on-prem lacks: every count of one is in the singular. */
    @Test
    void findings_speakOfOneInTheSingular() {
        try (Migration migration = open(Runbooks.connectServer())) {
            assertThat(migration.verify("validate-anchors").findings())
                    .anySatisfy(f -> assertThat(f.message()).startsWith("1 user would lose {mail=1} because"));
            assertThat(migration.assess("backfill-attributes"))
                    .anySatisfy(f -> assertThat(f.message()).startsWith("1 attribute to back-fill on-prem;"));
            assertThat(migration.verify("backfill-attributes").findings())
                    .anySatisfy(f -> assertThat(f.message()).startsWith("1 user would still lose attributes:"));
        }
    }

    @Test
    void disableOkta_switchesOffEveryEnabledAppOnceAndRollsBack() {
        try (Migration migration = open(Runbooks.connectServer())) {
            Plan plan = migration.plan("disable-okta-provisioning");
            assertThat(plan.changes()).extracting(c -> c.target()).containsExactly("0oa1", "0oa2");
            ApplyResult result = migration.apply(plan);
            assertThat(result.applied()).isEqualTo(2);
            assertThat(migration.verify("disable-okta-provisioning").passed()).isTrue();
            assertThat(migration.plan("disable-okta-provisioning").changes()).isEmpty();

            migration.apply(migration.rollback("disable-okta-provisioning"));

            assertThat(world.apps.get("0oa1").provisioning()).isEqualTo(ProvisioningState.ENABLED);
            assertThat(world.apps.get("0oa2").provisioning()).isEqualTo(ProvisioningState.ENABLED);
            assertThat(world.apps.get("0oa3").provisioning()).isEqualTo(ProvisioningState.DISABLED);
        }
    }

    @Test
    void disableOkta_waitsForAnOperatorWhenAnAppIsManualOnly() {
        world.app("0oa9", ProvisioningState.MANUAL_ONLY);
        try (Migration migration = open(Runbooks.connectServer())) {
            Plan plan = migration.plan("disable-okta-provisioning");
            assertThat(plan.instructions()).singleElement().asString().contains("Enable API integration");
            migration.apply(plan);

            assertThat(status(migration, "disable-okta-provisioning")).isEqualTo(StepStatus.WAITING_FOR_OPERATOR);
            assertThat(migration.verify("disable-okta-provisioning").passed()).isFalse();
            migration.confirm("disable-okta-provisioning", "ops", "cleared in the console");
            assertThat(migration.verify("disable-okta-provisioning").passed()).isTrue();
        }
    }

    @Test
    void remediation_rollbackRestoresTheCloudValues() {
        String before = world.cloud.get("c3").immutableId().value();
        try (Migration migration = open(Runbooks.connectServer())) {
            migration.apply(migration.plan("remediate-anchors"));
            assertThat(world.cloud.get("c3").immutableId().value()).isNotEqualTo(before);

            Plan undo = migration.rollback("remediate-anchors");
            assertThat(undo.changes()).hasSize(2);
            migration.apply(undo);

            assertThat(world.cloud.get("c3").immutableId().value()).isEqualTo(before);
        }
    }

    @Test
    void cloudSync_opensTheWindowStartsTheJobAndVerifiesTheCutover() {
        world.jobs.add(new CloudSyncJob("sp1", "contoso.com", "AD2AADProvisioning.x1", "AD2AADProvisioning",
                "Paused", "Disabled", null, null));
        try (Migration migration = open(Runbooks.cloudSync())) {
            migration.apply(migration.plan("remediate-anchors"));
            migration.apply(migration.plan("open-matching-window"));
            assertThat(world.blocks).isEqualTo(MatchBlocks.OPEN);
            // Five predicted hard matches provisioned on demand (all matched), then the job started.
            assertThat(migration.apply(migration.plan("enable-cloud-sync")).applied()).isEqualTo(6);
            world.syncEnabled = true;
            world.lastSync = NOW.plusSeconds(5);

            VerifyResult cutover = migration.verify("verify-cutover");

            assertThat(cutover.passed()).as("%s", cutover.findings()).isTrue();
            migration.apply(migration.plan("close-matching-window"));
            assertThat(world.blocks).isEqualTo(MatchBlocks.CLOSED);
        }
    }

    /**
     * Enabling starts the password hash job beside the provisioning job; the restart after the ImmutableID fixes is
     * a planned, journaled step of its own that passes only once the running job was restarted, without Full.
     */
    @Test
    void cloudSync_startsThePasswordHashJobToo_andRestartsTheProvisioningJobAsAStep() {
        world.jobs.add(new CloudSyncJob("sp1", "contoso.com", "AD2AADProvisioning.x1", "AD2AADProvisioning",
                "Paused", "Disabled", null, null));
        world.jobs.add(new CloudSyncJob("sp1", "contoso.com", "AD2AADPasswordHash.x1", "AD2AADPasswordHash",
                "Paused", "Disabled", null, null));
        try (Migration migration = open(Runbooks.cloudSync())) {
            assertThat(migration.apply(migration.plan("enable-cloud-sync")).applied()).isEqualTo(7);
            assertThat(migration.verify("enable-cloud-sync").passed()).isTrue();
            assertThat(migration.verify("restart-cloud-sync").passed()).as("not restarted yet").isFalse();

            Plan restart = migration.plan("restart-cloud-sync");

            assertThat(restart.changes()).extracting(c -> c.target()).containsExactly("AD2AADProvisioning.x1");
            assertThat(migration.apply(restart).applied()).isEqualTo(1);
            assertThat(migration.verify("restart-cloud-sync").passed()).isTrue();
            // The on-demand sample first (u3 and u4 are mismatched, so not predicted to match), then the starts.
            assertThat(world.writes).containsExactly("onDemand CN=u0,OU=Staff,DC=contoso,DC=com",
                    "onDemand CN=u1,OU=Staff,DC=contoso,DC=com", "onDemand CN=u2,OU=Staff,DC=contoso,DC=com",
                    "onDemand CN=u5,OU=Staff,DC=contoso,DC=com", "onDemand CN=u6,OU=Staff,DC=contoso,DC=com",
                    "job AD2AADProvisioning.x1 start",
                    "job AD2AADPasswordHash.x1 start",
                    "job AD2AADProvisioning.x1 restart Watermark, Escrows, QuarantineState");
        }
    }

    @Test
    void journal_stampsEveryEntryWithTheContextsClock() {
        try (Migration migration = open(Runbooks.connectServer())) {
            migration.apply(migration.plan("remediate-anchors"));
            migration.verify("remediate-anchors");

            assertThat(migration.journal().entries()).isNotEmpty().extracting(JournalEntry::at).containsOnly(NOW);
        }
    }

    @Test
    void verifyCutover_failsWhenTheLastSyncIsBeforeTheCutover() {
        world.jobs.add(new CloudSyncJob("sp1", "contoso.com", "AD2AADProvisioning.x1", "AD2AADProvisioning",
                "Paused", "Disabled", null, null));
        try (Migration migration = open(Runbooks.cloudSync())) {
            migration.apply(migration.plan("remediate-anchors"));
            migration.apply(migration.plan("enable-cloud-sync"));
            world.syncEnabled = true;
            world.lastSync = NOW.minusSeconds(1);

            VerifyResult cutover = migration.verify("verify-cutover");

            assertThat(cutover.passed()).isFalse();
            assertThat(cutover.findings()).anySatisfy(f -> assertThat(f.message())
                    .contains("is not after the cutover (" + NOW + ")"));
        }
    }

    @Test
    void verifyCutover_asksToReplanRemediationWhenMismatchesCameBack() {
        world.jobs.add(new CloudSyncJob("sp1", "contoso.com", "AD2AADProvisioning.x1", "AD2AADProvisioning",
                "Paused", "Disabled", null, null));
        try (Migration migration = open(Runbooks.cloudSync())) {
            migration.apply(migration.plan("enable-cloud-sync"));
            world.lastSync = NOW.plusSeconds(5);

            VerifyResult cutover = migration.verify("verify-cutover");

            assertThat(cutover.passed()).isFalse();
            assertThat(cutover.replanStep()).isEqualTo("remediate-anchors");
        }
    }

    @Test
    void analyseStagingExport_failsOnAnAddThatWouldDuplicateACloudUser() throws Exception {
        // SYNTHETIC export, shaped after domain.md section 2.2: one add of u3, whose cloud user holds another anchor.
        String anchor = dev.oktaentra.core.anchor.ImmutableId.of(world.onPrem.get("CN=u3,OU=Staff,DC=contoso,DC=com")
                .objectGuid().toImmutableId().value()).value();
        String dn = dev.oktaentra.core.anchor.ImmutableId.of(anchor).toConnectorSpaceDn();
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<cs-objects>\n"
                + " <cs-object cs-dn=\"" + dn + "\" id=\"{11111111-2222-3333-4444-555555555555}\" object-type=\"user\">\n"
                + "  <unapplied-export><delta operation=\"add\" dn=\"" + dn + "\">\n"
                + "   <attr name=\"sourceAnchor\" type=\"string\" multivalued=\"false\"><value>" + anchor
                + "</value></attr>\n"
                + "   <attr name=\"userPrincipalName\" type=\"string\" multivalued=\"false\">"
                + "<value>u3@contoso.com</value></attr>\n"
                + "  </delta></unapplied-export>\n </cs-object>\n</cs-objects>\n";
        Path export = java.nio.file.Files.writeString(dir.resolve("export.xml"), xml);
        try (Migration migration = Migration.builder().runbook(Runbooks.connectServer())
                .context(MigrationContext.builder().onPrem(world.onPremDirectory()).cloud(world.cloudDirectory())
                        .options(MigrationOptions.defaults().withStagingExport(export)).clock(CLOCK).build())
                .journal(dir.resolve("staging.jsonl")).open()) {

            VerifyResult result = migration.verify("analyse-staging-export");

            assertThat(result.passed()).isFalse();
            assertThat(result.findings()).anySatisfy(f -> assertThat(f.message())
                    .startsWith("UNEXPECTED_ADD u3@contoso.com"));
        }
    }

    private static StepStatus status(Migration migration, String step) {
        return migration.info().stream().filter(i -> i.stepId().equals(step)).findFirst().orElseThrow().status();
    }

    private static String bigEndian(ObjectGuid guid) {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(16).putLong(guid.toUuid()
                .getMostSignificantBits()).putLong(guid.toUuid().getLeastSignificantBits()).array());
    }
}
