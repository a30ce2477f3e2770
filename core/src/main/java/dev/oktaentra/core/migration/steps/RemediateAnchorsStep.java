package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.CloudAttribute;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.OnPremGuidAttribute;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.validation.ValidationFinding;
import dev.oktaentra.core.report.Counts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Phase 5: make every soft-matched pair agree on the anchor before leaving staging.
 *
 * <ul>
 *   <li>A cloud-managed user (Okta's users are) gets the expected ImmutableID in Entra ID.</li>
 *   <li>A user already synced from AD cannot be changed in the cloud; with the mS-DS-ConsistencyGuid anchor its
 *       on-prem mS-DS-ConsistencyGuid takes the cloud's GUID instead, so the anchors meet. Otherwise a person must
 *       decide, and the plan says so.</li>
 *   <li>A soft match to a cloud user with an admin role needs the role removed for the matching window.</li>
 *   <li>An Okta app whose immutableId mapping reads another attribute than the anchor (or cannot be read) needs
 *       "the attribute Okta is syncing" updated before Okta is switched off ({@link OktaMappingCheck}).</li>
 * </ul>
 */
final class RemediateAnchorsStep extends BaseMigrationStep {

    RemediateAnchorsStep() {
        super("remediate-anchors", "Fix mismatched ImmutableIDs", StepKind.AUTOMATED);
    }

    @Override
    public List<StepFinding> assess(MigrationContext ctx) {
        Plan plan = plan(ctx);
        List<StepFinding> findings = new ArrayList<>();
        findings.add(StepFinding.info(plan.changes().size() + " ImmutableID fixes to write."));
        plan.instructions().forEach(i -> findings.add(StepFinding.warning(i)));
        return findings;
    }

    /** Refused when a side yielded no users: nothing would look mismatched, and an empty plan would look fine. */
    @Override
    public Plan plan(MigrationContext ctx) {
        EmptySides.requireForPlan(ctx, id());
        List<Change> changes = new ArrayList<>();
        List<String> instructions = new ArrayList<>();
        List<ValidationFinding> synced = new ArrayList<>();
        try (Stream<ValidationFinding> findings = ctx.validation().findings()) {
            findings.forEach(f -> {
                if (f.outcome() == MatchOutcome.ANCHOR_MISMATCH) {
                    if (f.cloudSynced()) {
                        synced.add(f);
                    } else {
                        changes.add(CloudAttribute.immutableId(f.cloudId(), f.cloudImmutableId(),
                                f.expectedImmutableId(), "ANCHOR_MISMATCH (" + f.cause() + "): "
                                        + f.userPrincipalName()));
                    }
                }
                if (f.holdsAdminRole() && (f.outcome() == MatchOutcome.SOFT_MATCH_ONLY
                        || f.outcome() == MatchOutcome.MATCHED || f.outcome() == MatchOutcome.ANCHOR_MISMATCH)) {
                    // Entra ID matches no admin-role holder, not even on a correct ImmutableID (domain.md §3.1).
                    instructions.add("Cloud user " + f.cloudUserPrincipalName() + " holds an admin role, so Entra "
                            + "ID will not match it: remove the role for the matching window and add it back after "
                            + "the cutover.");
                }
            });
        }
        onPremRoute(ctx, synced, changes, instructions);
        instructions.addAll(OktaMappingCheck.instructions(ctx));
        return plan(ctx, changes, instructions);
    }

    /** Synced cloud users: the on-prem consistency GUID takes the cloud's value, when the anchor allows it. */
    private void onPremRoute(MigrationContext ctx, List<ValidationFinding> synced, List<Change> changes,
            List<String> instructions) {
        if (synced.isEmpty()) {
            return;
        }
        if (ctx.anchor().kind() != SourceAnchor.Kind.CONSISTENCY_GUID) {
            synced.forEach(f -> instructions.add(f.userPrincipalName() + " is synced to a cloud user with another "
                    + "ImmutableID (" + f.cloudImmutableId() + "), and the anchor " + ctx.anchor().name()
                    + " cannot be changed on-prem: decide which object is right."));
            return;
        }
        Map<String, ObjectGuid> current = consistencyGuids(ctx, synced);
        for (ValidationFinding f : synced) {
            Optional<ObjectGuid> cloudGuid = ImmutableId.of(f.cloudImmutableId()).toObjectGuid();
            if (cloudGuid.isEmpty()) {
                instructions.add(f.userPrincipalName() + ": the cloud ImmutableID " + f.cloudImmutableId()
                        + " is not a GUID's, so mS-DS-ConsistencyGuid cannot take it; fix it by hand.");
                continue;
            }
            changes.add(OnPremGuidAttribute.consistencyGuid(f.distinguishedName(), current.get(f.distinguishedName()),
                    cloudGuid.get(), "ANCHOR_MISMATCH (" + f.cause() + ") with synced cloud user "
                            + f.cloudUserPrincipalName()));
        }
    }

    private static Map<String, ObjectGuid> consistencyGuids(MigrationContext ctx, List<ValidationFinding> synced) {
        Map<String, ObjectGuid> wanted = new HashMap<>();
        synced.forEach(f -> wanted.put(f.distinguishedName(), null));
        try (Stream<DirectoryRecord<OnPremUser>> records = MigrationContext.require(ctx.onPrem(),
                "the on-prem directory", "remediate-anchors").records()) {
            records.forEach(r -> {
                if (r instanceof DirectoryRecord.Usable<OnPremUser> u
                        && wanted.containsKey(u.user().distinguishedName())) {
                    wanted.put(u.user().distinguishedName(), u.user().consistencyGuid());
                }
            });
        }
        return wanted;
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        Optional<String> empty = EmptySides.inValidation(ctx);
        if (empty.isPresent()) {
            return EmptySides.failed(List.of(), empty.get());
        }
        long left = ctx.validation().counts().get(MatchOutcome.ANCHOR_MISMATCH);
        return left == 0 ? VerifyResult.passed(List.of(StepFinding.info("No ImmutableID mismatch is left.")))
                : VerifyResult.failed(List.of(StepFinding.error(Counts.of(left, "mismatch is left", "mismatches are left")
                        + ": plan this step again.")));
    }
}
