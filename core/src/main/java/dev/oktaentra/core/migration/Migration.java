package dev.oktaentra.core.migration;

import dev.oktaentra.core.report.Counts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A runbook run against real directories, with the journal as its memory: Flyway's info / validate / migrate /
 * repair, for identities.
 *
 * <pre>{@code
 * try (Migration migration = Migration.configure()
 *         .runbook(Runbooks.connectServer())
 *         .context(context)                       // the ports: AD, Entra ID, Okta, tenant
 *         .journal(Path.of("migration.journal"))
 *         .open()) {
 *     Plan plan = migration.plan("remediate-anchors");        // dry run: recorded, nothing written
 *     // … a person reviews plan.changes() …
 *     migration.apply("remediate-anchors", plan.id(), plan.checksum());
 *     migration.verify("remediate-anchors");
 *     migration.info();                                        // each step's status, from the journal
 * }
 * }</pre>
 *
 * <p>Safety: planning is free; {@code apply} takes only a recorded plan by id and checksum, refuses a plan that is
 * not the step's latest, one above the change threshold, and one the directories have moved away from; every write
 * is compare-and-set and journaled with its before-value (directory writes in groups of up to 20, each group
 * journaled before the next is written; other changes one by one); a conflict stops the apply; a crashed apply
 * resumes without writing anything twice; {@link #rollback(String)} plans the inverse of what stands. Nothing here
 * deletes a directory object.
 *
 * <p>Every change is of a {@link ChangeKind} that writes, reads back and undoes it: the built-ins
 * ({@link ChangeKinds#builtIns()}) and any registered with {@link Builder#changeKind(ChangeKind)}. A step that plans
 * a change of a kind not registered here is refused before anything is recorded.
 */
public final class Migration implements AutoCloseable {

    private final Runbook runbook;
    private final MigrationContext ctx;
    private final Journal journal;
    private final ChangeKinds kinds;

    private Migration(Runbook runbook, MigrationContext ctx, Journal journal, ChangeKinds kinds) {
        this.runbook = runbook;
        this.ctx = ctx;
        this.journal = journal;
        this.kinds = kinds;
        ctx.attach(journal);
    }

    /**
     * A builder.
     *
     * @return an empty builder
     */
    public static Builder configure() {
        return new Builder();
    }

    /**
     * Each step's status, derived from the journal.
     *
     * @return one line per step
     */
    public List<StepInfo> info() {
        return runbook.info(journal);
    }

    /**
     * What a step sees now. Writes nothing, records nothing.
     *
     * @param stepId the step
     * @return its findings
     */
    public List<StepFinding> assess(String stepId) {
        return runbook.step(stepId).assess(ctx);
    }

    /**
     * Plans a step and records the plan for review. Writes nothing to any directory.
     *
     * @param stepId the step
     * @return the plan; apply it with its id and checksum
     * @throws MigrationException when the step plans a change of a kind this migration does not know
     */
    public Plan plan(String stepId) {
        Plan plan = runbook.step(stepId).plan(ctx);
        if (!plan.stepId().equals(stepId)) {
            throw new MigrationException("Step " + stepId + " returned a plan for " + plan.stepId());
        }
        record(plan);
        return plan;
    }

    /** Records a plan, once every change of it is of a kind the journal will be able to read back. */
    private void record(Plan plan) {
        for (Change change : plan.changes()) {
            if (!kinds.knows(change.kind())) {
                throw new MigrationException("Step " + plan.stepId() + " planned a change of kind '"
                        + change.kind().name() + "' (" + change.attribute() + " of " + change.target() + "), which "
                        + "this migration does not know; register it with Migration.configure().changeKind(…). "
                        + "Nothing was recorded");
            }
        }
        journal.append(JournalEntry.of(JournalEntry.Type.PLANNED, plan.stepId(), plan.id()).withPlan(plan));
    }

    /**
     * Applies a reviewed plan.
     *
     * @param plan a plan returned by {@link #plan(String)} or {@link #rollback(String)}
     * @return what was written
     */
    public ApplyResult apply(Plan plan) {
        return apply(plan.stepId(), plan.id(), plan.checksum());
    }

    /**
     * Applies the reviewed plan of a step, identified by its id and checksum.
     *
     * @param stepId the step
     * @param planId the plan's id, as recorded
     * @param checksum the checksum the reviewer saw
     * @return what was written; see {@link ApplyResult#complete()}
     * @throws MigrationException when the plan is unknown, not the step's latest, altered or not this checksum
     * @throws ThresholdExceededException when the plan writes more than the threshold allows
     * @throws StalePlanException when the directories changed since planning
     */
    public ApplyResult apply(String stepId, String planId, String checksum) {
        MigrationStep step = runbook.step(stepId);
        Plan plan = StepHistory.plan(journal.entries(), planId).orElseThrow(() -> new MigrationException(
                "No plan " + planId + " in the journal " + journal.file() + "; plan the step and review it first"));
        if (!plan.stepId().equals(stepId)) {
            throw new MigrationException("Plan " + planId + " belongs to step " + plan.stepId() + ", not " + stepId);
        }
        Plan latest = StepHistory.of(stepId, journal.entries()).latestPlan().orElseThrow();
        if (!latest.id().equals(planId)) {
            throw new MigrationException("Plan " + planId + " was superseded by plan " + latest.id()
                    + " of step " + stepId + "; review and apply that one");
        }
        if (!plan.intact() || !plan.checksum().equals(checksum)) {
            throw new MigrationException("The checksum " + checksum + " does not match plan " + planId
                    + " as recorded; apply only the plan you reviewed");
        }
        int limit = ctx.options().maxWritesPerStep();
        if (plan.changes().size() > limit) {
            throw new ThresholdExceededException(String.format(Locale.ROOT, "Plan %s writes %,d changes; the limit "
                    + "is %,d per step. Review the plan, then raise the limit explicitly "
                    + "(MigrationOptions.withMaxWritesPerStep) if it is right", planId, plan.changes().size(), limit));
        }
        if (!plan.rollback()) {
            checkFresh(step, plan);
        }
        try {
            return step.apply(ctx, plan);
        } finally {
            ctx.refresh();  // the directories changed: the next plan or verification must see them as they are now
        }
    }

    /**
     * Refuses a plan the directories have moved away from: a fresh plan that wants a different change for an
     * object and attribute the reviewed plan still has to write. A change the fresh plan no longer needs at all may
     * have been written by an earlier, interrupted run; the compare-and-set write settles it.
     */
    private void checkFresh(MigrationStep step, Plan plan) {
        Set<String> done = StepHistory.of(plan.stepId(), journal.entries()).writtenChangeIds(plan.id());
        List<Change> remaining = plan.changes().stream().filter(c -> !done.contains(c.id())).toList();
        if (remaining.isEmpty()) {
            return;
        }
        ctx.refresh();
        Plan fresh = step.plan(ctx);
        Set<String> freshIds = fresh.changes().stream().map(Change::id).collect(Collectors.toSet());
        List<String> stale = new ArrayList<>();
        for (Change change : remaining) {
            if (freshIds.contains(change.id())) {
                continue;
            }
            fresh.changes().stream().filter(change::sameSlot).findFirst().ifPresent(now -> stale.add(
                    change.attribute() + " of " + change.target() + ": planned " + change.before() + " -> "
                            + change.after() + ", now needs " + now.before() + " -> " + now.after()));
        }
        if (!stale.isEmpty()) {
            throw new StalePlanException("The directories changed since plan " + plan.id() + " was made ("
                    + Counts.of(stale.size(), "change", "changes") + ", e.g. " + stale.get(0) + "). Nothing was written; plan the step "
                    + "again and review the new plan");
        }
    }

    /**
     * Checks a step's goal and records the verdict.
     *
     * @param stepId the step
     * @return the verdict
     */
    public VerifyResult verify(String stepId) {
        ctx.refresh();
        VerifyResult result = runbook.step(stepId).verify(ctx);
        journal.append(JournalEntry.of(JournalEntry.Type.STEP_VERIFIED, stepId,
                        StepHistory.of(stepId, journal.entries()).latestPlan().map(Plan::id).orElse(null))
                .withVerdict(result.passed(), result.findings()));
        return result;
    }

    /**
     * Records that a person did the manual part of a step.
     *
     * @param stepId the step
     * @param operator who confirms
     * @param note what was done, in a sentence
     */
    public void confirm(String stepId, String operator, String note) {
        runbook.step(stepId);
        Objects.requireNonNull(operator, "operator");
        Plan plan = StepHistory.of(stepId, journal.entries()).latestPlan().orElseThrow(() -> new MigrationException(
                "Step " + stepId + " has no plan yet: plan it and follow its instructions before confirming"));
        journal.append(JournalEntry.of(JournalEntry.Type.OPERATOR_CONFIRMED, stepId, plan.id())
                .withOperator(operator, note));
    }

    /**
     * Records that a step is skipped on purpose.
     *
     * @param stepId the step
     * @param operator who skips it
     * @param reason why
     */
    public void skip(String stepId, String operator, String reason) {
        runbook.step(stepId);
        journal.append(JournalEntry.of(JournalEntry.Type.STEP_SKIPPED, stepId, null).withOperator(operator, reason));
    }

    /**
     * Plans the undoing of a step: the inverse of every change of the step that stands, newest first, from the
     * journal's before-values, as each change's {@link ChangeKind} inverts it. Changes their kind cannot undo (a
     * cloud ImmutableID cannot be cleared through Graph; a started sync job cannot be un-started) become the kind's
     * instructions instead.
     *
     * @param stepId the step
     * @return the rollback plan, recorded for review
     */
    public Plan rollback(String stepId) {
        runbook.step(stepId);
        List<Change> standing = new ArrayList<>(StepHistory.of(stepId, journal.entries()).standingChanges());
        Collections.reverse(standing);
        List<Change> inverse = new ArrayList<>();
        List<String> manual = new ArrayList<>();
        for (Change change : standing) {
            ChangeKind kind = change.kind();
            if (kind.reversible(change)) {
                inverse.add(kind.inverse(change, "rollback of " + stepId + ": " + change.reason()));
            } else {
                manual.add(kind.undoByHand(change));
            }
        }
        Plan plan = Plan.of(stepId, ctx.clock().instant(), true, inverse, manual);
        record(plan);
        return plan;
    }

    /**
     * Clears every failed change of every step from the journal's standing (Flyway's repair), so the steps can be
     * planned and applied again. Nothing in the directories is touched.
     *
     * @param operator who repairs
     * @return what was cleared
     */
    public RepairResult repair(String operator) {
        List<String> cleared = new ArrayList<>();
        for (MigrationStep step : runbook.steps()) {
            StepHistory history = StepHistory.of(step.id(), journal.entries());
            Plan plan = history.latestPlan().orElse(null);
            if (plan == null) {
                continue;
            }
            Map<String, JournalEntry> open = history.openFailures(plan.id());
            if (open.isEmpty()) {
                continue;
            }
            journal.append(JournalEntry.of(JournalEntry.Type.REPAIRED, step.id(), plan.id())
                    .withCleared(List.copyOf(open.keySet()), operator));
            open.values().forEach(e -> cleared.add(step.id() + ": " + e.change().attribute() + " of "
                    + e.change().target() + " (" + e.status() + ": " + e.message() + ")"));
        }
        return new RepairResult(cleared);
    }

    /**
     * The runbook.
     *
     * @return the runbook
     */
    public Runbook runbook() {
        return runbook;
    }

    /**
     * The journal.
     *
     * @return the open journal
     */
    public Journal journal() {
        return journal;
    }

    /**
     * The context.
     *
     * @return the context
     */
    public MigrationContext context() {
        return ctx;
    }

    /**
     * The change kinds this migration knows: the built-ins and those registered.
     *
     * @return the kinds
     */
    public ChangeKinds changeKinds() {
        return kinds;
    }

    /** Releases the journal's lock and the context's cached reports; the ports stay open for their owner. */
    @Override
    public void close() {
        try {
            ctx.close();
        } finally {
            journal.close();
        }
    }

    /** Builds a {@link Migration}. */
    public static final class Builder {
        private Runbook runbook;
        private MigrationContext context;
        private Path journal;
        private ChangeKinds kinds = ChangeKinds.builtIns();

        private Builder() {
        }

        /**
         * Sets the runbook.
         *
         * @param value the runbook
         * @return this builder
         */
        public Builder runbook(Runbook value) {
            this.runbook = Objects.requireNonNull(value, "runbook");
            return this;
        }

        /**
         * Sets the context that holds the ports.
         *
         * @param value the context with the ports
         * @return this builder
         */
        public Builder context(MigrationContext value) {
            this.context = Objects.requireNonNull(value, "context");
            return this;
        }

        /**
         * Sets the journal file.
         *
         * @param value the journal file, created if absent
         * @return this builder
         */
        public Builder journal(Path value) {
            this.journal = Objects.requireNonNull(value, "journal");
            return this;
        }

        /**
         * Registers a change kind of your own, beside the built-ins, so that steps may plan changes of it and the
         * journal can read them back. Register the same kinds every time the journal is opened.
         *
         * @param value the kind
         * @return this builder
         * @throws IllegalArgumentException when its name is not a name or is taken
         */
        public Builder changeKind(ChangeKind value) {
            this.kinds = kinds.with(value);
            return this;
        }

        /**
         * Opens the journal (and locks it) and returns the migration.
         *
         * @return the migration; close it to release the journal
         * @throws JournalException when the journal is locked by another run or damaged
         */
        public Migration open() {
            Objects.requireNonNull(runbook, "runbook");
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(journal, "journal");
            return new Migration(runbook, context, Journal.open(journal, context.clock(), kinds), kinds);
        }

        /**
         * Reads the journal without locking or changing it ({@link Journal#read(Path)}), for {@link #info()} while
         * another run may hold it: a last line cut short is left for the next writing run to drop. Anything that
         * would append to the journal (plan, apply, verify, confirm, skip, rollback, repair) is refused.
         *
         * @return the migration, for looking only
         * @throws JournalException when the journal is damaged before its last line
         */
        public Migration openReadOnly() {
            Objects.requireNonNull(runbook, "runbook");
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(journal, "journal");
            return new Migration(runbook, context, Journal.read(journal, kinds), kinds);
        }
    }
}
