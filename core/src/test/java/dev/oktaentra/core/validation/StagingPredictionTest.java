package dev.oktaentra.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prediction's per-attribute counts keep one order, so two reports of the same run compare equal as text. */
class StagingPredictionTest {

    private static final List<String> ATTRIBUTES = List.of("userPrincipalName", "mail", "displayName", "givenName",
            "surname", "department", "jobTitle", "mobilePhone", "officeLocation", "companyName");

    @Test
    void perAttributeCounts_iterateInTheAttributesNameOrder() {
        Map<String, Long> counts = new LinkedHashMap<>();
        ATTRIBUTES.forEach(a -> counts.put(a, (long) a.length()));

        StagingPrediction prediction = new StagingPrediction(0, 0, 0, 0, 0, counts, 0, 0, 0, counts);

        List<String> sorted = ATTRIBUTES.stream().sorted().toList();
        assertThat(prediction.attributeChangesByAttribute().keySet()).containsExactlyElementsOf(sorted);
        assertThat(prediction.attributeDeletionsByAttribute().keySet()).containsExactlyElementsOf(sorted);
        assertThat(prediction.attributeChangesByAttribute()).isEqualTo(counts);
    }
}
