package dev.oktaentra.core.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A child JVM applying 2,000 changes is killed with SIGKILL at random points and resumed; at the end every change
 * is written exactly once, the directory equals the plan, and the journal reads back whole. Once through the
 * built-in on-prem kind (groups of 20) and once through a kind of a user's own (one change at a time). The kill points
 * come from a seed that is printed and named in any failure; {@code -Doktaentra.crash.seed=N} replays them.
 */
class CrashResumeTest {

    private static final int KILLS = 4;
    /** The system property that replays a run's kill points. */
    static final String SEED_PROPERTY = "oktaentra.crash.seed";

    private Path dir;

    /**
     * A RAM-backed directory when there is one: every write is forced to disk twice (journal and directory), and a
     * kill, unlike a power cut, loses nothing the kernel accepted, so memory proves the same while running fast.
     */
    @BeforeEach
    void workDirectory() throws IOException {
        Path shm = Path.of("/dev/shm");
        dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "oktaentra-crash")
                : Files.createTempDirectory("oktaentra-crash");
    }

    @AfterEach
    void cleanUp() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"directory", "kind"})
    void apply_survivesKillsAndWritesEveryChangeExactlyOnce(String mode) {
        ReplayableSeed seed = ReplayableSeed.fromSystemProperty(SEED_PROPERTY);
        System.out.println("CrashResumeTest (" + mode + "): kill points from " + seed.replay());
        seed.check(() -> killAndResume(mode, seed.random()));
    }

    private void killAndResume(String mode, SplittableRandom random) throws Exception {
        String[] plan = run(mode, "plan").split(" ");
        Path log = dir.resolve("directory.log");
        int killed = 0;
        for (int k = 0; k < KILLS; k++) {
            int killAt = FileDirectory.writes(log).size() + 1 + random.nextInt(CrashChild.CHANGES / (KILLS + 1));
            Process child = start(mode, "apply", plan[0], plan[1]);
            while (child.isAlive() && FileDirectory.writes(log).size() < killAt) {
                Thread.sleep(2);
            }
            if (child.isAlive()) {
                child.destroyForcibly();  // SIGKILL: no shutdown hooks, no flush
                killed++;
            }
            child.waitFor(30, TimeUnit.SECONDS);
        }
        String last = run(mode, "apply", plan[0], plan[1]);

        assertThat(killed).as("kills that landed mid-apply").isGreaterThanOrEqualTo(2);
        assertThat(last).contains("ApplyResult[");
        List<String> writes = FileDirectory.writes(log);
        Map<String, Integer> times = new HashMap<>();
        writes.forEach(w -> times.merge(w.substring(0, w.indexOf('\t')), 1, Integer::sum));
        assertThat(times).hasSize(CrashChild.CHANGES);
        assertThat(times.values()).containsOnly(1);
        Map<String, String> state = mode.equals("kind") ? FileStore.replay(log) : FileDirectory.replay(log);
        for (int i = 0; i < CrashChild.CHANGES; i++) {
            assertThat(state).containsEntry("CN=u" + i, "u" + i + "@contoso.com");
        }
        ChangeKinds kinds = ChangeKinds.builtIns().with(new FileStoreKind(FileStore.open(dir.resolve("x.log"))));
        try (Journal journal = Journal.open(dir.resolve("journal.jsonl"), Clock.systemUTC(), kinds)) {
            assertThat(StepHistory.of(CrashChild.STEP, journal.entries()).writtenChangeIds(plan[0])).hasSize(CrashChild.CHANGES);
            assertThat(journal.entries()).anySatisfy(e -> assertThat(e.type()).isEqualTo(JournalEntry.Type.STEP_APPLIED));
            assertThat(journal.entries().stream().filter(e -> e.type() == JournalEntry.Type.CHANGE_FAILED)).isEmpty();
        }
    }

    private String run(String... args) throws IOException, InterruptedException {
        Process child = start(args);
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("child output: %s", out).isZero();
        return out;
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", ChildJvm.classPath(), "-Xmx128m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", CrashChild.class.getName(), dir.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

}
