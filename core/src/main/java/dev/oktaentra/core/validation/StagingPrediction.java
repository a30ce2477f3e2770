package dev.oktaentra.core.validation;

import java.util.Map;

/**
 * What the Entra Connect server's pending export will hold once it runs in staging mode, predicted from a
 * validation: compare it with the real export before leaving staging.
 *
 * @param adds on-prem users without a cloud counterpart, which Connect would create ({@code ONPREM_ONLY})
 * @param conflictingAdds on-prem users whose cloud counterpart has another ImmutableID ({@code ANCHOR_MISMATCH}):
 *        Connect would try to create them too, as duplicates, unless the ImmutableID is fixed first
 * @param updates users Connect would take over and update (hard or soft matched)
 * @param deletes cloud users still marked synced that no on-prem object explains, which Connect would delete
 * @param attributeDeletions updates that would delete a mapped attribute, in total
 * @param attributeDeletionsByAttribute the same, per cloud field (e.g. {@code mail})
 */
public record StagingPrediction(
        long adds,
        long conflictingAdds,
        long updates,
        long deletes,
        long attributeDeletions,
        Map<String, Long> attributeDeletionsByAttribute) {

    /** Freezes the map. */
    public StagingPrediction {
        attributeDeletionsByAttribute = Map.copyOf(attributeDeletionsByAttribute);
    }
}
