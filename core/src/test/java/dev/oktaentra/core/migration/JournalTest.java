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
                    List.of(CloudAttribute.immutableId("u1", null, "x==", "r")), List.of());
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

    /**
     * A before-value is what rollback writes back, and directory values are attacker-controlled text: every one,
     * half a surrogate pair included (a Graph value can carry one through a JSON escape), must come back exactly.
     */
    @Test
    void open_readsBackHostileValuesExactly() {
        Path file = dir.resolve("j.jsonl");
        List<String> values = List.of("lone\ud800x", "end\udc00", "x\u2028y\u2029z", "a\"b\r\nc", "nul\u0000x",
                "</script>", "=HYPERLINK(\"http://x\")");
        List<Change> changes = values.stream()
                .map(v -> OnPremAttribute.change("CN=" + v + ",DC=x", "displayName", v, v + "!", "r")).toList();
        Plan plan = Plan.of("s", Instant.now(), false, changes, List.of());
        try (Journal journal = Journal.open(file, Clock.systemUTC())) {
            journal.append(JournalEntry.of(JournalEntry.Type.PLANNED, "s", plan.id()).withPlan(plan));
        }

        try (Journal journal = Journal.open(file, Clock.systemUTC())) {
            Plan read = journal.entries().get(0).plan();
            assertThat(read.changes()).extracting(Change::before).containsExactlyElementsOf(values);
            assertThat(read.changes()).extracting(Change::target)
                    .containsExactlyElementsOf(values.stream().map(v -> "CN=" + v + ",DC=x").toList());
            assertThat(read.intact()).isTrue();
        }
    }

    /** Bytes that are not UTF-8 would otherwise be read as U+FFFD, and rollback would write that back. */
    @Test
    void open_refusesALineThatIsNotUtf8() throws Exception {
        Path file = writeTwoEntries();
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.indexOf("x==");
        bytes[at] = (byte) 0xFF;
        Files.write(file, bytes);

        assertThatThrownBy(() -> Journal.open(file, Clock.systemUTC())).isInstanceOf(JournalException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 1")
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> Journal.read(file)).isInstanceOf(JournalException.class)
                .hasMessageContaining("line 1");
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
    void open_acceptsATrailingBlankLineAndAppendsAfterIt() throws Exception {
        Path file = writeTwoEntries();
        Files.writeString(file, "\n", StandardOpenOption.APPEND);

        try (Journal journal = Journal.open(file, Clock.systemUTC())) {
            assertThat(journal.entries()).hasSize(2);
            journal.append(JournalEntry.of(JournalEntry.Type.STEP_SKIPPED, "s", null));
        }
        try (Journal journal = Journal.open(file, Clock.systemUTC())) {
            assertThat(journal.entries()).extracting(JournalEntry::seq).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void open_acceptsBlankLinesAndWindowsLineEndings() throws Exception {
        Path file = writeTwoEntries();
        List<String> lines = Files.readAllLines(file);
        Files.writeString(file, lines.get(0) + "\r\n\r\n  \n" + lines.get(1) + "\r\n\r\n");

        try (Journal journal = Journal.open(file, Clock.systemUTC())) {
            assertThat(journal.entries()).extracting(JournalEntry::seq).containsExactly(1L, 2L);
        }
    }

    @Test
    void open_keepsACompleteLastEntryThatLostOnlyItsLineBreak() throws Exception {
        Path file = writeTwoEntries();
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() - 1));

        try (Journal journal = Journal.open(file, Clock.systemUTC())) {
            assertThat(journal.entries()).extracting(JournalEntry::seq).containsExactly(1L, 2L);
            journal.append(JournalEntry.of(JournalEntry.Type.STEP_SKIPPED, "s", null));
        }
        try (Journal journal = Journal.open(file, Clock.systemUTC())) {
            assertThat(journal.entries()).extracting(JournalEntry::seq).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void read_leavesALastLineCutShortInPlaceAndCountsIt() throws Exception {
        Path file = writeTwoEntries();
        Files.writeString(file, "{\"seq\":3,\"at\":\"2026-", StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(file);

        try (Journal journal = Journal.read(file)) {
            assertThat(journal.readOnly()).isTrue();
            assertThat(journal.entries()).extracting(JournalEntry::seq).containsExactly(1L, 2L);
            assertThat(journal.tornTailBytes()).isEqualTo("{\"seq\":3,\"at\":\"2026-".length());
            assertThatThrownBy(() -> journal.append(JournalEntry.of(JournalEntry.Type.STEP_SKIPPED, "s", null)))
                    .isInstanceOf(JournalException.class).hasMessageContaining("read-only");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void read_seesTheEntriesWhileAnotherRunHoldsTheJournal() {
        Path file = writeTwoEntries();
        try (Journal writer = Journal.open(file, Clock.systemUTC()); Journal reader = Journal.read(file)) {
            assertThat(reader.entries()).hasSize(2);
            assertThat(writer.entries()).hasSize(2);
        }
    }

    @Test
    void read_ofAMissingJournalIsEmptyAndCreatesNothing() {
        Path file = dir.resolve("not-yet/j.jsonl");

        try (Journal journal = Journal.read(file)) {
            assertThat(journal.entries()).isEmpty();
            assertThat(journal.tornTailBytes()).isZero();
        }
        assertThat(dir.resolve("not-yet")).doesNotExist();
    }

    @Test
    void read_refusesDamageInTheMiddleAsOpenDoes() throws Exception {
        Path file = writeTwoEntries();
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), "not json", lines.get(1)), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Journal.read(file))
                .isInstanceOf(JournalException.class).hasMessageContaining("is damaged at line 2");
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
                List.of(OnPremAttribute.change("CN=a", "mail", null, "a@x", "r")), List.of());
        Plan edited = new Plan(plan.id(), plan.stepId(), plan.createdAt(), false,
                List.of(new Change(plan.changes().get(0).id(), OnPremAttribute.KIND, "CN=a", "mail", null, "evil@x",
                        "r")), List.of(), plan.checksum());

        assertThat(plan.intact()).isTrue();
        assertThat(edited.intact()).isFalse();
    }

    /** A journal line as a run with a kind of its own writes it. */
    private static final String FOREIGN = "{\"seq\":1,\"at\":\"2026-11-28T12:00:00Z\",\"type\":\"CHANGE_APPLIED\","
            + "\"step\":\"s\",\"planId\":\"p\",\"change\":{\"id\":\"1\",\"kind\":\"hrFeedLine\",\"system\":\"ON_PREM\","
            + "\"target\":\"emp-7\",\"attribute\":\"wave\",\"before\":null,\"after\":\"w1\",\"reason\":\"r\"},"
            + "\"status\":\"APPLIED\"}";

    @Test
    void open_refusesAChangeOfAnUnknownKindNamingTheLineAndTheKind() throws Exception {
        Path file = dir.resolve("foreign.jsonl");
        Files.writeString(file, FOREIGN + "\n");

        assertThatThrownBy(() -> Journal.open(file, Clock.systemUTC()))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("cannot be read at line 1: it holds a change of kind 'hrFeedLine' (wave of emp-7)")
                .hasMessageContaining("register it with Migration.builder().changeKind");
        assertThatThrownBy(() -> Journal.read(file)).isInstanceOf(JournalException.class)
                .hasMessageContaining("kind 'hrFeedLine'");
    }

    /** A whole last line without its line break is an entry, not a torn tail: its unknown kind must stop the open. */
    @Test
    void open_refusesAnUnknownKindOnAWholeLastLineInsteadOfDroppingIt() throws Exception {
        Path file = dir.resolve("foreign.jsonl");
        Files.writeString(file, FOREIGN);

        assertThatThrownBy(() -> Journal.open(file, Clock.systemUTC()))
                .isInstanceOf(JournalException.class).hasMessageContaining("kind 'hrFeedLine'");
        assertThat(Files.readString(file)).isEqualTo(FOREIGN);
    }

    @Test
    void open_readsAChangeOfAKindRegisteredWithIt() throws Exception {
        Path file = dir.resolve("foreign.jsonl");
        Files.writeString(file, FOREIGN + "\n");
        ChangeKind hrFeedLine = new ChangeKind() {
            @Override
            public String name() {
                return "hrFeedLine";
            }

            @Override
            public TargetSystem system() {
                return TargetSystem.ON_PREM;
            }

            @Override
            public List<ChangeResult> apply(MigrationContext ctx, String step, List<Change> group) {
                return group.stream().map(c -> ChangeResult.refused(c, "read only")).toList();
            }
        };

        try (Journal journal = Journal.open(file, Clock.systemUTC(), ChangeKinds.builtIns().with(hrFeedLine))) {
            assertThat(journal.entries()).singleElement().satisfies(e -> {
                assertThat(e.change().kind()).isSameAs(hrFeedLine);
                assertThat(e.change().after()).isEqualTo("w1");
            });
        }
    }

    /** Before kinds were named, a tenant change of another setting was refused; such a line is not guessed at. */
    @Test
    void open_refusesALineFromBeforeKindsThatNoKindCanWrite() throws Exception {
        Path file = dir.resolve("old.jsonl");
        Files.writeString(file, "{\"seq\":1,\"at\":\"2026-11-28T12:00:00Z\",\"type\":\"CHANGE_FAILED\",\"step\":\"s\","
                + "\"planId\":\"p\",\"change\":{\"id\":\"1\",\"system\":\"TENANT\",\"target\":\"tenant\","
                + "\"attribute\":\"passwordPolicy\",\"before\":\"a\",\"after\":\"b\",\"reason\":\"r\"},"
                + "\"status\":\"REFUSED\"}\n");

        assertThatThrownBy(() -> Journal.open(file, Clock.systemUTC())).isInstanceOf(JournalException.class)
                .hasMessageContaining("cannot be read at line 1: it holds a TENANT change of passwordPolicy of tenant "
                        + "recorded before change kinds were named");
    }

    @Test
    void plan_detectsAChangeWhoseKindWasSwapped() {
        Plan plan = Plan.of("s", Instant.now(), false,
                List.of(OnPremGuidAttribute.consistencyGuid("CN=a", null,
                        dev.oktaentra.core.anchor.ObjectGuid.parse("2c9bf6e2-559f-4212-987a-ed85e01f0fb1"), "r")),
                List.of());
        Change guid = plan.changes().get(0);
        Plan swapped = new Plan(plan.id(), plan.stepId(), plan.createdAt(), false,
                List.of(new Change(guid.id(), OnPremAttribute.KIND, guid.target(), guid.attribute(), guid.before(),
                        guid.after(), guid.reason())), List.of(), plan.checksum());

        assertThat(plan.intact()).isTrue();
        assertThat(swapped.intact()).isFalse();
    }
}
