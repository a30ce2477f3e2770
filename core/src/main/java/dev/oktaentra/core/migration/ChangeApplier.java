package dev.oktaentra.core.migration;

import dev.oktaentra.core.directory.WriteStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a plan's changes, each through its {@link ChangeKind}, and journals their results, so that a crash at any
 * point loses nothing: on resume, changes the journal shows are skipped, and a change written but not journaled is
 * found already written (every kind writes compare-and-set) and journaled then. No change is ever written twice.
 *
 * <p>What is journaled when:
 * <ul>
 *   <li>Consecutive changes of one kind go out together, up to the kind's {@link ChangeKind#groupSize()}: directory
 *       writes (on-prem and cloud) in groups of up to 20, one Graph {@code $batch}, because one request per change
 *       would make a large remediation take hours. The kind answers for the whole group; every result of the group
 *       is journaled, in plan order, before the next group is written. A crash in the middle of a group loses at
 *       most that group's results, which the next run finds already written.</li>
 *   <li>Identity-provider and tenant changes (group size 1) go one at a time, each journaled before the next is
 *       written.</li>
 *   <li>A {@code CONFLICT} (the value changed since planning) stops the apply. The changes of its own directory
 *       group went out in the same request and are written and journaled with it; no later change is written.</li>
 *   <li>When a kind fails for a whole group (it throws: the port is unreachable, or an answer was lost past the
 *       port's own read-back), each change is read back through its kind: one that reads as written is
 *       {@code APPLIED}, so the journal knows it stands and a rollback undoes it; any other is {@code FAILED}.</li>
 * </ul>
 */
final class ChangeApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);

    private final MigrationContext ctx;
    private final Journal journal;
    /** The step whose plan is applied, for messages about a missing port. */
    private String step;

    ChangeApplier(MigrationContext ctx) {
        this.ctx = ctx;
        this.journal = ctx.journal();
    }

    ApplyResult apply(Plan plan) {
        this.step = plan.stepId();
        Set<String> done = StepHistory.of(plan.stepId(), journal.entries()).writtenChangeIds(plan.id());
        List<Change> remaining = plan.changes().stream().filter(c -> !done.contains(c.id())).toList();
        int applied = 0;
        int already = 0;
        List<ApplyResult.Failure> failures = new ArrayList<>();
        boolean conflict = false;
        int progressed = done.size();
        for (int i = 0; i < remaining.size() && !conflict; ) {
            List<Change> group = group(remaining, i);
            i += group.size();
            for (ChangeResult result : write(group)) {
                String message = result.message().isBlank() ? null : result.message();
                if (result.succeeded()) {
                    journal.append(JournalEntry.of(JournalEntry.Type.CHANGE_APPLIED, plan.stepId(), plan.id())
                            .withChange(result.change(), result.status().name(), result.observed(), message));
                    if (result.status() == WriteStatus.APPLIED) {
                        applied++;
                    } else {
                        already++;
                    }
                } else {
                    journal.append(JournalEntry.of(JournalEntry.Type.CHANGE_FAILED, plan.stepId(), plan.id())
                            .withChange(result.change(), result.status().name(), result.observed(),
                                    result.message()));
                    failures.add(new ApplyResult.Failure(result.change(), result.status().name(), result.message()));
                    conflict |= result.status() == WriteStatus.CONFLICT;
                }
                ctx.progress().progress("applying " + plan.stepId(), ++progressed, plan.changes().size());
            }
        }
        if (failures.isEmpty()
                && StepHistory.of(plan.stepId(), journal.entries()).openFailures(plan.id()).isEmpty()) {
            journal.append(JournalEntry.of(JournalEntry.Type.STEP_APPLIED, plan.stepId(), plan.id()));
        }
        return new ApplyResult(plan.id(), applied, already, done.size(), failures, conflict);
    }

    /** The next changes that go out together: consecutive changes of one kind, up to its group size. */
    private static List<Change> group(List<Change> changes, int from) {
        ChangeKind kind = changes.get(from).kind();
        int size = Math.max(1, kind.groupSize());
        int to = from;
        while (to < changes.size() && to - from < size && changes.get(to).kind().equals(kind)) {
            to++;
        }
        return changes.subList(from, to);
    }

    private List<ChangeResult> write(List<Change> group) {
        ChangeKind kind = group.get(0).kind();
        try {
            List<ChangeResult> results = kind.apply(ctx, step, group);
            if (results.size() != group.size()) {
                throw new IllegalStateException("The change kind " + kind.name() + " answered " + results.size()
                        + " results for " + group.size() + " changes");
            }
            for (int i = 0; i < group.size(); i++) {
                if (!Objects.equals(results.get(i).change(), group.get(i))) {
                    throw new IllegalStateException("The change kind " + kind.name() + " answered for "
                            + results.get(i).change() + " where " + group.get(i).id() + " belongs");
                }
            }
            return results;
        } catch (RuntimeException e) {
            // The port itself failed (unreachable, misconfigured, an answer lost): read each change back.
            return group.stream().map(c -> readBack(kind, c, e)).toList();
        }
    }

    /** Settles a change whose kind failed for its whole group: written only when it reads back as written. */
    private ChangeResult readBack(ChangeKind kind, Change change, RuntimeException failure) {
        ReadBack read;
        try {
            read = kind.read(ctx, step, change);
        } catch (RuntimeException e) {
            LOG.debug("{}: cannot read back {} of {}: {}", step, change.attribute(), change.target(), e.getMessage());
            read = ReadBack.unreadable();
        }
        if (read.readable() && Objects.equals(read.value(), change.after())) {
            LOG.warn("{}: {} of {} reads back as written after an error: {}", step, change.attribute(),
                    change.target(), failure.getMessage());
            return new ChangeResult(change, WriteStatus.APPLIED, change.before(), "the answer was lost ("
                    + failure.getMessage() + "); read back: written");
        }
        return ChangeResult.failed(change, read.value(), failure.getMessage());
    }
}
