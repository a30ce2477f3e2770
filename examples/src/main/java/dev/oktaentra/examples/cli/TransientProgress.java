package dev.oktaentra.examples.cli;

import dev.oktaentra.core.progress.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress for a command whose output is a sequence of result lines, such as {@code rehearse}: a phase is drawn on
 * one terminal line ({@code \r}) only once it has run a while, at most a few times a second, and wiped when it
 * completes, so the result lines stay together on the screen.
 */
final class TransientProgress implements ProgressListener {

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private String phase;
    private long phaseStart;
    private long lastDrawn;
    private int drawnWidth;

    TransientProgress(PrintWriter err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
    }

    @Override
    public void progress(String phase, long done, long total) {
        long now = nanoTime.getAsLong();
        if (!phase.equals(this.phase)) {
            this.phase = phase;
            phaseStart = now;
            lastDrawn = now;
        }
        if (total >= 0 && done >= total) {
            wipe();
            this.phase = null;
            return;
        }
        if (now - phaseStart < ConsoleProgress.INTERVAL_NANOS || now - lastDrawn < ConsoleProgress.INTERVAL_NANOS
                && drawnWidth > 0) {
            return;
        }
        lastDrawn = now;
        String text = phase + ": " + (total >= 0 ? String.format(Locale.ROOT, "%,d of %,d", done, total)
                : String.format(Locale.ROOT, "%,d", done));
        err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
        err.flush();
        drawnWidth = Math.max(drawnWidth, text.length());
    }

    private void wipe() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }
}
