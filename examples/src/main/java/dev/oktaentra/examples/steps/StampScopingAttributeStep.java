package dev.oktaentra.examples.steps;

import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationException;
import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.OnPremAttribute;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.Runbook;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.core.report.Counts;
import dev.oktaentra.core.validation.ValidationFinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A step of your own: stamps a wave label (e.g. {@code okta-wave-1}) into an on-prem attribute (e.g.
 * {@code extensionAttribute1}) of every user whose anchor the validation found right (a hard match), so that the
 * Entra Connect server's scoping filter ({@code extensionAttribute1 EQUAL okta-wave-1}) takes over exactly those
 * users, and the others wait for the next wave.
 *
 * <pre>{@code
 * Runbook runbook = StampScopingAttributeStep.insertAfter(Runbooks.connectServer(), "backfill-attributes",
 *         StampScopingAttributeStep.of("extensionAttribute1", "okta-wave-1"));
 * try (Migration migration = Migration.builder().runbook(runbook).context(context).journal(journal).open()) {
 *     Plan plan = migration.plan(StampScopingAttributeStep.ID);            // dry run, recorded
 *     migration.apply(plan.stepId(), plan.id(), plan.checksum());          // journaled, compare-and-set
 *     migration.verify(StampScopingAttributeStep.ID);
 * }
 * }</pre>
 *
 * <p>Only empty attributes are written: a user already holding another value is left alone and named in the plan's
 * instructions. The on-prem directory must read the attribute (LDAP: {@code extraAttributes}) and its writer must be
 * allowed to write it (LDAP: {@code backFillAttributes}); the plan is refused otherwise. Its changes are of core's
 * built-in kind {@code OnPremAttribute}, which writes them compare-and-set and undoes them: applying, resuming after a
 * crash and rolling back (which clears the stamps again) come with the kind and the runbook, as for every step.
 */
public final class StampScopingAttributeStep extends BaseMigrationStep {

    /** The step's id. */
    public static final String ID = "stamp-scoping-attribute";

    private final String attribute;
    private final String value;

    private StampScopingAttributeStep(String attribute, String value) {
        super(ID, "Stamp " + attribute + " = " + value + " on the users of this wave", StepKind.AUTOMATED);
        this.attribute = attribute;
        this.value = value;
    }

    /**
     * The step.
     *
     * @param attribute the on-prem attribute the scoping filter tests, e.g. {@code extensionAttribute1}
     * @param value the wave's label, e.g. {@code okta-wave-1}
     * @return the step
     */
    public static StampScopingAttributeStep of(String attribute, String value) {
        if (attribute == null || attribute.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("Both the attribute and the wave label are required");
        }
        return new StampScopingAttributeStep(attribute.strip(), value.strip());
    }

    /**
     * A copy of a runbook with a step inserted after another.
     *
     * @param runbook a ready runbook, e.g. {@code Runbooks.connectServer()}
     * @param afterStepId the step the new one follows
     * @param step the new step
     * @return the runbook, named {@code <name>+<step id>}
     * @throws MigrationException when the runbook has no step {@code afterStepId}
     */
    public static Runbook insertAfter(Runbook runbook, String afterStepId, MigrationStep step) {
        Runbook inserted = runbook.withStepAfter(afterStepId, step);
        return Runbooks.of(runbook.name() + "+" + step.id(), inserted.steps());
    }

    @Override
    public List<StepFinding> assess(MigrationContext ctx) {
        Plan plan = plan(ctx);
        List<StepFinding> findings = new ArrayList<>();
        findings.add(StepFinding.info(Counts.of(plan.changes().size(), "user", "users") + " to stamp with " + attribute + " = " + value
                + "."));
        plan.instructions().forEach(i -> findings.add(StepFinding.warning(i)));
        return findings;
    }

