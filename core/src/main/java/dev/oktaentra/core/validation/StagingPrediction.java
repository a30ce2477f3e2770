package dev.oktaentra.core.validation;

import java.util.Map;

/**
 * What the Entra Connect server's pending export will hold once it runs in staging mode, predicted from a
 * validation: compare it with the real export before leaving staging.
 *
 * <p>An on-prem user whose counterpart is a cloud user holding an admin role ({@code MATCHED} or
 * {@code SOFT_MATCH_ONLY} with {@link ValidationFinding#holdsAdminRole()}) is a conflicting add, not an update: Entra
 * ID does not match on-premises users with cloud users that have an admin role, by soft match or on the ImmutableID,
 * so Connect exports the object as a new user, whose UPN or primary SMTP address collides with the existing cloud
 * user's, and the export fails or leaves a quarantined object beside it. Microsoft's way out is to remove the
 * directory roles for the matching window (and hard-delete a quarantined object, sync again, then give the roles
 * back).
 *
 * @param adds on-prem users without a cloud counterpart, which Connect would create ({@code ONPREM_ONLY})
 * @param conflictingAdds on-prem users Connect would also export as adds although a cloud user already stands for
 *        them, colliding with it: those whose cloud counterpart has another ImmutableID ({@code ANCHOR_MISMATCH}),
 *        and hard and soft matches onto a cloud user that holds an admin role; none takes the cloud user over until
 *        fixed
 * @param updates users Connect would take over and update: hard and soft matches onto cloud users without an admin
 *        role
 * @param deletes cloud users still marked synced that no on-prem object explains, which Connect would delete
 * @param attributeDeletions matched users whose takeover would delete a mapped attribute, in total; a match onto an
 *        admin-role holder is counted too, because it is taken over (and the value deleted) once the match is
 *        unblocked
 * @param attributeDeletionsByAttribute the same, per cloud field (e.g. {@code mail})
 */
public record StagingPrediction(
        long adds,
        long conflictingAdds,
        long updates,
        long deletes,
        long attributeDeletions,
        Map<String, Long> attributeDeletionsByAttribute) {

    /**
     * Freezes the map.
     *
     * @param adds on-prem users without a cloud counterpart, which Connect would create ({@code ONPREM_ONLY})
     * @param conflictingAdds on-prem users Connect would also export as adds although a cloud user already stands for
     *        them, colliding with it: those whose cloud counterpart has another ImmutableID ({@code ANCHOR_MISMATCH}),
     *        and hard and soft matches onto a cloud user that holds an admin role; none takes the cloud user over until
     *        fixed
     * @param updates users Connect would take over and update: hard and soft matches onto cloud users without an admin
     *        role
     * @param deletes cloud users still marked synced that no on-prem object explains, which Connect would delete
     * @param attributeDeletions matched users whose takeover would delete a mapped attribute, in total; a match onto an
     *        admin-role holder is counted too, because it is taken over (and the value deleted) once the match is
     *        unblocked
     * @param attributeDeletionsByAttribute the same, per cloud field (e.g. {@code mail})
     */
    public StagingPrediction {
        attributeDeletionsByAttribute = Map.copyOf(attributeDeletionsByAttribute);
    }
}
