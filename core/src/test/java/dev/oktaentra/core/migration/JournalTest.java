package dev.oktaentra.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    private Path writeTwoEntries() {
        Path file = dir.resolve("j.jsonl");
        try (Journal journal = Journal.open(file, Clock.systemUTC())) {
            Plan plan = Plan.of("s", Instant.now(), false,
                    List.of(Change.of(TargetSystem.CLOUD, "u1", "onPremisesImmutableId", null, "x==", "r")), List.of());
            journal.append(JournalEntry.of(JournalEntry.Type.PLANNED, "s", plan.id()).withPlan(plan));
            journal.append(JournalEntry.of(JournalEntry.Type.STEP_SKIPPED, "s", null).withOperator("me", "why"));
        }
        return file;
    }

    @Test
    void open_readsBackEveryEntryWithItsPlan() {
        Path file = writeTwoEntries();

        try (Journal journal = Journal.open(file, Clock.systemUTC())) {
            assertThat(journal.entries()).extracting(JournalEntry::seq).containsExactly(1L, 2L);
            Plan plan = journal.entries().get(0).plan();
            assertThat(plan.intact()).isTrue();
            assertThat(plan.changes().get(0).after()).isEqualTo("x==");
            assertThat(journal.entries().get(1).operator()).isEqualTo("me");
        }
    }

    @Test
    void open_dropsALastLineCutShortByACrash() throws Exception {
        Path file = writeTwoEntries();
        Files.writeString(file, "{\"seq\":3,\"at\":\"2026-", StandardOpenOption.APPEND);

        try (Journal journal = Journal.open(file, Clock.systemUTC())) {
            assertThat(journal.entries()).hasSize(2);
            journal.append(JournalEntry.of(JournalEntry.Type.STEP_SKIPPED, "s", null));
        }
        try (Journal journal = Journal.open(file, Clock.systemUTC())) {
            assertThat(journal.entries()).extracting(JournalEntry::seq).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void open_refusesDamageInTheMiddleNamingTheLine() throws Exception {
        Path file = writeTwoEntries();
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0).replace("\"seq\":1", "\"seq\":1,\"type\":\"NO_SUCH\""), lines.get(1)),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Journal.open(file, Clock.systemUTC()))
                .isInstanceOf(JournalException.class).hasMessageContaining("is damaged at line 1");
    }

    @Test
    void open_refusesAGapInTheSequence() throws Exception {
        Path file = writeTwoEntries();
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(1)), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Journal.open(file, Clock.systemUTC()))
                .isInstanceOf(JournalException.class).hasMessageContaining("entry 2 where 1 belongs");
    }

    @Test
    void plan_detectsAnEditedChange() {
        Plan plan = Plan.of("s", Instant.now(), false,
                List.of(Change.of(TargetSystem.ON_PREM, "CN=a", "mail", null, "a@x", "r")), List.of());
        Plan edited = new Plan(plan.id(), plan.stepId(), plan.createdAt(), false,
                List.of(new Change(plan.changes().get(0).id(), TargetSystem.ON_PREM, "CN=a", "mail", null, "evil@x",
                        "r")), List.of(), plan.checksum());

        assertThat(plan.intact()).isTrue();
        assertThat(edited.intact()).isFalse();
    }
}
