package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.match.BlockReason;
import dev.oktaentra.core.match.DefaultScopeRule;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.tenant.SyncFeatures;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The totals of a validation, small enough to print, serialise or render.
 *
 * @param anchor the source anchor's name, e.g. {@code mS-DS-ConsistencyGuid}
 * @param engine the engine that takes over and its anchor, e.g. {@code Entra Connect Sync, source anchor
 *        mS-DS-ConsistencyGuid (objectGUID where it is empty)}
 * @param syncFeatures the tenant features the prediction assumes the cutover runs with
 * @param syncFeaturesSource where they come from, e.g. {@link Validation#CUTOVER_ASSUMED_SOURCE}
 * @param rules the match rules' names, in order
 * @param onPremSource what the on-prem side was read from
 * @param cloudSource what the cloud side was read from
 * @param total the number of findings
 * @param counts findings per outcome, every outcome present
 * @param causes ANCHOR_MISMATCH findings per cause, every cause but NONE present
 * @param adminRoleSoftMatches soft matches onto cloud users that hold an active admin role, which Entra ID refuses
 * @param adminRoleHardMatches hard matches onto cloud users that hold an active admin role
 *        ({@code HARD_MATCH_BLOCKED} with {@code ADMIN_ROLE})
 * @param hardMatchBlocks HARD_MATCH_BLOCKED findings per reason, every reason present (a finding with two reasons
 *        counts under both)
 * @param softMatchBlocks blocked SOFT_MATCH_ONLY findings per reason, every reason present
 * @param scopeExclusions on-prem OUT_OF_SCOPE findings per default scope rule, every rule present
 * @param uniquenessConflicts objects the sync would add (or take over) with a UPN or SMTP address another cloud user
 *        already holds, or another on-prem object the sync exports carries too (both of the two are counted):
 *        AttributeValueMustBeUnique, or a quarantined value
 * @param prediction the predicted staging export
 * @param attributeMappings the attributes checked for predicted deletions, on-prem to cloud
 * @param warnings what could not be predicted because a source did not provide a field
 */
public record ValidationSummary(
        String anchor,
        String engine,
        SyncFeatures syncFeatures,
        String syncFeaturesSource,
        List<String> rules,
        String onPremSource,
        String cloudSource,
        long total,
        Map<MatchOutcome, Long> counts,
        Map<MismatchCause, Long> causes,
        long adminRoleSoftMatches,
        long adminRoleHardMatches,
        Map<BlockReason, Long> hardMatchBlocks,
        Map<BlockReason, Long> softMatchBlocks,
        Map<DefaultScopeRule, Long> scopeExclusions,
        long uniquenessConflicts,
        StagingPrediction prediction,
        List<AttributeMapping> attributeMappings,
        List<String> warnings) {

    /**
     * Freezes the collections, keeping the enum order of the maps.
     *
     * @param anchor the source anchor's name, e.g. {@code mS-DS-ConsistencyGuid}
     * @param engine the engine that takes over and its anchor
     * @param syncFeatures the tenant features the prediction assumes the cutover runs with
     * @param syncFeaturesSource where they come from
     * @param rules the match rules' names, in order
     * @param onPremSource what the on-prem side was read from
     * @param cloudSource what the cloud side was read from
     * @param total the number of findings
     * @param counts findings per outcome, every outcome present
     * @param causes ANCHOR_MISMATCH findings per cause, every cause but NONE present
     * @param adminRoleSoftMatches soft matches to cloud users that hold an admin role, which Entra Connect refuses
     * @param adminRoleHardMatches hard matches (MATCHED) to cloud users that hold an admin role: Entra ID does not
     *        match those either, even on a correct ImmutableID, until the roles are removed for the matching window
     * @param hardMatchBlocks HARD_MATCH_BLOCKED findings per reason, every reason present
     * @param softMatchBlocks blocked SOFT_MATCH_ONLY findings per reason, every reason present
     * @param scopeExclusions on-prem OUT_OF_SCOPE findings per default scope rule, every rule present
     * @param uniquenessConflicts objects the sync would add or take over with a UPN or SMTP address another cloud
     *        user already holds or another on-prem object carries
     * @param prediction the predicted staging export
     * @param attributeMappings the attributes checked for predicted deletions, on-prem to cloud
     * @param warnings what could not be predicted because a source did not provide a field
     */
    public ValidationSummary {
        rules = List.copyOf(rules);
        attributeMappings = List.copyOf(attributeMappings);
        warnings = List.copyOf(warnings);
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        causes = Collections.unmodifiableMap(new EnumMap<>(causes));
        hardMatchBlocks = Collections.unmodifiableMap(new EnumMap<>(hardMatchBlocks));
        softMatchBlocks = Collections.unmodifiableMap(new EnumMap<>(softMatchBlocks));
        scopeExclusions = Collections.unmodifiableMap(new EnumMap<>(scopeExclusions));
    }

    /**
     * The summary as one line of JSON, names as in the record: the {@code summary} object of the JSON reports.
     *
     * @return e.g. {@code {"anchor":"mS-DS-ConsistencyGuid",…,"warnings":[]}}
     */
    public String toJson() {
        java.io.StringWriter out = new java.io.StringWriter(4096);
        try (com.fasterxml.jackson.core.JsonGenerator json = ReportJson.FACTORY.createGenerator(out)) {
            ReportJson.summary(json, this);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
