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

/**
 * A change kind of a user's own ({@link FileStoreKind}, one class over a file-backed store), registered with the
 * builder, goes through plan, apply, verify, rollback and a lost answer like the built-in kinds, with nothing else
 * changed; the crash test ({@link CrashResumeTest}) kills a run applying it.
 */
class CustomChangeKindTest {

    private static final String STEP = "fill-store";
    private static final int KEYS = 10;

    @TempDir
    Path dir;

    private FileStore store;
    private FileStoreKind kind;

    @BeforeEach
    void seed() {
        store = FileStore.open(dir.resolve("store.log"));
        store.put("k0", FillStoreStep.wanted(0));
        store.put("k1", "old");
        kind = new FileStoreKind(store);
    }

    private Migration.Builder configure() {
        MigrationContext context = MigrationContext.builder()
                .clock(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC)).build();
        return Migration.builder().runbook(new Runbook("store", List.of(new FillStoreStep(STEP, store, kind, KEYS))))
                .context(context).journal(dir.resolve("journal.jsonl"));
    }

    @Test
    void planApplyVerifyRollback_goThroughTheRegisteredKind() throws Exception {
        try (Migration migration = configure().changeKind(kind).open()) {
            Plan plan = migration.plan(STEP);
            assertThat(plan.changes()).hasSize(KEYS - 1).allSatisfy(c -> assertThat(c.kind()).isSameAs(kind));
            assertThat(store.get("k2")).isNull();

            ApplyResult result = migration.apply(plan);

            assertThat(result.complete()).isTrue();
            assertThat(result.applied()).isEqualTo(KEYS - 1);
            assertThat(migration.verify(STEP).passed()).isTrue();
            assertThat(migration.info().get(0).status()).isEqualTo(StepStatus.VERIFIED);
        }
        assertThat(Files.readAllLines(dir.resolve("journal.jsonl"))).filteredOn(l -> l.contains("CHANGE_APPLIED"))
                .hasSize(KEYS - 1).allSatisfy(l -> assertThat(l).contains("\"kind\":\"fileStore\""));

        try (Migration migration = configure().changeKind(kind).open()) {   // a new run reads its own kind back
            Plan undo = migration.rollback(STEP);
            assertThat(undo.changes()).hasSize(KEYS - 1).allSatisfy(c -> assertThat(c.kind()).isSameAs(kind));
            assertThat(migration.apply(undo).complete()).isTrue();
            assertThat(migration.verify(STEP).passed()).isFalse();
        }
        assertThat(store.get("k0")).isEqualTo(FillStoreStep.wanted(0));
        assertThat(store.get("k1")).isEqualTo("old");
        assertThat(store.get("k2")).isNull();
    }

    @Test
    void plan_ofAKindTheMigrationDoesNotKnow_isRefusedAndNothingIsRecorded() throws Exception {
        try (Migration migration = configure().open()) {
            assertThatThrownBy(() -> migration.plan(STEP)).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("planned a change of kind 'fileStore'")
                    .hasMessageContaining("Migration.builder().changeKind");
            assertThat(migration.journal().entries()).isEmpty();
        }
    }

    @Test
    void open_ofAJournalWithAKindNotRegistered_stopsNamingTheLineAndTheKind() {
        try (Migration migration = configure().changeKind(kind).open()) {
            migration.apply(migration.plan(STEP));
        }

        assertThatThrownBy(() -> configure().open()).isInstanceOf(JournalException.class)
                .hasMessageContaining("cannot be read at line 1")
                .hasMessageContaining("a change of kind 'fileStore' (value of k1)")
                .hasMessageContaining("register it with Migration.builder().changeKind");
        assertThatThrownBy(() -> configure().openReadOnly()).isInstanceOf(JournalException.class)
                .hasMessageContaining("kind 'fileStore'");
    }

    @Test
    void changeKind_refusesASecondKindOfTheSameNameAndAKindNamedLikeABuiltIn() {
        assertThatThrownBy(() -> configure().changeKind(kind).changeKind(new FileStoreKind(store)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Two change kinds are named fileStore");
        ChangeKind impostor = new ChangeKind() {
            @Override
            public String name() {
                return "cloudAttribute";
            }

            @Override
            public TargetSystem system() {
                return TargetSystem.CLOUD;
            }

            @Override
            public List<ChangeResult> apply(MigrationContext ctx, String step, List<Change> group) {
                return kind.apply(ctx, step, group);
            }
        };
        assertThatThrownBy(() -> configure().changeKind(impostor)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Two change kinds are named cloudAttribute");
    }

    @Test
    void apply_readsBackAWriteWhoseAnswerWasLostAndJournalsItWritten() {
        try (Migration migration = configure().changeKind(kind).open()) {
            Plan plan = migration.plan(STEP);
            store.loseAnswers(1);

            ApplyResult result = migration.apply(plan);

            assertThat(result.complete()).isTrue();
            assertThat(result.applied()).isEqualTo(KEYS - 1);
            assertThat(migration.journal().entries()).filteredOn(e -> e.type() == JournalEntry.Type.CHANGE_APPLIED)
                    .first().satisfies(e -> {
                        assertThat(e.status()).isEqualTo("APPLIED");
                        assertThat(e.message()).contains("answer was lost").endsWith("read back: written");
                    });
            assertThat(migration.rollback(STEP).changes()).hasSize(KEYS - 1);
        }
    }

    /** A write that fails before it takes effect reads back as not written: FAILED with the store's words. */
    @Test
    void apply_leavesAWriteThatReadsBackUnwrittenFailedWithThePortsWords() {
        try (Migration migration = configure().changeKind(kind).open()) {
            Plan plan = migration.plan(STEP);
            store.refuse(1);

            ApplyResult result = migration.apply(plan);

            assertThat(result.failures()).singleElement().satisfies(f -> {
                assertThat(f.status()).isEqualTo("FAILED");
                assertThat(f.change().target()).isEqualTo("k1");
                assertThat(f.message()).isEqualTo("the store is read-only for maintenance");
            });
            assertThat(result.applied()).isEqualTo(KEYS - 2);
            assertThat(migration.journal().entries()).filteredOn(e -> e.type() == JournalEntry.Type.CHANGE_FAILED)
                    .singleElement().satisfies(e -> assertThat(e.observed()).isEqualTo("old"));
            assertThat(migration.info().get(0).status()).isEqualTo(StepStatus.FAILED);
            assertThat(migration.rollback(STEP).changes()).extracting(Change::target).doesNotContain("k1");
        }
    }

    /** An inverse of another kind is a plan like any other: a kind the migration does not know is not recorded. */
    @Test
    void rollback_whoseInverseIsOfAnUnknownKind_isRefusedAndNothingIsRecorded() {
        FileStoreKind unregistered = new FileStoreKind(FileStore.open(dir.resolve("elsewhere.log")));
        ChangeKind undoneElsewhere = new ChangeKind() {
            @Override
            public String name() {
                return "fileStoreUndoneElsewhere";
            }

            @Override
            public TargetSystem system() {
                return TargetSystem.ON_PREM;
            }

            @Override
            public List<ChangeResult> apply(MigrationContext ctx, String step, List<Change> group) {
                return kind.apply(ctx, step, group);
            }

            @Override
            public Change inverse(Change change, String reason) {
                return unregistered.change(change.target(), change.after(), change.before(), reason);
            }
        };
        MigrationContext context = MigrationContext.builder().build();
        try (Migration migration = Migration.builder()
                .runbook(new Runbook("store", List.of(new FillStoreStep(STEP, store, undoneElsewhere, KEYS))))
                .context(context).journal(dir.resolve("elsewhere.jsonl")).changeKind(undoneElsewhere).open()) {
            assertThat(migration.apply(migration.plan(STEP)).complete()).isTrue();
            int entries = migration.journal().entries().size();

            assertThatThrownBy(() -> migration.rollback(STEP)).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("planned a change of kind 'fileStore'")
                    .hasMessageContaining("Nothing was recorded");
            assertThat(migration.journal().entries()).hasSize(entries);
        }
    }
}
