package dev.oktaentra.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void of_copiesTheCallersArray() {
        char[] chars = "abc".toCharArray();
        Secret secret = Secret.of(chars);
        chars[0] = 'x';

        assertThat(secret.reveal()).isEqualTo("abc");
        assertThat(secret.chars()).containsExactly('a', 'b', 'c');
    }

    @Test
    void toString_isRedacted() {
        assertThat(Secret.of("s3cr3t~never-shown").toString()).isEqualTo("[redacted]");
    }

    @Test
    void equals_isIdentity_soTheTextIsNeverCompared() {
        Secret one = Secret.of("same");

        assertThat(one).isEqualTo(one).isNotEqualTo(Secret.of("same"));
    }

    @Test
    void clear_wipesTheCharacters_andUseAfterwardsFails() {
        Secret secret = Secret.of("abc");
        char[] copy = secret.chars();

        secret.clear();

        assertThat(secret.isCleared()).isTrue();
        assertThat(copy).containsExactly('a', 'b', 'c');
        assertThatThrownBy(secret::reveal).isInstanceOf(IllegalStateException.class).hasMessageContaining("cleared");
        assertThatThrownBy(secret::chars).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void of_refusesAnEmptySecret() {
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> Secret.of((char[]) null)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void fromEnvironment_readsAVariable() {
        String path = System.getenv("PATH");

        assertThat(Secret.fromEnvironment("PATH").reveal()).isEqualTo(path);
    }

    @Test
    void fromEnvironment_namesAMissingVariable_andNeverRepeatsAPastedValue() {
        assertThatThrownBy(() -> Secret.fromEnvironment("OKTAENTRA_TEST_SURELY_UNSET_4711"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("OKTAENTRA_TEST_SURELY_UNSET_4711 is not set")
                .satisfies(e -> assertThat(((ConfigurationException) e).setting())
                        .isEqualTo("OKTAENTRA_TEST_SURELY_UNSET_4711"));
        assertThatThrownBy(() -> Secret.fromEnvironment("Pasted~Secret value!"))
                .isInstanceOf(ConfigurationException.class).hasMessageNotContaining("Pasted");
    }
}
