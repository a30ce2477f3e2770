package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.OnPremAttribute;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.validation.AttributeMapping;
import dev.oktaentra.core.validation.TakeoverChange;
import dev.oktaentra.core.validation.ValidationFinding;
import dev.oktaentra.core.report.Counts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Phase 5: fill on-prem attributes the cloud has and AD lacks, such as a {@code mail} Okta stamped, so that taking
 * the users over does not delete the cloud values. Writes only where the on-prem attribute is empty.
 *
 * <p>It plans from the validation's predicted takeover changes ({@link TakeoverChange}): a {@code mail} or
 * {@code displayName} the takeover would remove is written on-prem from the cloud value; what cannot be back-filled
 * by a single-valued write, or needs a person's choice, is an instruction per user: aliases the takeover would remove
 * from {@code proxyAddresses} (add them to the on-prem proxyAddresses), and a UPN, mail or display name that differs
 * on both sides.
 */
final class BackfillAttributesStep extends BaseMigrationStep {

    BackfillAttributesStep() {
        super("backfill-attributes", "Back-fill on-prem attributes the sync would delete", StepKind.AUTOMATED);
    }

    /** The attributes of {@link TakeoverChange} that a single-valued on-prem write can back-fill. */
    private static final Set<String> SINGLE_VALUED = Set.of("mail", "displayName");

    @Override
    public List<StepFinding> assess(MigrationContext ctx) {
        Plan plan = plan(ctx);
        List<StepFinding> findings = new ArrayList<>();
        findings.add(StepFinding.info(Counts.of(plan.changes().size(), "attribute", "attributes")
                + " to back-fill on-prem; predicted deletions: "
                + ctx.validation().prediction().attributeDeletionsByAttribute() + "; predicted takeover changes: "
                + ctx.validation().prediction().attributeChangesByAttribute()));
        plan.instructions().forEach(i -> findings.add(StepFinding.warning(i)));
        return findings;
    }

    /** Refused when a side yielded no users: no deletion would be predicted, and an empty plan would look fine. */
    @Override
    public Plan plan(MigrationContext ctx) {
        EmptySides.requireForPlan(ctx, id());
        List<AttributeMapping> mappings = ctx.options().attributeMappings();
        List<Change> changes = new ArrayList<>();
        List<String> instructions = new ArrayList<>();
        try (Stream<ValidationFinding> findings = ctx.validation().findings()) {
            findings.forEach(f -> {
                Set<String> written = new HashSet<>();
                f.attributeDeletions().forEach((cloudField, value) -> mappings.stream()
                        .filter(m -> m.cloudField().equals(cloudField)).findFirst()
                        .ifPresent(m -> {
                            written.add(m.onPremAttribute().toLowerCase(Locale.ROOT));
                            changes.add(OnPremAttribute.change(f.distinguishedName(), m.onPremAttribute(), null,
                                    value, "the cloud " + cloudField + " of " + f.userPrincipalName()
                                            + " would be deleted"));
                        }));
                fromTakeover(f, written, changes, instructions);
            });
        }
        return plan(ctx, changes, instructions);
    }

    /** The back-fill and the instructions the predicted takeover changes of one user call for. */
    private static void fromTakeover(ValidationFinding f, Set<String> written, List<Change> changes,
            List<String> instructions) {
        for (TakeoverChange change : f.attributeChanges()) {
            String attribute = change.attribute();
            boolean removed = change.after() == null && change.before() != null;
            if (removed && SINGLE_VALUED.contains(attribute) && written.add(attribute.toLowerCase(Locale.ROOT))) {
                changes.add(OnPremAttribute.change(f.distinguishedName(), attribute, null, change.before(),
                        "the takeover would remove the cloud " + attribute + " of " + f.userPrincipalName()));
            } else if (!change.lost().isEmpty()) {
                instructions.add(f.userPrincipalName() + ": the takeover would remove the aliases "
                        + String.join(", ", change.lost()) + " (mail to them would bounce): add them to the "
                        + "on-prem proxyAddresses of " + f.distinguishedName() + " before leaving staging.");
            } else if (!removed) {
                instructions.add(f.userPrincipalName() + ": the takeover would change " + change.describe()
                        + "; if the cloud value is the right one, set it on-prem before leaving staging.");
            }
        }
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        Optional<String> empty = EmptySides.inValidation(ctx);
        if (empty.isPresent()) {
            return EmptySides.failed(List.of(), empty.get());
        }
        long left = ctx.validation().prediction().attributeDeletions();
        // What a single-valued write cannot back-fill (aliases, values that differ) stays a warning for a person.
        List<String> open = plan(ctx).instructions();
        if (left == 0 && !open.isEmpty()) {
            List<StepFinding> warnings = new ArrayList<>();
            warnings.add(StepFinding.info("No attribute would be deleted."));
            open.forEach(i -> warnings.add(StepFinding.warning(i)));
            return VerifyResult.passed(warnings);
        }
        return left == 0 ? VerifyResult.passed(List.of(StepFinding.info("No attribute would be deleted.")))
                : VerifyResult.failed(List.of(StepFinding.error(Counts.of(left, "user would still lose attributes",
                        "users would still lose attributes") + ": "
                        + ctx.validation().prediction().attributeDeletionsByAttribute())));
    }
}
