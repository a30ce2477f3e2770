package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Duration BASE = Duration.ofSeconds(3);

    @Test
    void of_honoursSecondsDecimalsAndDates() {
        assertThat(RetryAfter.of("1", 0, BASE, CLOCK)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryAfter.of(" 2.5 ", 0, BASE, CLOCK)).isEqualTo(Duration.ofMillis(2500));
        assertThat(RetryAfter.of("4, 7", 0, BASE, CLOCK)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RetryAfter.of("Thu, 01 May 2025 10:00:30 GMT", 0, BASE, CLOCK)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void of_backsOffExponentiallyWithoutAUsableHeader() {
        assertThat(RetryAfter.of(null, 0, BASE, CLOCK)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.of("soon", 2, BASE, CLOCK)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void of_staysWithinZeroAnd180Seconds() {
        assertThat(RetryAfter.of("-5", 0, BASE, CLOCK)).isZero();
        assertThat(RetryAfter.of("Thu, 01 May 2025 09:00:00 GMT", 0, BASE, CLOCK)).isZero();
        assertThat(RetryAfter.of("3600", 0, BASE, CLOCK)).isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.of(null, 30, BASE, CLOCK)).isEqualTo(RetryAfter.MAX);
    }

    @Property
    void of_isAlwaysWithinBounds(@ForAll String header, @ForAll int attempt) {
        Duration wait = RetryAfter.of(header, Math.abs(attempt % 20), BASE, CLOCK);
        assertThat(wait).isBetween(Duration.ZERO, RetryAfter.MAX);
    }
}
