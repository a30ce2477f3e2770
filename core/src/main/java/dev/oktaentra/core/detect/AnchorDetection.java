package dev.oktaentra.core.detect;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.report.Counts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
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
 *        on-prem user by UPN); those without an on-prem user of the same UPN are under {@code unmatched}, and those
 *        whose on-prem user's value does not parse are in neither
 * @param unmatched unexplained cloud ImmutableIDs whose user has no on-prem counterpart by UPN
 * @param cloudRejected cloud records the directory rejected (e.g. CSV rows without a UPN), so not counted above
 * @param onPremRejected on-prem records the directory rejected (e.g. CSV rows with a bad objectGUID)
 * @param onPremUnparsed readable on-prem users whose value of the winner's attribute does not parse as that kind
 *        of anchor (e.g. text where a binary attribute is expected), so they neither explain nor are diagnosed
 * @param onPremRecords every on-prem record read, usable or rejected: 0 means the side came back empty
 *        ({@link dev.oktaentra.core.validation.EmptySide})
 * @param cloudRecords every cloud record read, usable or rejected, with an ImmutableID or not
 * @param consistencyGuidDiffers readable on-prem users whose mS-DS-ConsistencyGuid is set to another GUID than their
 *        objectGUID: Entra Connect installed with mS-DS-ConsistencyGuid, and cloud sync, present that GUID, not the
 *        objectGUID ({@link dev.oktaentra.core.match.TargetEngine})
 */
public record AnchorDetection(long cloudAnchors, List<AnchorCandidate> ranking, Map<MismatchCause, Long> rest,
        long unmatched, long cloudRejected, long onPremRejected, long onPremUnparsed, long onPremRecords,
        long cloudRecords, long consistencyGuidDiffers) {

    /**
     * Freezes the collections.
     *
     * @param cloudAnchors how many distinct ImmutableIDs the cloud holds
     * @param ranking every candidate, best first
     * @param rest cloud ImmutableIDs the winner does not reproduce, by the mistake that explains them (matched to an
     *        on-prem user by UPN); those without an on-prem user of the same UPN are under {@code unmatched}, and those
     *        whose on-prem user's value does not parse are in neither
     * @param unmatched unexplained cloud ImmutableIDs whose user has no on-prem counterpart by UPN
     * @param cloudRejected cloud records the directory rejected (e.g. CSV rows without a UPN), so not counted above
     * @param onPremRejected on-prem records the directory rejected (e.g. CSV rows with a bad objectGUID)
     * @param onPremUnparsed readable on-prem users whose value of the winner's attribute does not parse as that kind
     *        of anchor (e.g. text where a binary attribute is expected), so they neither explain nor are diagnosed
     * @param onPremRecords every on-prem record read, usable or rejected: 0 means the side came back empty
     *        ({@link dev.oktaentra.core.validation.EmptySide})
     * @param cloudRecords every cloud record read, usable or rejected, with an ImmutableID or not
     * @param consistencyGuidDiffers readable on-prem users whose mS-DS-ConsistencyGuid differs from their objectGUID
     */
    public AnchorDetection {
        ranking = List.copyOf(ranking);
        // In the causes' declared order, not Map.copyOf's, which changes from one JVM to the next.
        rest = rest.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(rest));
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
     * One line for a person, e.g. {@code objectGUID explains 99.2% of 10,000 cloud ImmutableIDs (9,920); the
     * other 80: BYTE_ORDER 50, no on-prem user with the same UPN 30.}, followed, when input could not be used, by
     * e.g. {@code 12 cloud records were not usable (rejected rows), 3 on-prem values did not parse as
     * binary:objectSid.}, and by how many users carry an mS-DS-ConsistencyGuid that differs from their objectGUID.
     *
     * @return the line
     */
    public String describe() {
        String unusable = unusable();
        String text = unusable.isEmpty() ? explanation() : explanation() + " " + unusable;
        if (consistencyGuidDiffers > 0) {
            text += " " + Counts.of(consistencyGuidDiffers, "on-prem user carries", "on-prem users carry")
                    + " an mS-DS-ConsistencyGuid that differs from their objectGUID: Entra Connect installed with "
                    + "mS-DS-ConsistencyGuid, and cloud sync, present that value instead, so validate with --anchor "
                    + "mS-DS-ConsistencyGuid before the cutover.";
        }
        return text;
    }

    private String explanation() {
        AnchorCandidate w = winner();
        if (cloudAnchors == 0) {
            return "The cloud holds no ImmutableIDs: nothing to detect.";
        }
        String head = String.format(Locale.ROOT, "%s explains %.1f%% of %s (%,d)", w.anchor().name(),
                w.coverage() * 100, Counts.of(cloudAnchors, "cloud ImmutableID", "cloud ImmutableIDs"), w.explained());
        long other = cloudAnchors - w.explained();
        if (other == 0) {
            return head + ".";
        }
        String causes = rest.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<MismatchCause, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(Collectors.joining(", "));
        List<String> parts = new ArrayList<>();
        if (!causes.isEmpty()) {
            parts.add(causes);
        }
        long unparsable = other - unmatched - rest.values().stream().mapToLong(Long::longValue).sum();
        if (unparsable > 0) {
            parts.add(String.format(Locale.ROOT, "on-prem value does not parse %,d", unparsable));
        }
        if (unmatched > 0) {
            parts.add(String.format(Locale.ROOT, "no on-prem user with the same UPN %,d", unmatched));
        }
        return head + String.format(Locale.ROOT, "; the other %,d: ", other) + String.join(", ", parts) + ".";
    }

    /** What could not be used and why, or an empty text when everything could. */
    private String unusable() {
        List<String> parts = new ArrayList<>(3);
        if (cloudRejected > 0) {
            parts.add(records(cloudRejected, "cloud") + " not usable (rejected rows)");
        }
        if (onPremRejected > 0) {
            parts.add(records(onPremRejected, "on-prem") + " not usable (rejected rows)");
        }
        if (onPremUnparsed > 0) {
            parts.add(Counts.of(onPremUnparsed, "on-prem value", "on-prem values") + " did not parse as "
                    + winner().anchor().name());
        }
        return parts.isEmpty() ? "" : String.join(", ", parts) + ".";
    }

    private static String records(long n, String side) {
        return Counts.of(n, side + " record was", side + " records were");
    }
}