    @Override
    public Plan plan(MigrationContext ctx) {
        ctx.onPremWriter().ifPresent(this::checkWritable);
        // With either side empty nothing is hard-matched, and an empty plan would look like a finished job.
        ctx.validation().emptySide().ifPresent(reason -> {
            throw new MigrationException("Step " + ID + ": " + reason + " Nothing was planned.");
        });
        List<Change> changes = new ArrayList<>();
        List<String> instructions = new ArrayList<>();
        Map<String, String> wave = hardMatched(ctx);
        for (OnPremUser user : users(ctx)) {
            String upn = wave.get(user.distinguishedName());
            if (upn == null) {
                continue;
            }
            String current = current(user);
            if (current == null) {
                changes.add(OnPremAttribute.change(user.distinguishedName(), attribute, null, value,
                        "hard match of " + upn + ": in wave " + value));
            } else if (!current.equals(value)) {
                instructions.add(upn + " already holds " + attribute + " = '" + current + "': it is left out of "
                        + "the wave; clear the attribute by hand to include it.");
            }
        }
        return plan(ctx, changes, instructions);
    }

    /** Passes when every hard-matched user holds the label, or another one it was deliberately left with. */
    @Override
    public VerifyResult verify(MigrationContext ctx) {
        Optional<String> empty = ctx.validation().emptySide();
        if (empty.isPresent()) {
            return VerifyResult.failed(List.of(StepFinding.error(empty.get())));
        }
        Map<String, String> wave = hardMatched(ctx);
        List<String> missing = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        int stamped = 0;
        for (OnPremUser user : users(ctx)) {
            String upn = wave.get(user.distinguishedName());
            if (upn == null) {
                continue;
            }
            String current = current(user);
            if (current == null) {
                missing.add(upn);
            } else if (current.equals(value)) {
                stamped++;
            } else {
                elsewhere.add(upn + " (" + current + ")");
            }
        }
        List<StepFinding> findings = new ArrayList<>();
        findings.add(StepFinding.info(Counts.of(stamped, "hard-matched user holds", "hard-matched users hold") + " " + attribute + " = " + value + "."));
        if (!elsewhere.isEmpty()) {
            findings.add(StepFinding.warning(Counts.of(elsewhere.size(), "hard-matched user is",
                    "hard-matched users are") + " in another wave: "
                    + String.join(", ", elsewhere.subList(0, Math.min(5, elsewhere.size()))) + "."));
        }
        if (missing.isEmpty()) {
            return VerifyResult.passed(findings);
        }
        findings.add(StepFinding.error(Counts.of(missing.size(), "hard-matched user lacks", "hard-matched users lack")
                + " " + attribute + ", e.g. "
                + String.join(", ", missing.subList(0, Math.min(5, missing.size()))) + ": plan this step again."));
        return VerifyResult.failed(findings);
    }

    private void checkWritable(DirectoryWriter writer) {
        if (writer.writableAttributes().stream().noneMatch(attribute::equalsIgnoreCase)) {
            throw new MigrationException("Step " + ID + " writes " + attribute + ", which " + writer.name()
                    + " may not write (it writes " + writer.writableAttributes() + "); allow it first, e.g. "
                    + "LdapSettings.backFillAttributes(\"mail\", \"" + attribute + "\")");
        }
    }

    /** DN → UPN of the on-prem users the validation hard-matched. */
    private static Map<String, String> hardMatched(MigrationContext ctx) {
        Map<String, String> wave = new HashMap<>();
        try (Stream<ValidationFinding> findings = ctx.validation().findings()) {
            findings.filter(f -> f.outcome() == MatchOutcome.MATCHED && f.distinguishedName() != null)
                    .forEach(f -> wave.put(f.distinguishedName(), f.userPrincipalName()));
        }
        return wave;
    }

    private static List<OnPremUser> users(MigrationContext ctx) {
        List<OnPremUser> users = new ArrayList<>();
        try (Stream<DirectoryRecord<OnPremUser>> records = MigrationContext.require(ctx.onPrem(),
                "the on-prem directory", ID).records()) {
            records.forEach(r -> {
                if (r instanceof DirectoryRecord.Usable<OnPremUser> usable) {
                    users.add(usable.user());
                }
            });
        }
        return users;
    }

    private String current(OnPremUser user) {
        return user.attributes().first(attribute).map(AttributeValue::asString).filter(v -> !v.isBlank())
                .orElse(null);
    }
}
