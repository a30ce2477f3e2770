package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NearMissTest {

    @ParameterizedTest
    @ValueSource(strings = {"E1234", "jane.doe", "0001234", "HR-2024-0042x", "employee 7"})
    void explain_genuineStringAnchors_passes(String anchor) {
        assertThat(NearMiss.explain(anchor)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3ab39606-c642-489b-84b6-58c038d3ef3", "(3ab39606-c642-489b-84b6-58c038d3ef39",
        "BpazOkLGm0iEtljAONPvOQ", "BpazOkLGm0iEtljAONPvOQ=", "0x0696b33a42c69b4884b658c038d3ef3", "CN={4270",
        "\t", "E1234 "})
    void explain_mistypedBinaryForms_sayWhatIsOff(String value) {
        assertThat(NearMiss.explain(value)).hasValueSatisfying(reason -> assertThat(reason).startsWith("Not "));
    }
}
