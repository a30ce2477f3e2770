package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    private final StringWriter drawn = new StringWriter();
    private final AtomicLong now = new AtomicLong();
    private final ConsoleProgress progress = new ConsoleProgress(new PrintWriter(drawn), now::get);

    @Test
    void progress_drawsAtMostFourTimesASecondAndEndsTheLineWhenDone() {
        progress.progress("reading cloud users", 1_000, -1);
        now.addAndGet(ConsoleProgress.INTERVAL_NANOS / 2);
        progress.progress("reading cloud users", 2_000, -1);
        now.addAndGet(ConsoleProgress.INTERVAL_NANOS);
        progress.progress("reading cloud users", 3_000, -1);
        progress.progress("reading cloud users", 3_500, 3_500);

        assertThat(drawn.toString()).isEqualTo("\rreading cloud users: 1,000\rreading cloud users: 3,000"
                + "\rreading cloud users: 3,500 of 3,500\n");
    }
}
