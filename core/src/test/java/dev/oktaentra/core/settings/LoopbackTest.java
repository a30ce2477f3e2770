package dev.oktaentra.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LoopbackTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "localhost.", "127.0.0.1", "127.1.2.3", "127.255.255.255",
        "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"})
    void isLoopback_acceptsTheLoopbackNameAndAddresses(String host) {
        assertThat(Loopback.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5", "128.0.0.1", "0.0.0.0", "192.168.1.1", "::", "::2", "fe80::1",
        "::ffff:10.0.0.1", "127.0.0.256", "graph.microsoft.com", "localhost.contoso.com", "127.0.0.1.nip.io", "",
        " "})
    void isLoopback_refusesEveryOtherHost(String host) {
        assertThat(Loopback.isLoopback(host)).isFalse();
    }

    @Test
    void isLoopback_neverAsksDns_soANameOtherThanLocalhostIsNotLoopback() {
        assertThat(Loopback.isLoopback("no-such-host.invalid")).isFalse();
        assertThat(Loopback.isLoopback("ip6-localhost")).isFalse();
        assertThat(Loopback.isLoopback(null)).isFalse();
    }

    @Test
    void require_namesTheOptInAndTheTarget() {
        Loopback.require("allowPlaintextOnLoopback", "http://127.0.0.1:8080", "127.0.0.1");

        assertThatThrownBy(() -> Loopback.require("allowPlaintextOnLoopback", "http://10.0.0.5:8080", "10.0.0.5"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("allowPlaintextOnLoopback: 'http://10.0.0.5:8080' is not on a loopback host")
                .satisfies(e -> assertThat(((ConfigurationException) e).setting())
                        .isEqualTo("allowPlaintextOnLoopback"));
    }
}
