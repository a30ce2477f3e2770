package dev.oktaentra.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The seed of a randomised test: settable to replay a failure, and named in every failure it causes. */
class ReplayableSeedTest {

    private static final String PROPERTY = "oktaentra.test.seed";

    private static ReplayableSeed from(String value) {
        Properties properties = new Properties();
        if (value != null) {
            properties.setProperty(PROPERTY, value);
        }
        return ReplayableSeed.from(PROPERTY, properties, () -> 777L);
    }

    @Test
    void from_withThePropertySet_usesItsValue() {
        assertThat(from("-42").value()).isEqualTo(-42L);
        assertThat(from(" 1234 ").value()).isEqualTo(1234L);
    }

    @Test
    void from_withoutTheProperty_drawsAFreshSeed() {
        assertThat(from(null).value()).isEqualTo(777L);
    }

    @Test
    void from_withAPropertyThatIsNoNumber_namesThePropertyAndTheValue() {
        assertThatThrownBy(() -> from("twelve")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("System property oktaentra.test.seed must be a whole number (a seed), got 'twelve'");
    }

    @Test
    void replay_namesTheSeedAndHowToSetIt() {
        assertThat(from("99").replay()).isEqualTo("seed 99 (replay with -Doktaentra.test.seed=99)");
    }

    @Test
    void check_addsTheSeedToAFailingAssertion() {
        ReplayableSeed seed = from("99");

        assertThatThrownBy(() -> seed.check(() -> {
            throw new AssertionError("expected 2000 writes");
        })).isInstanceOf(AssertionError.class)
                .hasMessage("expected 2000 writes [seed 99 (replay with -Doktaentra.test.seed=99)]");
    }

    @Test
    void check_addsTheSeedToAnException() {
        ReplayableSeed seed = from("5");

        assertThatThrownBy(() -> seed.check(() -> {
            throw new IllegalStateException("child died");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("child died")
                .hasMessageEndingWith("[seed 5 (replay with -Doktaentra.test.seed=5)]")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void check_whenTheBodyPasses_throwsNothing() {
        from("5").check(() -> { });
    }
}
