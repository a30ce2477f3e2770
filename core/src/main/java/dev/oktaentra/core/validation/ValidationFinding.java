package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.match.BlockReason;
import dev.oktaentra.core.match.DefaultScopeRule;
import dev.oktaentra.core.match.MatchOutcome;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One row of a validation report: one object and what a person needs to act on it; the validation's finding, as a
 * {@link dev.oktaentra.core.staging.StagingFinding} is the staging review's and a
 * {@link dev.oktaentra.core.migration.StepFinding} a step's.
 *
 * @param side which directory the object is from
 * @param outcome what Entra Connect would do with it
 * @param cause why the anchors differ, for {@link MatchOutcome#ANCHOR_MISMATCH}; else {@code null}
 * @param rule the rule that paired the object, or {@code null}
 * @param userPrincipalName the object's UPN (on-prem UPN for on-prem rows), or {@code null}
 * @param distinguishedName the on-prem DN, or {@code null}
 * @param objectGuid the on-prem objectGUID text, or {@code null}
 * @param expectedImmutableId the ImmutableID the on-prem object yields, or {@code null}
 * @param cloudImmutableId the cloud user's ImmutableID, or {@code null}
 * @param cloudId the cloud user's object id, or {@code null}
 * @param cloudUserPrincipalName the cloud user's UPN, or {@code null}
 * @param cloudPrimarySmtpAddress the cloud user's primary SMTP address, or {@code null}
 * @param holdsAdminRole whether the cloud user holds an active admin role (Entra ID will not match it, by soft match
 *        or on its ImmutableID, while it does)
 * @param cloudSynced whether the cloud user is marked synced from on-premises ({@code onPremisesSyncEnabled}); its
 *        ImmutableID can then only be fixed from the on-prem side
 * @param attributeDeletions mapped attributes the cloud has and on-prem lacks, which the sync would delete, by cloud
 *        field, with the cloud value that would be lost (the value to back-fill on-prem)
 * @param attributeChanges what the takeover changes that the user would notice (UPN, mail, display name, proxy
 *        addresses lost), for an object whose verdict takes the cloud user over; empty otherwise
 * @param blockReasons why Entra ID refuses the match, for HARD_MATCH_BLOCKED and a blocked SOFT_MATCH_ONLY; for
 *        ANCHOR_MISMATCH, what would block the hard match once the anchor is fixed; empty otherwise
 * @param uniquenessConflicts the object's UPN or SMTP addresses that another cloud user holds or another on-prem
 *        object the sync exports carries, for an object the sync would add or take over (Entra's uniqueness check);
 *        empty otherwise
 * @param scopeRule the default scope rule that leaves an on-prem OUT_OF_SCOPE object out, or {@code null}
 * @param note a sentence that explains the outcome or says what to do, or {@code null}
 * @param source the file or directory the object came from
 * @param location where in the source, for INVALID rows (e.g. {@code line 17}), else {@code null}
 */
public record ValidationFinding(
        Side side,
        MatchOutcome outcome,
        MismatchCause cause,
        String rule,
        String userPrincipalName,
        String distinguishedName,
        String objectGuid,
        String expectedImmutableId,
        String cloudImmutableId,
        String cloudId,
        String cloudUserPrincipalName,
        String cloudPrimarySmtpAddress,
        boolean holdsAdminRole,
        boolean cloudSynced,
        Map<String, String> attributeDeletions,
        List<TakeoverChange> attributeChanges,
        Set<BlockReason> blockReasons,
        List<UniquenessConflict> uniquenessConflicts,
        DefaultScopeRule scopeRule,
        String note,
        String source,
        String location) {

    /** The directory a finding's object is from. */
    public enum Side {
        /** Active Directory or an on-prem export. */
        ON_PREM,
        /** Entra ID or a cloud export. */
        CLOUD
    }

    /**
     * Checks the required components and freezes the collections, keeping their order.
     *
     * @param side which directory the object is from
     * @param outcome what Entra Connect would do with it
     * @param cause why the anchors differ, for {@link MatchOutcome#ANCHOR_MISMATCH}; else {@code null}
     * @param rule the rule that paired the object, or {@code null}
     * @param userPrincipalName the object's UPN (on-prem UPN for on-prem rows), or {@code null}
     * @param distinguishedName the on-prem DN, or {@code null}
     * @param objectGuid the on-prem objectGUID text, or {@code null}
     * @param expectedImmutableId the ImmutableID the on-prem object yields, or {@code null}
     * @param cloudImmutableId the cloud user's ImmutableID, or {@code null}
     * @param cloudId the cloud user's object id, or {@code null}
     * @param cloudUserPrincipalName the cloud user's UPN, or {@code null}
     * @param cloudPrimarySmtpAddress the cloud user's primary SMTP address, or {@code null}
     * @param holdsAdminRole whether the cloud user holds an active admin role (Entra ID will not match it, by soft
     *        match or on its ImmutableID, while it does)
     * @param cloudSynced whether the cloud user is marked synced from on-premises ({@code onPremisesSyncEnabled}); its
     *        ImmutableID can then only be fixed from the on-prem side
     * @param attributeDeletions mapped attributes the cloud has and on-prem lacks, which the sync would delete, by
     *        cloud field, with the cloud value that would be lost (the value to back-fill on-prem)
     * @param attributeChanges what the takeover changes that the user would notice, for an object whose verdict
     *        takes the cloud user over; empty otherwise
     * @param blockReasons why Entra ID refuses the match, or what would block it once the anchor is fixed; empty
     *        otherwise
     * @param uniquenessConflicts the object's UPN or SMTP addresses that another cloud user holds or another on-prem
     *        object carries; empty otherwise
     * @param scopeRule the default scope rule that leaves an on-prem OUT_OF_SCOPE object out, or {@code null}
     * @param note a sentence that explains the outcome or says what to do, or {@code null}
     * @param source the file or directory the object came from
     * @param location where in the source, for INVALID rows (e.g. {@code line 17}), else {@code null}
     */
    public ValidationFinding {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(outcome, "outcome");
        attributeDeletions = attributeDeletions == null || attributeDeletions.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(attributeDeletions));
        attributeChanges = attributeChanges == null ? List.of() : List.copyOf(attributeChanges);
        blockReasons = blockReasons == null || blockReasons.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(blockReasons));
        uniquenessConflicts = uniquenessConflicts == null ? List.of() : List.copyOf(uniquenessConflicts);
    }
}
