package dev.oktaentra.core.settings;

import java.time.Duration;

/**
 * Waits between retries. Tests pass one that records the wait instead of sleeping, so that no test ever sleeps.
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
