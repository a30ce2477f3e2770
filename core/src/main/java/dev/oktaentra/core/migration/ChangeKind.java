package dev.oktaentra.core.migration;

import java.util.List;

/**
 * One kind of {@link Change} and its only owner: it knows how to write changes of its kind through the context's
 * ports (compare-and-set against the plan's before-value), how to read one back when a write's answer was lost,
 * whether one can be undone and with which change, and how many go out together.
 *
 * <p>A {@link Migration} knows the built-in kinds ({@link ChangeKinds#builtIns()}) and any you register with
 * {@link Migration.Builder#changeKind(ChangeKind)}; registration is explicit, nothing is discovered. The journal
 * records each change with its kind's {@link #name()}, so a journal written with a kind of your own must be opened
 * with that kind registered: an unknown kind stops the open with a clear error instead of a guess.
 *
 * <p>Values stay text in plans and journals, for people; a kind turns them into what its port takes (16 bytes for a
 * GUID-valued attribute, a pair of flags for the tenant's guards) and back.
 *
 * <pre>{@code
 * final class HrFeedLine implements ChangeKind {           // one class: the kind, its port, its rules
 *     public String name() { return "hrFeedLine"; }
 *     public TargetSystem system() { return TargetSystem.ON_PREM; }
 *     public List<ChangeResult> apply(MigrationContext ctx, String step, List<Change> group) { … }
 *     public ReadBack read(MigrationContext ctx, String step, Change change) { … }
 * }
 * Migration.builder().runbook(runbook).context(context).changeKind(new HrFeedLine(feed)).journal(file).open();
 * }</pre>
 */
public interface ChangeKind {

    /**
     * The name the journal records for changes of this kind, e.g. {@code cloudAttribute}; unique among the kinds of
     * a migration and stable across versions, or journals written before a rename can no longer be read.
     *
     * @return the name: a letter, then letters, digits, {@code .}, {@code _} or {@code -}
     */
    String name();

    /**
     * Where changes of this kind are written, for people (plans, reports) and for what a configuration must
     * provide before a plan can be applied.
     *
     * @return the system
     */
    TargetSystem system();

    /**
     * How many changes of this kind go out together. The results of a group are all journaled before the next
     * group is written, and a {@code CONFLICT} in a group stops the apply after that group; so 1 (the default)
     * writes and journals each change before the next, and a conflict stops the very next one.
     *
     * @return at least 1
     */
    default int groupSize() {
        return 1;
    }

    /**
     * Writes a group of changes of this kind, each only while its target still holds the change's
     * {@link Change#before()}: {@code APPLIED} when written now, {@code ALREADY_APPLIED} when the target already
     * holds {@link Change#after()} (how a resumed run recognises a write whose journal line a crash lost),
     * {@code CONFLICT} when it holds something else, {@code REFUSED} or {@code FAILED} otherwise. A write whose
     * answer is lost and that reads back as written is {@code APPLIED}, never {@code FAILED}, or the journal would
     * not know it stands and a rollback would leave it.
     *
     * <p>An exception means the port failed for the whole group (unreachable, misconfigured): the migration then
     * reads each change back with {@link #read} and journals it as written or failed.
     *
     * @param ctx the context with the ports
     * @param step the step whose plan is applied, for messages (e.g. a port the context lacks)
     * @param group up to {@link #groupSize()} changes of this kind, in plan order
     * @return one result per change, in the same order
     */
    List<ChangeResult> apply(MigrationContext ctx, String step, List<Change> group);

    /**
     * What the change's target holds now, as the change's text, to settle a write whose answer was lost. The
     * default cannot read: for kinds whose port reads back itself before it answers (the directory writers).
     *
     * @param ctx the context with the ports
     * @param step the step whose plan is applied
     * @param change the change
     * @return the value read, or {@link ReadBack#unreadable()}
     */
    default ReadBack read(MigrationContext ctx, String step, Change change) {
        return ReadBack.unreadable();
    }

    /**
     * Whether a written change can be undone by a change of this kind ({@link #inverse}); when not,
     * {@link Migration#rollback(String)} gives a person {@link #undoByHand(Change)} instead.
     *
     * @param change a change the journal shows written
     * @return true by default
     */
    default boolean reversible(Change change) {
        return true;
    }

    /**
     * The change that undoes a written one: by default the same slot from {@code after} back to {@code before}.
     *
     * @param change a written change for which {@link #reversible(Change)} holds
     * @param reason why, for people
     * @return the inverse, with its own id
     */
    default Change inverse(Change change, String reason) {
        return Change.of(this, change.target(), change.attribute(), change.after(), change.before(), reason);
    }

    /**
     * What a person must do to undo a change that cannot be undone through the ports.
     *
     * @param change a written change for which {@link #reversible(Change)} does not hold
     * @return one instruction
     */
    default String undoByHand(Change change) {
        return "Set " + change.attribute() + " of " + change.target() + " back to "
                + (change.before() == null ? "empty" : "'" + change.before() + "'") + " by hand if needed (it is '"
                + change.after() + "' now)";
    }
}
