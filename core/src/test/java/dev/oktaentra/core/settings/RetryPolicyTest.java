package dev.oktaentra.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC);
    private static final RetryPolicy POLICY = RetryPolicy.builder().clock(CLOCK).build();

    @Test
    void defaults_areFiveRetriesFromThreeSeconds() {
        RetryPolicy policy = RetryPolicy.builder().build();

        assertThat(policy.maxRetries()).isEqualTo(5);
        assertThat(policy.backOff()).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.sleeper()).isSameAs(Sleeper.SYSTEM);
        assertThat(policy.toString()).isEqualTo("RetryPolicy[maxRetries=5, backOff=PT3S]");
    }

    @Test
    void retryAfter_readsSecondsDecimalsAndDates() {
        assertThat(POLICY.retryAfter("1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(POLICY.retryAfter(" 2.5 ")).isEqualTo(Duration.ofMillis(2500));
        assertThat(POLICY.retryAfter("4, 7")).isEqualTo(Duration.ofSeconds(4));
        assertThat(POLICY.retryAfter("Thu, 01 May 2025 10:00:30 GMT")).isEqualTo(Duration.ofSeconds(30));
        assertThat(POLICY.retryAfter("soon")).isNull();
        assertThat(POLICY.retryAfter(null)).isNull();
    }

    @Test
    void delay_honoursTheHint_elseBacksOffExponentially() {
        assertThat(POLICY.delay(0, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(POLICY.delay(0, null)).isEqualTo(Duration.ofSeconds(3));
        assertThat(POLICY.delay(2, POLICY.retryAfter("soon"))).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void delay_staysWithinZeroAnd180Seconds() {
        assertThat(POLICY.delay(0, POLICY.retryAfter("-5"))).isZero();
        assertThat(POLICY.delay(0, POLICY.retryAfter("Thu, 01 May 2025 09:00:00 GMT"))).isZero();
        assertThat(POLICY.delay(0, POLICY.retryAfter("3600"))).isEqualTo(RetryPolicy.MAX_DELAY);
        assertThat(POLICY.delay(30, null)).isEqualTo(RetryPolicy.MAX_DELAY);
    }

    @Property
    void delay_isAlwaysWithinBounds(@ForAll String header, @ForAll int attempt) {
        Duration wait = POLICY.delay(Math.abs(attempt % 20), POLICY.retryAfter(header));

        assertThat(wait).isBetween(Duration.ZERO, RetryPolicy.MAX_DELAY);
    }

    @Test
    void allowsRetry_countsUpToMaxRetries() {
        RetryPolicy two = POLICY.toBuilder().maxRetries(2).build();

        assertThat(two.allowsRetry(1)).isTrue();
        assertThat(two.allowsRetry(2)).isFalse();
        assertThat(two.clock()).isSameAs(CLOCK);
    }

    @Test
    void pause_waitsThroughTheSleeper() throws InterruptedException {
        List<Duration> waits = new ArrayList<>();

        POLICY.toBuilder().sleeper(waits::add).build().pause(Duration.ofSeconds(7));

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void build_namesTheValueOutOfRange() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(11).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxRetries 11 is outside 0..10");
        assertThatThrownBy(() -> RetryPolicy.builder().backOff(Duration.ofMillis(500)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("PT0.5S")
                .satisfies(e -> assertThat(((ConfigurationException) e).setting()).isEqualTo("backOff"));
        assertThatThrownBy(() -> RetryPolicy.builder().backOff(Duration.ofMinutes(4)).build())
                .hasMessageContaining("PT4M");
        assertThatThrownBy(() -> RetryPolicy.builder().sleeper(null).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("sleeper");
    }
}
