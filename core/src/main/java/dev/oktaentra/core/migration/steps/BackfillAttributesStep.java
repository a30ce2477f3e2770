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
import dev.oktaentra.core.validation.ValidationFinding;
import dev.oktaentra.core.report.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Phase 5: fill on-prem attributes the cloud has and AD lacks, such as a {@code mail} Okta stamped, so that taking
 * the users over does not delete the cloud values. Writes only where the on-prem attribute is empty.
 */
final class BackfillAttributesStep extends BaseMigrationStep {

    BackfillAttributesStep() {
        super("backfill-attributes", "Back-fill on-prem attributes the sync would delete", StepKind.AUTOMATED);
    }

    @Override
    public List<StepFinding> assess(MigrationContext ctx) {
        return List.of(StepFinding.info(Counts.of(plan(ctx).changes().size(), "attribute", "attributes")
                + " to back-fill on-prem; "
                + "predicted deletions: " + ctx.validation().prediction().attributeDeletionsByAttribute()));
    }

    /** Refused when a side yielded no users: no deletion would be predicted, and an empty plan would look fine. */
    @Override
    public Plan plan(MigrationContext ctx) {
        EmptySides.requireForPlan(ctx, id());
        List<AttributeMapping> mappings = ctx.options().attributeMappings();
        List<Change> changes = new ArrayList<>();
        try (Stream<ValidationFinding> findings = ctx.validation().findings()) {
            findings.filter(f -> !f.attributeDeletions().isEmpty()).forEach(f ->
                    f.attributeDeletions().forEach((cloudField, value) -> mappings.stream()
                            .filter(m -> m.cloudField().equals(cloudField)).findFirst()
                            .ifPresent(m -> changes.add(OnPremAttribute.change(f.distinguishedName(),
                                    m.onPremAttribute(), null, value, "the cloud " + cloudField + " of "
                                            + f.userPrincipalName() + " would be deleted")))));
        }
        return plan(ctx, changes, List.of());
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        Optional<String> empty = EmptySides.inValidation(ctx);
        if (empty.isPresent()) {
            return EmptySides.failed(List.of(), empty.get());
        }
        long left = ctx.validation().prediction().attributeDeletions();
        return left == 0 ? VerifyResult.passed(List.of(StepFinding.info("No attribute would be deleted.")))
                : VerifyResult.failed(List.of(StepFinding.error(Counts.of(left, "user would still lose attributes",
                        "users would still lose attributes") + ": "
                        + ctx.validation().prediction().attributeDeletionsByAttribute())));
    }
}
