package dev.oktaentra.core.migration.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.CloudAttribute;
import dev.oktaentra.core.migration.CloudSyncJobRun;
import dev.oktaentra.core.migration.MatchGuards;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.OnPremAttribute;
import dev.oktaentra.core.migration.OnPremGuidAttribute;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.ProvisioningSwitch;
import dev.oktaentra.core.migration.StepInfo;
import dev.oktaentra.core.migration.StepStatus;
import dev.oktaentra.core.provisioning.ProvisioningState;
import dev.oktaentra.core.tenant.MatchBlocks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal written by the release before change kinds were named ({@code journal-before-kinds.jsonl}: its lines
 * carry a system and an attribute, no kind) is read as it was meant: the status is what that release showed, its
 * recorded plans apply with their recorded checksums (the consistency GUID as 16 bytes), and its written changes
 * roll back.
 */
class LegacyJournalTest {

    private static final String REMEDIATION = "149ef352-232a-4795-a52c-1e067822a155";
    private static final String REMEDIATION_SUM = "3dadc902c5eb45f4d470c0705ee6efa2bd5ccb90a6382369a759de22a91fb4be";
    private static final String BACKFILL = "53321403-d902-4b60-9ae2-07f987cfbf54";
    private static final String BACKFILL_SUM = "2c2ca99e1635a79889000615014f3c5aad22947a76ebdf5355b508415364fede";

    @TempDir
    Path dir;

    private final MemoryWorld world = new MemoryWorld();
    private Path journal;

    /** The tenant as that release left it: apps switched off, the matching window open, the job started. */
    @BeforeEach
    void restore() throws IOException {
        LegacySeed.seed(world);
        world.app("0oa1", ProvisioningState.DISABLED);
        world.app("0oa2", ProvisioningState.DISABLED);
        world.blocks = MatchBlocks.OPEN;
        world.tenant().start(world.jobs.get(0));
        world.writes.clear();
        journal = dir.resolve("journal.jsonl");
        try (InputStream legacy = getClass().getResourceAsStream("journal-before-kinds.jsonl")) {
            Files.copy(legacy, journal);
        }
    }

    private Migration open() {
        MigrationContext context = MigrationContext.builder()
                .onPrem(world.onPremDirectory()).onPremWriter(world.onPremWriter())
                .cloud(world.cloudDirectory()).cloudWriter(world.cloudWriter())
                .provisioning(world.provisioning()).tenant(world.tenant())
                .options(MigrationOptions.defaults().withAnchor(SourceAnchor.consistencyGuid()))
                .clock(Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC)).build();
        return Migration.builder().runbook(Runbooks.cloudSync()).context(context).journal(journal).open();
    }

    @Test
    void info_showsWhatTheReleaseBeforeKindsShowed() {
        try (Migration migration = open()) {
            assertThat(migration.info()).filteredOn(i -> i.planId() != null)
                    .extracting(StepInfo::stepId, StepInfo::status, StepInfo::planned, StepInfo::applied)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("remediate-anchors", StepStatus.PLANNED, 2, 0),
                            org.assertj.core.groups.Tuple.tuple("backfill-attributes", StepStatus.PLANNED, 1, 0),
                            org.assertj.core.groups.Tuple.tuple("disable-okta-provisioning", StepStatus.APPLIED, 2, 2),
                            org.assertj.core.groups.Tuple.tuple("open-matching-window", StepStatus.APPLIED, 1, 1),
                            org.assertj.core.groups.Tuple.tuple("enable-cloud-sync", StepStatus.APPLIED, 1, 1));
        }
    }

    @Test
    void changesRecordedWithoutAKind_areReadWithTheKindTheirSystemAndAttributeImply() {
        try (Migration migration = open()) {
            List<Change> planned = migration.journal().entries().stream().filter(e -> e.plan() != null)
                    .flatMap(e -> e.plan().changes().stream()).toList();

            assertThat(planned).extracting(Change::kind).containsExactly(CloudAttribute.KIND,
                    OnPremGuidAttribute.KIND, OnPremAttribute.KIND, ProvisioningSwitch.KIND, ProvisioningSwitch.KIND,
                    MatchGuards.KIND, CloudSyncJobRun.KIND);
            assertThat(migration.journal().entries()).filteredOn(e -> e.plan() != null)
                    .allSatisfy(e -> assertThat(e.plan().intact()).as(e.step()).isTrue());
        }
    }

    @Test
    void apply_ofAPlanRecordedBeforeKinds_writesItWithItsRecordedChecksum() {
        try (Migration migration = open()) {
            assertThat(migration.apply("remediate-anchors", REMEDIATION, REMEDIATION_SUM).complete()).isTrue();
            assertThat(migration.apply("backfill-attributes", BACKFILL, BACKFILL_SUM).complete()).isTrue();
        }

        assertThat(world.cloud.get("c1").immutableId().value()).isEqualTo("HLJ9j3YZM063RoYLYvRdRw==");
        assertThat(world.onPrem.get("CN=u4,OU=Staff,DC=contoso,DC=com").consistencyGuid())
                .isEqualTo(ObjectGuid.parse("2c9bf6e2-559f-4212-987a-ed85e01f0fb1"));
        assertThat(world.onPrem.get("CN=u2,OU=Staff,DC=contoso,DC=com").mail()).isEqualTo("u2@contoso.com");
    }

    @Test
    void rollback_ofChangesWrittenBeforeKinds_undoesThemThroughTheirKinds() {
        try (Migration migration = open()) {
            Plan okta = migration.rollback("disable-okta-provisioning");
            assertThat(okta.changes()).extracting(Change::kind).containsOnly(ProvisioningSwitch.KIND);
            assertThat(migration.apply(okta).complete()).isTrue();
            Plan window = migration.rollback("open-matching-window");
            assertThat(migration.apply(window).complete()).isTrue();
            Plan job = migration.rollback("enable-cloud-sync");

            assertThat(job.changes()).isEmpty();
            assertThat(job.instructions()).containsExactly("Pause cloud sync job AD2AADProvisioning.x1 in the Entra "
                    + "admin center if it must stop");
        }
        assertThat(world.apps.get("0oa1").provisioning()).isEqualTo(ProvisioningState.ENABLED);
        assertThat(world.apps.get("0oa2").provisioning()).isEqualTo(ProvisioningState.ENABLED);
        assertThat(world.blocks).isEqualTo(MatchBlocks.CLOSED);
    }

    @Test
    void newLines_nameTheirKindAndTheOldLinesStayAsTheyWere() throws IOException {
        List<String> before = Files.readAllLines(journal, StandardCharsets.UTF_8);
        try (Migration migration = open()) {
            migration.apply("backfill-attributes", BACKFILL, BACKFILL_SUM);
        }
        List<String> after = Files.readAllLines(journal, StandardCharsets.UTF_8);

        assertThat(after.subList(0, before.size())).isEqualTo(before);
        assertThat(after.get(before.size())).contains("\"type\":\"CHANGE_APPLIED\"")
                .contains("\"kind\":\"onPremAttribute\",\"system\":\"ON_PREM\"");
    }
}
