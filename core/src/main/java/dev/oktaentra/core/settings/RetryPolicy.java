package dev.oktaentra.core.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How an adapter retries a call that a service throttled (HTTP 429) or could not serve (503, 504): at most
 * {@code maxRetries} more attempts, each after the wait the service asked for ({@code Retry-After}, or Okta's
 * {@code X-Rate-Limit-Reset}) or, without such a hint, after an exponential back-off from {@code backOff}; no wait
 * is ever longer than {@link #MAX_DELAY}. The waiting goes through {@code sleeper} and dates are read from
 * {@code clock}, so tests replace both and never sleep.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder().maxRetries(8).backOff(Duration.ofSeconds(5)).build();
 * }</pre>
 *
 * <p>Microsoft asks clients to wait as long as {@code Retry-After} says before retrying a throttled request
 * (https://learn.microsoft.com/graph/throttling, "Best practices to handle throttling"); Okta sends the time its
 * rate limit resets in {@code X-Rate-Limit-Reset}, in seconds since the epoch
 * (https://developer.okta.com/docs/reference/rl-best-practices/).
 *
 * @param maxRetries retries after the first attempt, 0 to {@value #MAX_RETRIES}
 * @param backOff the wait before the first retry when the service gives no hint; it doubles with each retry. Whole
 *        seconds from one second to {@link #MAX_DELAY}, as the Graph SDK's retry handler counts in seconds
 * @param sleeper what waits
 * @param clock the clock for hints given as dates
 */
public record RetryPolicy(int maxRetries, Duration backOff, Sleeper sleeper, Clock clock) {

    /** The most retries accepted, the Graph SDK's own bound. */
    public static final int MAX_RETRIES = 10;

    /** Retries when none are set. */
    public static final int DEFAULT_MAX_RETRIES = 5;

    /** Back-off when none is set. */
    public static final Duration DEFAULT_BACK_OFF = Duration.ofSeconds(3);

    /** The longest wait, the Graph SDK's own bound for one wait. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(180);

    /**
     * Checks every component.
     *
     * @throws ConfigurationException naming the component and its value when it is out of range
     * @param maxRetries retries after the first attempt, 0 to {@value #MAX_RETRIES}
     * @param backOff the wait before the first retry when the service gives no hint; it doubles with each retry. Whole
     *        seconds from one second to {@link #MAX_DELAY}, as the Graph SDK's retry handler counts in seconds
     * @param sleeper what waits
     * @param clock the clock for hints given as dates
     */
    public RetryPolicy {
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw new ConfigurationException("maxRetries", "maxRetries " + maxRetries + " is outside 0.."
                    + MAX_RETRIES);
        }
        if (backOff == null || backOff.compareTo(Duration.ofSeconds(1)) < 0 || backOff.compareTo(MAX_DELAY) > 0
                || backOff.getNano() != 0) {
            throw new ConfigurationException("backOff", "backOff " + backOff
                    + " is not whole seconds within 1 s..180 s");
        }
        if (sleeper == null) {
            throw new ConfigurationException("sleeper", "sleeper is missing (null)");
        }
        if (clock == null) {
            throw new ConfigurationException("clock", "clock is missing (null)");
        }
    }

    /**
     * A builder holding {@value #DEFAULT_MAX_RETRIES} retries, {@link #DEFAULT_BACK_OFF}, the real sleeper and the
     * UTC system clock.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this policy, to change some of it, e.g. the sleeper in a test.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder().maxRetries(maxRetries).backOff(backOff).sleeper(sleeper).clock(clock);
    }

    /**
     * Whether another attempt is allowed.
     *
     * @param retriesSoFar retries already made, from 0
     * @return true while {@code retriesSoFar < maxRetries}
     */
    public boolean allowsRetry(int retriesSoFar) {
        return retriesSoFar < maxRetries;
    }

    /**
     * The wait before the next retry.
     *
     * @param retriesSoFar retries already made, from 0
     * @param hint how long the service asked to wait, or {@code null} when it did not say
     * @return the hint, or {@code backOff × 2^retriesSoFar} without one; between zero and {@link #MAX_DELAY}
     */
    public Duration delay(int retriesSoFar, Duration hint) {
        Duration wait = hint != null ? hint : backOff.multipliedBy(1L << Math.min(Math.max(retriesSoFar, 0), 8));
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : wait;
    }

    /**
     * Reads an HTTP {@code Retry-After} value (RFC 9110 section 10.2.3): delay seconds, tolerated with decimals, or an
     * HTTP date, measured against {@link #clock()}.
     *
     * @param header the header's value, or {@code null}
     * @return the wait it asks for (negative for a date in the past), or {@code null} when missing or unreadable
     */
    public Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            // An HTTP date has a comma of its own ("Thu, 01 May 2025 10:00:30 GMT"), so try it whole first.
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Duration.between(clock.instant(), at.toInstant());
        } catch (DateTimeParseException notDate) {
            try {
                double seconds = Double.parseDouble(value.split(",")[0].trim());
                return Double.isFinite(seconds) ? Duration.ofMillis((long) Math.ceil(seconds * 1000)) : null;
            } catch (NumberFormatException notNumber) {
                return null;
            }
        }
    }

    /**
     * Waits through the sleeper.
     *
     * @param wait how long
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public void pause(Duration wait) throws InterruptedException {
        sleeper.sleep(wait);
    }

    /** Every component but the sleeper and clock, which are code. */
    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", backOff=" + backOff + "]";
    }

    /** Collects a policy; {@link #build()} checks it. */
    public static final class Builder {
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration backOff = DEFAULT_BACK_OFF;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Retries after the first attempt.
         *
         * @param value 0 to {@value RetryPolicy#MAX_RETRIES}
         * @return this builder
         */
        public Builder maxRetries(int value) {
            this.maxRetries = value;
            return this;
        }

        /**
         * The first wait when the service gives no hint; it doubles with each retry.
         *
         * @param value whole seconds from 1 s to 180 s
         * @return this builder
         */
        public Builder backOff(Duration value) {
            this.backOff = value;
            return this;
        }

        /**
         * What waits between retries.
         *
         * @param value the sleeper, e.g. one that records waits in a test
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = value;
            return this;
        }

        /**
         * The clock for hints given as dates.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws ConfigurationException naming the value that is out of range
         */
        public RetryPolicy build() {
            return new RetryPolicy(maxRetries, backOff, sleeper, clock);
        }
    }
}
