package dev.oktaentra.core.detect;

import dev.oktaentra.core.anchor.MismatchCause;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which on-prem attribute populated the cloud's ImmutableIDs, as {@link AnchorSourceDetector} found it.
 *
 * @param cloudAnchors how many distinct ImmutableIDs the cloud holds
 * @param ranking every candidate, best first
 * @param rest cloud ImmutableIDs the winner does not reproduce, by the mistake that explains them (matched to an
 *        on-prem user by UPN); those without an on-prem user of the same UPN are under {@code unmatched}
 * @param unmatched unexplained cloud ImmutableIDs whose user has no on-prem counterpart by UPN
 */
public record AnchorDetection(long cloudAnchors, List<AnchorCandidate> ranking, Map<MismatchCause, Long> rest,
        long unmatched) {

    /** Freezes the collections. */
    public AnchorDetection {
        ranking = List.copyOf(ranking);
        rest = Map.copyOf(rest);
    }

    /**
     * The best candidate.
     *
     * @return the candidate that reproduces the most cloud ImmutableIDs
     */
    public AnchorCandidate winner() {
        return ranking.get(0);
    }

    /**
     * One sentence for a person, e.g. {@code objectGUID explains 99.2% of 10,000 cloud ImmutableIDs (9,920); the
     * other 80: BYTE_ORDER 50, no on-prem user with the same UPN 30}.
     *
     * @return the sentence
     */
    public String describe() {
        AnchorCandidate w = winner();
        if (cloudAnchors == 0) {
            return "The cloud holds no ImmutableIDs: nothing to detect.";
        }
        String head = String.format(Locale.ROOT, "%s explains %.1f%% of %,d cloud ImmutableIDs (%,d)",
                w.anchor().name(), w.coverage() * 100, cloudAnchors, w.explained());
        long other = cloudAnchors - w.explained();
        if (other == 0) {
            return head + ".";
        }
        String causes = rest.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<MismatchCause, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(Collectors.joining(", "));
        String missing = unmatched > 0
                ? (causes.isEmpty() ? "" : ", ") + String.format(Locale.ROOT, "no on-prem user with the same UPN %,d",
                        unmatched) : "";
        return head + String.format(Locale.ROOT, "; the other %,d: ", other) + causes + missing + ".";
    }
}
