package dev.oktaentra.examples.cli;

import dev.oktaentra.core.progress.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Draws progress on one terminal line ({@code \r}), at most a few times a second so that a million-user read is
 * not slowed by printing, and ends the line when a phase completes.
 */
final class ConsoleProgress implements ProgressListener {

    static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private long lastDrawn;
    private boolean drawnOnce;

    ConsoleProgress(PrintWriter err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
    }

    @Override
    public void progress(String phase, long done, long total) {
        boolean finished = total >= 0 && done >= total;
        long now = nanoTime.getAsLong();
        if (!finished && drawnOnce && now - lastDrawn < INTERVAL_NANOS) {
            return;
        }
        lastDrawn = now;
        drawnOnce = true;
        String count = total >= 0
                ? String.format(Locale.ROOT, "%,d of %,d", done, total)
                : String.format(Locale.ROOT, "%,d", done);
        err.print("\r" + phase + ": " + count + (finished ? "\n" : ""));
        err.flush();
    }
}
