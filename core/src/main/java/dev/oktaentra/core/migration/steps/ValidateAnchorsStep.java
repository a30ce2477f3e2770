package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.match.BlockReason;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.validation.StagingPrediction;
import dev.oktaentra.core.validation.ValidationReport;
import dev.oktaentra.core.report.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Phase 2: every on-prem object against its cloud counterpart. Passes when nothing would be duplicated or
 * ambiguous; orphans and new users are warnings for a person to look at. Fails when either side yielded no users
 * ({@link dev.oktaentra.core.validation.EmptySide}): against an empty side nothing disagrees.
 */
final class ValidateAnchorsStep extends BaseMigrationStep {

    /** Outcomes that would create duplicates or break the sync: remediation must clear them. */
    static final List<MatchOutcome> BLOCKING = List.of(MatchOutcome.ANCHOR_MISMATCH, MatchOutcome.CUSTOM_MATCH_ONLY,
            MatchOutcome.AMBIGUOUS, MatchOutcome.DUPLICATE_ANCHOR, MatchOutcome.INVALID);

    ValidateAnchorsStep() {
        super("validate-anchors", "Validate every anchor against the cloud", StepKind.CHECK);
    }

    @Override
    public List<StepFinding> assess(MigrationContext ctx) {
        return verify(ctx).findings();
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        ValidationReport report = ctx.validation();
        Map<MatchOutcome, Long> counts = report.counts();
        List<StepFinding> findings = new ArrayList<>();
        findings.add(StepFinding.info("Outcomes: " + counts));
        Optional<String> empty = report.emptySide();
        if (empty.isPresent()) {
            return EmptySides.failed(findings, empty.get());
        }
        for (MatchOutcome outcome : BLOCKING) {
            long n = counts.get(outcome);
            if (n > 0) {
                findings.add(StepFinding.error(String.format(Locale.ROOT, "%,d %s: fix these before the cutover "
                        + "(remediate-anchors plans the ImmutableID fixes).", n, outcome)));
            }
        }
        if (counts.get(MatchOutcome.ANCHOR_MISMATCH) > 0) {
            findings.add(StepFinding.info("Causes: " + report.causes()));
        }
        StagingPrediction prediction = report.prediction();
        if (prediction.adds() > 0) {
            findings.add(StepFinding.warning(Counts.of(prediction.adds(), "on-prem user has", "on-prem users have")
                    + " no cloud counterpart: Entra Connect will create " + (prediction.adds() == 1 ? "it" : "them")
                    + ". Check none is an existing cloud user."));
        }
        if (counts.get(MatchOutcome.CLOUD_ONLY) > 0) {
            findings.add(StepFinding.warning(Counts.of(counts.get(MatchOutcome.CLOUD_ONLY),
                    "cloud user with an ImmutableID matches", "cloud users with an ImmutableID match")
                    + String.format(Locale.ROOT, " no on-prem object: left behind, not deleted (%,d still marked "
                            + "synced, read-only after the cutover).", prediction.orphansStillSynced())));
        }
        long adminMatches = report.summary().adminRoleSoftMatches() + report.summary().adminRoleHardMatches();
        if (adminMatches > 0) {
            findings.add(StepFinding.warning(Counts.of(adminMatches, "match", "matches") + " ("
                    + report.summary().adminRoleSoftMatches() + " soft, " + report.summary().adminRoleHardMatches()
                    + " hard) " + (adminMatches == 1 ? "goes to a cloud user" : "go to cloud users") + " holding an "
                    + "admin role, which Entra ID refuses to match: remove the roles for the matching window and give "
                    + "them back after the first sync."));
        }
        if (counts.get(MatchOutcome.HARD_MATCH_BLOCKED) > 0) {
            findings.add(StepFinding.warning(Counts.of(counts.get(MatchOutcome.HARD_MATCH_BLOCKED),
                    "hard match is", "hard matches are") + " blocked by Entra ID " + reasons(report.summary()
                    .hardMatchBlocks()) + ": clear what blocks each for the matching window (remediate-anchors "
                    + "lists them), or the sync adds a second user beside it."));
        }
        long uniqueness = report.summary().uniquenessConflicts();
        if (uniqueness > 0) {
            findings.add(StepFinding.warning(Counts.of(uniqueness, "object has", "objects have") + " a UPN or address "
                    + "another cloud user holds: Entra ID refuses it (AttributeValueMustBeUnique) or quarantines it; "
                    + "the report names each holder."));
        }
        if (prediction.attributeChanges() > 0) {
            findings.add(StepFinding.warning(Counts.of(prediction.attributeChanges(), "user would see",
                    "users would see") + " the takeover change " + prediction.attributeChangesByAttribute()
                    + ": backfill-attributes plans what can be back-filled, the report lists every change."));
        }
        if (prediction.attributeDeletions() > 0) {
            findings.add(StepFinding.warning(Counts.of(prediction.attributeDeletions(), "user would lose",
                    "users would lose") + " "
                    + prediction.attributeDeletionsByAttribute() + " because on-prem has no value: backfill-attributes "
                    + "plans the back-fill."));
        }
        report.warnings().forEach(w -> findings.add(StepFinding.warning(w)));
        boolean blocked = BLOCKING.stream().anyMatch(o -> counts.get(o) > 0);
        return blocked ? VerifyResult.failed(findings) : VerifyResult.passed(findings);
    }

    private static String reasons(Map<BlockReason, Long> blocks) {
        StringBuilder out = new StringBuilder("(");
        blocks.forEach((reason, n) -> {
            if (n > 0) {
                out.append(out.length() > 1 ? ", " : "").append(reason).append(' ').append(n);
            }
        });
        return out.append(')').toString();
    }
}
