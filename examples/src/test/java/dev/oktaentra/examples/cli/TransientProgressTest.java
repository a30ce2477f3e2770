package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TransientProgressTest {

    private static final long TICK = ConsoleProgress.INTERVAL_NANOS;

    private final StringWriter drawn = new StringWriter();
    private final AtomicLong now = new AtomicLong();
    private final TransientProgress progress = new TransientProgress(new PrintWriter(drawn), now::get);

    @Test
    void progress_ofAQuickPhase_drawsNothing() {
        progress.progress("reading cloud users", 1_000, -1);
        now.addAndGet(TICK / 2);
        progress.progress("reading cloud users", 2_000, 2_000);

        assertThat(drawn.toString()).isEmpty();
    }

    @Test
    void progress_ofALongPhase_drawsOnOneLineAndWipesItWhenDone() {
        progress.progress("applying remediate-anchors", 1, 40);
        now.addAndGet(TICK);
        progress.progress("applying remediate-anchors", 10, 40);
        now.addAndGet(TICK / 2);
        progress.progress("applying remediate-anchors", 20, 40);
        now.addAndGet(TICK);
        progress.progress("applying remediate-anchors", 30, 40);
        progress.progress("applying remediate-anchors", 40, 40);

        String line = "applying remediate-anchors: 10 of 40";
        assertThat(drawn.toString()).isEqualTo("\r" + line + "\rapplying remediate-anchors: 30 of 40"
                + "\r" + " ".repeat(line.length()) + "\r");
    }
}
