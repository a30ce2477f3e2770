package dev.oktaentra.examples.embedding;

import dev.oktaentra.core.match.MatchOutcome;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link CutoverCheck} concluded.
 *
 * @param go whether nothing blocks the cutover
 * @param anchor the source anchor the check detected and validated with, e.g. {@code objectGUID}
 * @param detection the anchor detection's sentence
 * @param counts objects per outcome
 * @param blockers what must be done first, one sentence each; empty when {@code go}
 * @param fixes ImmutableIDs the check can derive: cloud users whose value is a known conversion mistake
 * @param fixList the CSV listing those fixes (CloudId, UserPrincipalName, current and expected ImmutableID, cause)
 */
public record CutoverDecision(boolean go, String anchor, String detection, Map<MatchOutcome, Long> counts,
        List<String> blockers, long fixes, Path fixList) {

    /**
     * Freezes the collections.
     *
     * @param go whether nothing blocks the cutover
     * @param anchor the source anchor the check detected and validated with, e.g. {@code objectGUID}
     * @param detection the anchor detection's sentence
     * @param counts objects per outcome
     * @param blockers what must be done first, one sentence each; empty when {@code go}
     * @param fixes ImmutableIDs the check can derive: cloud users whose value is a known conversion mistake
     * @param fixList the CSV listing those fixes (CloudId, UserPrincipalName, current and expected ImmutableID, cause)
     */
    public CutoverDecision {
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        blockers = List.copyOf(blockers);
    }
}
