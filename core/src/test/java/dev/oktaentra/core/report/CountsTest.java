package dev.oktaentra.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void of_oneTakesTheSingularEveryOtherCountThePlural() {
        assertThat(Counts.of(1, "candidate explains", "candidates explain")).isEqualTo("1 candidate explains");
        assertThat(Counts.of(0, "candidate explains", "candidates explain")).isEqualTo("0 candidates explain");
        assertThat(Counts.of(2, "match", "matches")).isEqualTo("2 matches");
        assertThat(Counts.of(-1, "user", "users")).isEqualTo("-1 users");
    }

    @Test
    void of_groupsThousandsTheSameInEveryLocale() {
        assertThat(Counts.of(1_234_567, "user", "users")).isEqualTo("1,234,567 users");
    }
}
