package dev.oktaentra.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {

    private static final String ATTR = "mail";

    @TempDir
    Path dir;

    private final MemoryDirectory directory = new MemoryDirectory(ATTR);
    private MigrationContext context;
    private Runbook runbook;

    @BeforeEach
    void seed() {
        for (int i = 0; i < 10; i++) {
            directory.put("CN=u" + i, i < 3 ? "ok" : null);
        }
        context = context(MigrationOptions.defaults());
        runbook = new Runbook("test", List.of(new SetAttributeStep("fill", directory, ATTR, "ok")));
    }

    private MigrationContext context(MigrationOptions options) {
        return MigrationContext.builder().onPremWriter(directory).options(options)
                .clock(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC)).build();
    }

    private Migration open() {
        return Migration.builder().runbook(runbook).context(context).journal(dir.resolve("journal.jsonl")).open();
    }

    @Test
    void plan_writesNothingAndRecordsThePlan() {
        try (Migration migration = open()) {
            Plan plan = migration.plan("fill");

            assertThat(plan.changes()).hasSize(7);
            assertThat(directory.writes()).isEmpty();
            assertThat(migration.info()).singleElement().satisfies(i -> {
                assertThat(i.status()).isEqualTo(StepStatus.PLANNED);
                assertThat(i.planned()).isEqualTo(7);
                assertThat(i.planId()).isEqualTo(plan.id());
            });
        }
    }

    @Test
    void apply_writesTheReviewedPlanAndJournalsBeforeValues() throws Exception {
        try (Migration migration = open()) {
            Plan plan = migration.plan("fill");
            ApplyResult result = migration.apply("fill", plan.id(), plan.checksum());

            assertThat(result.complete()).isTrue();
            assertThat(result.applied()).isEqualTo(7);
            assertThat(directory.writes()).hasSize(7);
            assertThat(migration.info().get(0).status()).isEqualTo(StepStatus.APPLIED);
            assertThat(migration.verify("fill").passed()).isTrue();
            assertThat(migration.info().get(0).status()).isEqualTo(StepStatus.VERIFIED);
        }
        List<String> lines = Files.readAllLines(dir.resolve("journal.jsonl"));
        assertThat(lines).hasSize(1 + 7 + 1 + 1);
        assertThat(lines.get(1)).contains("\"type\":\"CHANGE_APPLIED\"").contains("\"target\":\"CN=u3\"")
                .contains("\"after\":\"ok\"").contains("\"before\":null");
    }

    @Test
    void apply_refusesAPlanWithTheWrongChecksumOrSuperseded() {
        try (Migration migration = open()) {
            Plan first = migration.plan("fill");
            assertThatThrownBy(() -> migration.apply("fill", first.id(), "0".repeat(64)))
                    .isInstanceOf(MigrationException.class).hasMessageContaining("does not match plan");
            Plan second = migration.plan("fill");
            assertThatThrownBy(() -> migration.apply(first))
                    .isInstanceOf(MigrationException.class).hasMessageContaining("superseded by plan " + second.id());
            assertThatThrownBy(() -> migration.apply("fill", "no-such-plan", "x"))
                    .isInstanceOf(MigrationException.class).hasMessageContaining("No plan no-such-plan");
            assertThat(directory.writes()).isEmpty();
        }
    }

    @Test
    void apply_refusesAStalePlanWithoutWritingAnything() {
        try (Migration migration = open()) {
            Plan plan = migration.plan("fill");
            directory.put("CN=u5", "someone else");

            assertThatThrownBy(() -> migration.apply(plan))
                    .isInstanceOf(StalePlanException.class)
                    .hasMessageContaining("mail of CN=u5: planned null -> ok, now needs someone else -> ok")
                    .hasMessageContaining("Nothing was written");
            assertThat(directory.writes()).isEmpty();
        }
    }

    @Test
    void apply_refusesAPlanOverTheThresholdUnlessRaised() {
        context = context(MigrationOptions.defaults().withMaxWritesPerStep(5));
        try (Migration migration = open()) {
            Plan plan = migration.plan("fill");
            assertThatThrownBy(() -> migration.apply(plan))
                    .isInstanceOf(ThresholdExceededException.class)
                    .hasMessageContaining("writes 7 changes; the limit is 5 per step");
            assertThat(directory.writes()).isEmpty();
        }
        context = context(MigrationOptions.defaults().withMaxWritesPerStep(7));
        try (Migration migration = open()) {
            Plan plan = migration.plan("fill");
            assertThat(migration.apply(plan).complete()).isTrue();
        }
    }

    @Test
    void apply_resumesWithoutWritingAnyChangeTwice() {
        directory.failOn("CN=u6");
        try (Migration migration = open()) {
            Plan plan = migration.plan("fill");
            ApplyResult first = migration.apply(plan);
            assertThat(first.failures()).singleElement().satisfies(f -> assertThat(f.status()).isEqualTo("FAILED"));
            assertThat(migration.info().get(0).status()).isEqualTo(StepStatus.FAILED);

            directory.heal();
            RepairResult repair = migration.repair("ops");
            assertThat(repair.cleared()).singleElement().asString().contains("CN=u6").contains("server busy");
            ApplyResult second = migration.apply(plan);

            assertThat(second.skipped()).isEqualTo(6);
            assertThat(second.applied()).isEqualTo(1);
            assertThat(directory.writes()).hasSize(7).doesNotHaveDuplicates();
            assertThat(migration.info().get(0).status()).isEqualTo(StepStatus.APPLIED);
        }
    }

    @Test
    void apply_stopsAtAValueChangedWhileApplying() {
        try (Migration migration = open()) {
            Plan plan = migration.plan("fill");
            directory.beforeNextWrite(() -> directory.put("CN=u9", "edited by an admin"));

            ApplyResult result = migration.apply(plan);

            assertThat(result.stoppedOnConflict()).isTrue();
            assertThat(result.failures()).singleElement().satisfies(f -> {
                assertThat(f.status()).isEqualTo("CONFLICT");
                assertThat(f.change().target()).isEqualTo("CN=u9");
            });
            assertThat(directory.get("CN=u9")).isEqualTo("edited by an admin");
            assertThat(migration.info().get(0).status()).isEqualTo(StepStatus.FAILED);
        }
    }

    @Test
    void rollback_restoresEveryBeforeValue() {
        try (Migration migration = open()) {
            migration.apply(migration.plan("fill"));

            Plan undo = migration.rollback("fill");
            assertThat(undo.rollback()).isTrue();
            assertThat(undo.changes()).hasSize(7).allSatisfy(c -> {
                assertThat(c.before()).isEqualTo("ok");
                assertThat(c.after()).isNull();
            });
            assertThat(migration.apply(undo).complete()).isTrue();

            for (int i = 0; i < 10; i++) {
                assertThat(directory.get("CN=u" + i)).isEqualTo(i < 3 ? "ok" : null);
            }
            assertThat(migration.rollback("fill").changes()).isEmpty();
        }
    }

    @Test
    void open_refusesASecondRunOnTheSameJournal() {
        try (Migration first = open()) {
            assertThatThrownBy(this::open).isInstanceOf(JournalException.class)
                    .hasMessageContaining("is in use by another run");
        }
    }

    @Test
    void openReadOnly_showsWhereStepsStandWhileARunHoldsTheJournalAndRecordsNothing() throws Exception {
        try (Migration writer = open()) {
            writer.plan("fill");
            try (Migration reader = Migration.builder().runbook(runbook).context(context(MigrationOptions.defaults()))
                    .journal(dir.resolve("journal.jsonl")).openReadOnly()) {
                assertThat(reader.info().get(0).status()).isEqualTo(StepStatus.PLANNED);
                assertThatThrownBy(() -> reader.skip("fill", "ops", "r")).isInstanceOf(JournalException.class)
                        .hasMessageContaining("read-only");
            }
            writer.skip("fill", "ops", "still writable");
        }
        assertThat(Files.readAllLines(dir.resolve("journal.jsonl"))).hasSize(2);
    }

    @Test
    void skipAndConfirm_areRecorded() {
        try (Migration migration = open()) {
            migration.skip("fill", "ops", "done by hand last week");
            assertThat(migration.info().get(0).status()).isEqualTo(StepStatus.SKIPPED);
            assertThat(migration.info().get(0).message()).isEqualTo("done by hand last week");
            assertThatThrownBy(() -> migration.plan("nope")).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("has no step 'nope'");
        }
    }

    @Test
    void withStepAfter_insertsTheStepInPlaceUnderTheSameName() {
        Runbook longer = new Runbook("test", List.of(new SetAttributeStep("a", directory, ATTR, "ok"),
                new SetAttributeStep("c", directory, ATTR, "ok")))
                .withStepAfter("a", new SetAttributeStep("b", directory, ATTR, "ok"));

        assertThat(longer.name()).isEqualTo("test");
        assertThat(longer.steps()).extracting(MigrationStep::id).containsExactly("a", "b", "c");
    }

    @Test
    void withStepAfter_refusesAMissingStepAndASecondStepWithTheSameId() {
        assertThatThrownBy(() -> runbook.withStepAfter("nope", new SetAttributeStep("x", directory, ATTR, "ok")))
                .isInstanceOf(MigrationException.class).hasMessageContaining("has no step 'nope'");
        assertThatThrownBy(() -> runbook.withStepAfter("fill", new SetAttributeStep("fill", directory, ATTR, "ok")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two steps with the id fill");
    }
}
