package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.BlockReason;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.Change;
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
 *   <li>A cloud-managed user (Okta's users are) gets the expected ImmutableID in Entra ID. When its UPN is in a
 *       federated domain, the plan says to convert the domain to managed first, or, with
 *       {@code MigrationOptions.federatedUpnSwap}, moves the UPN to the tenant's onmicrosoft.com domain and back
 *       around the write ({@link CloudFixes}).</li>
 *   <li>A user already synced from AD cannot be changed in the cloud; with the mS-DS-ConsistencyGuid anchor its
 *       on-prem mS-DS-ConsistencyGuid takes the cloud's GUID instead, so the anchors meet. Otherwise a person must
 *       decide, and the plan says so.</li>
 *   <li>A pair Entra ID will not match by itself, because only a custom rule finds it ({@code CUSTOM_MATCH_ONLY}) or
 *       because the tenant's features switch the soft match off (SoftMatchOnUpn off), gets the ImmutableID stamped,
 *       so that the hard match finds it.</li>
 *   <li>A soft match to a cloud user with an admin role needs the role removed for the matching window; a hard match
 *       Entra ID blocks ({@code HARD_MATCH_BLOCKED}) needs what blocks it cleared, as the finding's note says.</li>
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
        if (ctx.tenant().isPresent() && ctx.validation().domains().isEmpty()) {
            findings.add(StepFinding.warning("The tenant port reads no domains, so users whose UPN is in a federated "
                    + "domain cannot be told apart: Entra ID refuses their ImmutableID writes."));
        }
        return findings;
    }

    /** Refused when a side yielded no users: nothing would look mismatched, and an empty plan would look fine. */
    @Override
    public Plan plan(MigrationContext ctx) {
        EmptySides.requireForPlan(ctx, id());
        List<Change> changes = new ArrayList<>();
        List<String> instructions = new ArrayList<>();
        List<ValidationFinding> synced = new ArrayList<>();
        CloudFixes cloud = new CloudFixes(ctx.validation().domains(), StrandedSwaps.of(ctx, id()),
                ctx.options().federatedUpnSwap());
        try (Stream<ValidationFinding> findings = ctx.validation().findings()) {
            findings.forEach(f -> {
                if (stampable(f)) {
                    cloud.add(f, f.outcome() + (f.outcome() == MatchOutcome.CUSTOM_MATCH_ONLY ? " (" + f.rule() + ")"
                            : " " + f.blockReasons()) + ": " + f.userPrincipalName());
                }
                if (f.outcome() == MatchOutcome.HARD_MATCH_BLOCKED) {
                    instructions.add(f.userPrincipalName() + ": " + f.note());
                }
                if (f.outcome() == MatchOutcome.ANCHOR_MISMATCH) {
                    if (f.cloudSynced()) {
                        synced.add(f);
                    } else {
                        cloud.add(f);
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
        changes.addAll(cloud.plan(ctx, instructions));
        onPremRoute(ctx, synced, changes, instructions);
        instructions.addAll(OktaMappingCheck.instructions(ctx));
        return plan(ctx, changes, instructions);
    }

    /**
     * A pair the hard match would find once the cloud user holds the object's ImmutableID, and Entra ID would
     * otherwise not match: only a custom rule finds it, or the tenant switches that soft match off. A cloud user
     * still marked synced cannot be changed in the cloud.
     */
    private static boolean stampable(ValidationFinding f) {
        boolean switchedOff = f.outcome() == MatchOutcome.SOFT_MATCH_ONLY
                && (f.blockReasons().contains(BlockReason.SOFT_MATCH_ON_UPN_OFF)
                        || f.blockReasons().contains(BlockReason.TENANT_BLOCKS_SOFT_MATCH));
        return (f.outcome() == MatchOutcome.CUSTOM_MATCH_ONLY || switchedOff) && f.cloudId() != null
                && f.cloudImmutableId() == null && f.expectedImmutableId() != null && !f.cloudSynced();
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

    /** How many of the mismatches wait for a federated domain to be converted, when any do. */
    private static String federatedNote(MigrationContext ctx) {
        if (ctx.validation().domains().isEmpty()) {
            return "";
        }
        long federated;
        try (Stream<ValidationFinding> findings = ctx.validation().findings()) {
            federated = findings.filter(f -> f.outcome() == MatchOutcome.ANCHOR_MISMATCH && !f.cloudSynced())
                    .filter(f -> ctx.validation().cloudUpnDomain(f).map(d -> !d.allowsImmutableIdChange())
                            .orElse(false)).count();
        }
        return federated == 0 ? "" : " (" + federated + " in federated domains: convert the domain to managed, or "
                + "opt in to the UPN swap)";
    }

    /**
     * Passes when no mismatch is left and no user the journal shows moved by a UPN swap is still away from its own
     * UPN.
     */
    @Override
    public VerifyResult verify(MigrationContext ctx) {
        Optional<String> empty = EmptySides.inValidation(ctx);
        if (empty.isPresent()) {
            return EmptySides.failed(List.of(), empty.get());
        }
        List<StepFinding> findings = new ArrayList<>();
        StrandedSwaps.of(ctx, id()).values().forEach(s -> findings.add(StepFinding.error("Cloud user " + s.userId()
                + " still signs in as " + s.currentUpn() + ", not its own " + s.ownUpn() + ": its UPN swap did not "
                + "finish. Apply the plan again, or plan this step again, which moves it back.")));
        long left = ctx.validation().counts().get(MatchOutcome.ANCHOR_MISMATCH)
                + ctx.validation().counts().get(MatchOutcome.CUSTOM_MATCH_ONLY);
        if (left == 0) {
            findings.add(0, StepFinding.info("No ImmutableID mismatch is left."));
        } else {
            findings.add(StepFinding.error(Counts.of(left, "mismatch is left", "mismatches are left")
                    + ": plan this step again" + federatedNote(ctx) + "."));
        }
        return findings.stream().anyMatch(f -> f.severity() == StepFinding.Severity.ERROR)
                ? VerifyResult.failed(findings) : VerifyResult.passed(findings);
    }
}
