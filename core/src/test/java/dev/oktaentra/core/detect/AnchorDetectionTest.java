package dev.oktaentra.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.MismatchCause;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The detection's unexplained ImmutableIDs by cause keep the causes' declared order, run after run. */
class AnchorDetectionTest {

    @Test
    void restByCause_iteratesInTheCausesDeclaredOrder() {
        Map<MismatchCause, Long> rest = new LinkedHashMap<>();
        List<MismatchCause> reversed = Arrays.asList(MismatchCause.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(c -> rest.put(c, 1L));

        AnchorDetection detection = new AnchorDetection(0, List.of(), rest, 0, 0, 0, 0, 0, 0, 0);

        assertThat(detection.rest().keySet()).containsExactly(MismatchCause.values());
    }
}
