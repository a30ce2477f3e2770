package dev.oktaentra.core.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's change kind of your own, kept here between markers so that it compiles and runs a plan, an apply and
 * a rollback; the README must show exactly these lines.
 */
class ReadmeChangeKindTest {

    private static final Path SOURCE = Path.of("src/test/java/dev/oktaentra/core/migration/ReadmeChangeKindTest.java");
    private static final Path README = Path.of("../README.md");

    @TempDir
    Path dir;

    /** The user's own system, as their own port: the HR feed that says which wave an employee moves in. */
    interface HrFeed {
        String wave(String employeeId);

        void setWave(String employeeId, String wave);
    }

    // README kind begin
    final class HrFeedWave implements ChangeKind {
        private final HrFeed feed;                          // your own port

        HrFeedWave(HrFeed feed) {
            this.feed = feed;
        }

        Change change(String employeeId, String before, String after, String reason) {
            return Change.of(this, employeeId, "wave", before, after, reason);
        }

        @Override
        public String name() {
            return "hrFeedWave";                            // the journal's name for it: never rename it
        }

        @Override
        public TargetSystem system() {
            return TargetSystem.ON_PREM;
        }

        @Override
        public List<ChangeResult> apply(MigrationContext ctx, String step, List<Change> group) {
            return group.stream().map(c -> {                // one at a time, each journaled before the next
                String now = feed.wave(c.target());
                if (Objects.equals(now, c.after())) {
                    return ChangeResult.alreadyApplied(c, now);
                }
                if (!Objects.equals(now, c.before())) {
                    return ChangeResult.conflict(c, now, c.target() + " is in wave " + now + " now");
                }
                feed.setWave(c.target(), c.after());
                return ChangeResult.applied(c, now);
            }).toList();
        }

        @Override
        public ReadBack read(MigrationContext ctx, String step, Change c) {
            return ReadBack.of(feed.wave(c.target()));      // settles a write whose answer was lost
        }
    }
    // README kind end

    /** A step that puts every employee of the feed into wave 1. */
    static final class WaveStep extends BaseMigrationStep {
        private final Map<String, String> feed;
        private final HrFeedWave kind;

        WaveStep(Map<String, String> feed, HrFeedWave kind) {
            super("move-to-wave-1", "Move everyone to wave 1", StepKind.AUTOMATED);
            this.feed = feed;
            this.kind = kind;
        }

        @Override
        public Plan plan(MigrationContext ctx) {
            List<Change> changes = new ArrayList<>();
            feed.forEach((id, wave) -> {
                if (!"1".equals(wave)) {
                    changes.add(kind.change(id, wave, "1", "wave 1 for " + id));
                }
            });
            return plan(ctx, changes.stream().sorted(java.util.Comparator.comparing(Change::target)).toList(),
                    List.of());
        }
    }

    @Test
    void readmeChangeKind_isRegisteredAppliedAndRolledBack() {
        Map<String, String> waves = new ConcurrentHashMap<>(Map.of("e1", "2", "e2", "1", "e3", "3"));
        HrFeed feed = new HrFeed() {
            @Override
            public String wave(String employeeId) {
                return waves.get(employeeId);
            }

            @Override
            public void setWave(String employeeId, String wave) {
                waves.put(employeeId, wave);
            }
        };
        HrFeedWave kind = new HrFeedWave(feed);
        Runbook runbook = new Runbook("waves", List.of(new WaveStep(waves, kind)));
        MigrationContext context = MigrationContext.builder().build();
        Path journal = dir.resolve("journal.jsonl");

        // README register begin
        try (Migration migration = Migration.builder().runbook(runbook).context(context)
                .changeKind(kind)                                  // beside the built-in kinds
                .journal(journal).open()) {
        // README register end
            Plan plan = migration.plan("move-to-wave-1");
            assertThat(plan.changes()).extracting(Change::target).containsExactly("e1", "e3");
            assertThat(migration.apply(plan).complete()).isTrue();
            assertThat(waves).containsEntry("e1", "1").containsEntry("e3", "1");
            assertThat(migration.apply(migration.rollback("move-to-wave-1")).complete()).isTrue();
        }
        assertThat(waves).containsExactlyInAnyOrderEntriesOf(Map.of("e1", "2", "e2", "1", "e3", "3"));
    }

    @Test
    void readme_showsTheChangeKindSnippetsAsTheyAreHere() throws IOException {
        List<String> source = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        String readme = Files.readString(README, StandardCharsets.UTF_8);

        assertThat(readme).contains(snippet(source, "    // README kind", 4));
        assertThat(readme).contains(snippet(source, "        // README register", 8));
    }

    private static String snippet(List<String> source, String marker, int indent) {
        return String.join("\n", source.subList(source.indexOf(marker + " begin") + 1,
                source.indexOf(marker + " end")).stream().map(line -> line.replaceFirst("^ {" + indent + "}", ""))
                .toList());
    }
}
