package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.match.MatchOutcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The totals of a validation, small enough to print, serialise or render.
 *
 * @param anchor the source anchor's name, e.g. {@code objectGUID}
 * @param rules the match rules' names, in order
 * @param onPremSource what the on-prem side was read from
 * @param cloudSource what the cloud side was read from
 * @param total the number of findings
 * @param counts findings per outcome, every outcome present
 * @param causes ANCHOR_MISMATCH findings per cause, every cause but NONE present
 * @param adminRoleSoftMatches soft matches to cloud users that hold an admin role, which Entra Connect refuses
 * @param adminRoleHardMatches hard matches (MATCHED) to cloud users that hold an admin role: Entra ID does not match
 *        those either, even on a correct ImmutableID, until the roles are removed for the matching window
 * @param prediction the predicted staging export
 * @param attributeMappings the attributes checked for predicted deletions, on-prem to cloud
 */
public record ValidationSummary(
        String anchor,
        List<String> rules,
        String onPremSource,
        String cloudSource,
        long total,
        Map<MatchOutcome, Long> counts,
        Map<MismatchCause, Long> causes,
        long adminRoleSoftMatches,
        long adminRoleHardMatches,
        StagingPrediction prediction,
        List<AttributeMapping> attributeMappings) {

    /**
     * Freezes the collections, keeping the enum order of the maps.
     *
     * @param anchor the source anchor's name, e.g. {@code objectGUID}
     * @param rules the match rules' names, in order
     * @param onPremSource what the on-prem side was read from
     * @param cloudSource what the cloud side was read from
     * @param total the number of findings
     * @param counts findings per outcome, every outcome present
     * @param causes ANCHOR_MISMATCH findings per cause, every cause but NONE present
     * @param adminRoleSoftMatches soft matches to cloud users that hold an admin role, which Entra Connect refuses
     * @param adminRoleHardMatches hard matches (MATCHED) to cloud users that hold an admin role: Entra ID does not
     *        match those either, even on a correct ImmutableID, until the roles are removed for the matching window
     * @param prediction the predicted staging export
     * @param attributeMappings the attributes checked for predicted deletions, on-prem to cloud
     */
    public ValidationSummary {
        rules = List.copyOf(rules);
        attributeMappings = List.copyOf(attributeMappings);
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        causes = Collections.unmodifiableMap(new EnumMap<>(causes));
    }
}
