package dev.oktaentra.graph;

import java.time.Duration;

/**
 * Waits between retries of throttled {@code $batch} items. Tests pass one that records the wait instead of
 * sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the calling thread. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
