package dev.oktaentra.core.validation.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.ChildJvm;
import dev.oktaentra.core.anchor.ObjectGuid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A spill file lives as long as someone can read it: closing deletes it, a spill nobody holds any more is deleted
 * once collected, and the JVM's exit deletes the rest, all without a registration per file that outlives it.
 */
class SpillLifecycleTest {

    @Test
    void close_deletesTheFileAndForgetsIt() {
        Spill spill = written();
        Path file = spill.file();
        assertThat(SpillFiles.held(file)).isTrue();

        spill.close();

        assertThat(file).doesNotExist();
        assertThat(SpillFiles.held(file)).isFalse();
    }

    @Test
    void aSpillNobodyHolds_isDeletedOnceCollected() throws InterruptedException {
        Path file = abandoned();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Files.exists(file) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }

        assertThat(file).doesNotExist();
    }

    /** A JVM that closes many spills and leaves one open: nothing stays registered, the open one goes at exit. */
    @Test
    void aLongRunningJvm_keepsNoRegistrationPerClosedSpill_andExitDeletesTheOpenOne() throws Exception {
        Path out = Files.createTempFile("spill-probe-", ".txt");
        try {
            Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--add-opens", "java.base/java.io=ALL-UNNAMED",
                    "-cp", ChildJvm.classPath(), SpillProbe.class.getName(), out.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(java.exitValue()).isZero();

            String[] lines = Files.readString(out, StandardCharsets.UTF_8).strip().split("\n");
            Path open = Path.of(lines[0]);
            int registered = Integer.parseInt(lines[1].strip());
            assertThat(open).doesNotExist();
            Assumptions.assumeTrue(registered >= 0, "this JDK keeps its exit deletions elsewhere");
            assertThat(registered).isZero();
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Path abandoned() {
        return written().file();
    }

    static Spill written() {
        Spill spill = new Spill();
        spill.writeUser("jane@contoso.com", "CN=jane", ObjectGuid.fromUuid(UUID.randomUUID()), null, "test");
        spill.finish();
        return spill;
    }

    /** The other JVM: writes the open spill's path and how many files the JDK's exit hook holds. */
    static final class SpillProbe {
        public static void main(String[] args) throws IOException {
            for (int i = 0; i < 200; i++) {
                written().close();
            }
            Spill open = written();
            Files.writeString(Path.of(args[0]), open.file() + "\n" + exitRegistrations() + "\n");
        }

        private static int exitRegistrations() {
            try {
                java.lang.reflect.Field files = Class.forName("java.io.DeleteOnExitHook").getDeclaredField("files");
                files.setAccessible(true);
                return ((java.util.Collection<?>) files.get(null)).size();
            } catch (ReflectiveOperationException | RuntimeException e) {
                return -1;
            }
        }
    }
}
