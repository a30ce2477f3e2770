package dev.oktaentra.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** How long to wait before retrying: Graph's {@code Retry-After}, else exponential back-off; never over 180 s. */
final class RetryAfter {

    /** The longest wait, as the SDK's retry handler caps it. */
    public static final Duration MAX = Duration.ofSeconds(180);

    private RetryAfter() {
    }

    /**
     * The wait before retry number {@code attempt + 1}.
     *
     * @param header the {@code Retry-After} value (seconds, possibly decimal, or an HTTP date), or {@code null}
     * @param attempt retries made so far, from 0
     * @param base the back-off base used when the header is missing or unreadable
     * @param clock the clock for date values
     * @return the wait, between 0 and {@link #MAX}
     */
    public static Duration of(String header, int attempt, Duration base, Clock clock) {
        Duration wait = parse(header, clock);
        if (wait == null) {
            wait = base.multipliedBy(1L << Math.min(attempt, 8));
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }

    private static Duration parse(String header, Clock clock) {
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
}
