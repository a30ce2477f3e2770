package dev.oktaentra.graph;

import dev.oktaentra.core.settings.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps on-demand provisioning within its documented rate limit, "5 requests per 10 seconds"
 * (https://learn.microsoft.com/graph/api/synchronization-synchronizationjob-provisionondemand): before a request, it
 * waits until fewer than {@link #REQUESTS} were sent in the last {@link #WINDOW}, so a sixth never goes out inside one
 * window. Time is read from the retry policy's clock and waited through its sleeper, so tests never sleep. A 429 that
 * comes anyway (another client, the service counting differently) is retried by the SDK's retry handler, honouring
 * {@code Retry-After}.
 */
final class OnDemandRateLimit {

    /** Requests allowed per window. */
    static final int REQUESTS = 5;
    /** The window. */
    static final Duration WINDOW = Duration.ofSeconds(10);

    private final RetryPolicy policy;
    private final Deque<Instant> sent = new ArrayDeque<>();

    OnDemandRateLimit(RetryPolicy policy) {
        this.policy = policy;
    }

    /**
     * Waits until one more request fits the window, then counts it as sent.
     *
     * @param what the request, for the message when the wait is interrupted
     */
    synchronized void acquire(String what) {
        Instant now = policy.clock().instant();
        forget(now);
        if (sent.size() >= REQUESTS) {
            Duration wait = Duration.between(now, sent.peekFirst().plus(WINDOW));
            try {
                policy.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GraphException("Interrupted while waiting for the on-demand rate limit before " + what, e);
            }
            now = policy.clock().instant();
            forget(now);
            while (sent.size() >= REQUESTS) {
                sent.removeFirst();   // the sleeper waited the whole time asked, whatever the clock says
            }
        }
        sent.addLast(now);
    }

    private void forget(Instant now) {
        while (!sent.isEmpty() && !sent.peekFirst().plus(WINDOW).isAfter(now)) {
            sent.removeFirst();
        }
    }
}
