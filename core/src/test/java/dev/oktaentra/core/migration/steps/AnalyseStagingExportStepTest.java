package dev.oktaentra.core.migration.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.VerifyResult;
import java.nio.file.Files;
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
 * {@code analyse-staging-export} follows Microsoft's tutorial ("14. Verify no pending deletions in the export.",
 * "21. Record objects pending deletion and their on-premises values.") and Entra Connect's deletion threshold: a
 * pending delete fails the step unless the operator listed the user as a reviewed leaver, and an export with more
 * deletes than the threshold fails it whatever the review.
 */
class AnalyseStagingExportStepTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
    private static final String STEP = "analyse-staging-export";

    @TempDir
    Path dir;

    private final MemoryWorld world = new MemoryWorld();
    private final SplittableRandom random = new SplittableRandom(21);
    private final List<String> leavers = new ArrayList<>();

    /** One user who stays, and three leavers whose on-prem objects were deleted after the server joined them. */
    @BeforeEach
    void seed() {
        ObjectGuid guid = ObjectGuid.random(random);
        world.add(OnPremUser.builder().distinguishedName("CN=stays,OU=Staff,DC=contoso,DC=com")
                .userPrincipalName("stays@contoso.com").objectGuid(guid).build());
        world.add(CloudUser.builder().id("c-stays").userPrincipalName("stays@contoso.com")
                .immutableId(guid.toImmutableId().value()).build());
        for (int i = 0; i < 3; i++) {
            String anchor = ObjectGuid.random(random).toImmutableId().value();
            world.add(CloudUser.builder().id("c-gone" + i).userPrincipalName("gone" + i + "@contoso.com")
                    .immutableId(anchor).onPremisesSyncEnabled(true).build());
            leavers.add(anchor);
        }
    }

    /** SYNTHETIC export, shaped after domain.md section 2.2: one user delete per anchor, with its last values. */
    private Path export(List<String> anchors) throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<cs-objects>\n");
        for (int i = 0; i < anchors.size(); i++) {
            String dn = ImmutableId.of(anchors.get(i)).toConnectorSpaceDn();
            xml.append(" <cs-object cs-dn=\"").append(dn).append("\" id=\"{11111111-2222-3333-4444-55555555555")
                    .append(i).append("}\" object-type=\"user\">\n  <unapplied-export><delta operation=\"delete\" dn=\"")
                    .append(dn).append("\"/></unapplied-export>\n  <synchronized-hologram><entry dn=\"").append(dn)
                    .append("\">\n   <attr name=\"userPrincipalName\" type=\"string\" multivalued=\"false\"><value>gone")
                    .append(i).append("@contoso.com</value></attr>\n  </entry></synchronized-hologram>\n </cs-object>\n");
        }
        return Files.writeString(dir.resolve("export.xml"), xml.append("</cs-objects>\n"));
    }

    private Migration open(MigrationOptions options) {
        return Migration.configure().runbook(Runbooks.connectServer())
                .context(MigrationContext.builder().onPrem(world.onPremDirectory()).cloud(world.cloudDirectory())
                        .options(options).clock(CLOCK).build())
                .journal(dir.resolve("journal-" + options.hashCode() + ".jsonl")).open();
    }

    private static List<String> errors(VerifyResult result) {
        return result.findings().stream().filter(f -> f.severity() == StepFinding.Severity.ERROR)
                .map(StepFinding::message).toList();
    }

    @Test
    void aUserDelete_failsTheStepEvenOnceConfirmed_untilTheUserIsListedAsAReviewedLeaver() throws Exception {
        Path export = export(leavers.subList(0, 1));
        Path reviewed = Files.writeString(dir.resolve("reviewed-leavers.txt"), "# HR ticket 4711\n"
                + leavers.get(0) + "\n");
        MigrationOptions options = MigrationOptions.defaults().withStagingExport(export);

        try (Migration migration = open(options)) {
            migration.plan(STEP);
            migration.confirm(STEP, "ops", "gone0 left the company");
            VerifyResult confirmed = migration.verify(STEP);

            assertThat(confirmed.passed()).isFalse();
            assertThat(errors(confirmed)).anySatisfy(m -> assertThat(m).startsWith("UNEXPECTED_DELETE "
                    + "gone0@contoso.com: A delete of user 'gone0@contoso.com', which no on-prem object explains"));
        }
        try (Migration migration = open(options.withReviewedLeavers(reviewed))) {
            VerifyResult listed = migration.verify(STEP);

            assertThat(listed.passed()).as(String.valueOf(listed.findings())).isTrue();
            assertThat(listed.findings()).anySatisfy(f -> {
                assertThat(f.severity()).isEqualTo(StepFinding.Severity.WARNING);
                assertThat(f.message()).startsWith("REVIEWED_DELETE gone0@contoso.com: A delete of user "
                        + "'gone0@contoso.com', reviewed as a leaver in " + reviewed);
            });
        }
    }

    /** The accidental-deletes page: "configured to not allow an export with more than 500 deletes". */
    @Test
    void moreDeletesThanTheThreshold_failTheStepWithThatReason_evenWhenEachIsReviewed() throws Exception {
        Path export = export(leavers);
        Path reviewed = Files.writeString(dir.resolve("reviewed-leavers.txt"), String.join("\n", leavers));
        MigrationOptions options = MigrationOptions.defaults().withStagingExport(export)
                .withReviewedLeavers(reviewed);

        try (Migration migration = open(options.withDeletionThreshold(2))) {
            VerifyResult over = migration.verify(STEP);

            assertThat(over.passed()).isFalse();
            assertThat(errors(over)).singleElement().satisfies(m -> assertThat(m).startsWith(
                    "DELETION_THRESHOLD_EXCEEDED (the whole export): The export holds 3 deletes, more than the "
                            + "deletion threshold of 2: Entra Connect stops such an export"));
        }
        try (Migration migration = open(options)) {
            assertThat(migration.verify(STEP).passed()).isTrue();
        }
    }

    @Test
    void aReviewedLeaversFileThatCannotBeRead_failsTheStepNamingFileAndLine() throws Exception {
        Path reviewed = Files.writeString(dir.resolve("reviewed-leavers.txt"), "CN=gone0,OU=Staff,DC=contoso,DC=com\n");
        MigrationOptions options = MigrationOptions.defaults().withStagingExport(export(leavers.subList(0, 1)))
                .withReviewedLeavers(reviewed);

        try (Migration migration = open(options)) {
            VerifyResult result = migration.verify(STEP);

            assertThat(result.passed()).isFalse();
            assertThat(errors(result)).singleElement().satisfies(m -> assertThat(m)
                    .startsWith("Cannot read the reviewed leavers " + reviewed + ", line 1: "));
        }
    }

    @Test
    void options_defaultToEntraConnectsThresholdAndNoReviewedLeavers() {
        assertThat(MigrationOptions.defaults().deletionThreshold()).isEqualTo(500);
        assertThat(MigrationOptions.defaults().reviewedLeavers()).isNull();
    }
}
