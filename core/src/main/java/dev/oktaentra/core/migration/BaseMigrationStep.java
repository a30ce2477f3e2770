package dev.oktaentra.core.migration;

import java.util.List;
import java.util.Objects;

/**
 * The defaults a step needs: no findings, an empty plan, applying each change through its {@link ChangeKind} and the
 * journal (resumable, compare-and-set, each change recorded with its before-value), and a verification that passes.
 * A step plans its changes with the kinds' factories, e.g. {@link OnPremAttribute#change}; a change of a kind of your
 * own needs the kind registered ({@link Migration.Builder#changeKind(ChangeKind)}).
 */
public abstract class BaseMigrationStep implements MigrationStep {

    private final String id;
    private final String title;
    private final StepKind kind;

    /**
     * A step with its id, title and kind.
     *
     * @param id the step's id, e.g. {@code remediate-anchors}
     * @param title the title for people
     * @param kind how the work gets done
     */
    protected BaseMigrationStep(String id, String title, StepKind kind) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final StepKind kind() {
        return kind;
    }

    @Override
    public List<StepFinding> assess(MigrationContext ctx) {
        return List.of();
    }

    @Override
    public Plan plan(MigrationContext ctx) {
        return plan(ctx, List.of(), List.of());
    }

    /**
     * Writes the plan's changes, each through its kind and the context's ports, journaling each result; changes the
     * journal already shows as written are skipped, so a crashed apply resumes where it stopped.
     */
    @Override
    public ApplyResult apply(MigrationContext ctx, Plan plan) {
        return new ChangeApplier(ctx).apply(plan);
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        return VerifyResult.passed(List.of(StepFinding.info("Nothing to verify for " + id + ".")));
    }

    /**
     * A new plan of this step.
     *
     * @param ctx the context (for its clock)
     * @param changes the writes
     * @param instructions the steps for a person
     * @return the plan
     */
    protected final Plan plan(MigrationContext ctx, List<Change> changes, List<String> instructions) {
        return Plan.of(id, ctx.clock().instant(), false, changes, instructions);
    }

    @Override
    public String toString() {
        return id;
    }
}
