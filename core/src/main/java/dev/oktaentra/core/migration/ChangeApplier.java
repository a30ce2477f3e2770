package dev.oktaentra.core.migration;

import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.ConflictException;
import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.ProvisioningSource;
import dev.oktaentra.core.provisioning.ProvisioningState;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.core.tenant.TenantSync;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies a plan's changes through the context's ports and journals their results, so that a crash at any point
 * loses nothing: on resume, changes the journal shows are skipped, and a change written but not journaled is found
 * already written (every write is compare-and-set) and journaled then. No change is ever written twice.
 *
 * <p>What is journaled when:
 * <ul>
 *   <li>Directory writes (on-prem and cloud) go to their writer in groups of up to {@value #GROUP} changes, one
 *       Graph {@code $batch}, because one request per change would make a large remediation take hours. The writer
 *       answers for the whole group; every result of the group is journaled, in plan order, before the next group
 *       is written. A crash in the middle of a group loses at most that group's results, which the next run finds
 *       already written.</li>
 *   <li>Identity-provider and tenant changes go one at a time, each journaled before the next is written.</li>
 *   <li>A {@code CONFLICT} (the value changed since planning) stops the apply. The changes of its own directory
 *       group went out in the same request and are written and journaled with it; no later change is written.</li>
 * </ul>
 */
final class ChangeApplier {

    /** Directory writes go out in groups this size (a Graph {@code $batch} holds 20). */
    static final int GROUP = 20;

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
        Set<String> done = JournalQueries.appliedChangeIds(journal, plan.id());
        List<Change> remaining = plan.changes().stream().filter(c -> !done.contains(c.id())).toList();
        int applied = 0;
        int already = 0;
        List<ApplyResult.Failure> failures = new ArrayList<>();
        boolean conflict = false;
        int progressed = done.size();
        for (int i = 0; i < remaining.size() && !conflict; ) {
            List<Change> group = group(remaining, i);
            i += group.size();
            for (Outcome outcome : write(group)) {
                if (outcome.status == WriteStatus.APPLIED || outcome.status == WriteStatus.ALREADY_APPLIED) {
                    journal.append(JournalEntry.of(JournalEntry.Type.CHANGE_APPLIED, plan.stepId(), plan.id())
                            .withChange(outcome.change, outcome.status.name(), outcome.observed, null));
                    if (outcome.status == WriteStatus.APPLIED) {
                        applied++;
                    } else {
                        already++;
                    }
                } else {
                    journal.append(JournalEntry.of(JournalEntry.Type.CHANGE_FAILED, plan.stepId(), plan.id())
                            .withChange(outcome.change, outcome.status.name(), outcome.observed, outcome.message));
                    failures.add(new ApplyResult.Failure(outcome.change, outcome.status.name(), outcome.message));
                    conflict |= outcome.status == WriteStatus.CONFLICT;
                }
                ctx.progress().progress("applying " + plan.stepId(), ++progressed, plan.changes().size());
            }
        }
        if (failures.isEmpty() && JournalQueries.openFailures(journal, plan.stepId(), plan.id()).isEmpty()) {
            journal.append(JournalEntry.of(JournalEntry.Type.STEP_APPLIED, plan.stepId(), plan.id()));
        }
        return new ApplyResult(plan.id(), applied, already, done.size(), failures, conflict);
    }

    /**
     * The next changes that go out together: up to {@link #GROUP} directory changes for the same writer, or a single
     * identity-provider or tenant change (those are written one call each anyway, so each is journaled at once and
     * a conflict stops the next).
     */
    private static List<Change> group(List<Change> changes, int from) {
        TargetSystem system = changes.get(from).system();
        int size = system == TargetSystem.ON_PREM || system == TargetSystem.CLOUD ? GROUP : 1;
        int to = from;
        while (to < changes.size() && to - from < size && changes.get(to).system() == system) {
            to++;
        }
        return changes.subList(from, to);
    }

    private List<Outcome> write(List<Change> group) {
        TargetSystem system = group.get(0).system();
        try {
            return switch (system) {
                case ON_PREM -> directory(group, MigrationContext.require(ctx.onPremWriter(),
                        "an on-prem writer", step));
                case CLOUD -> directory(group, MigrationContext.require(ctx.cloudWriter(), "a cloud writer", step));
                case PROVISIONING -> group.stream().map(this::provisioning).toList();
                case TENANT -> group.stream().map(this::tenant).toList();
            };
        } catch (RuntimeException e) {
            // The port itself failed (unreachable, misconfigured): every change of the group is a failure.
            return group.stream().map(c -> new Outcome(c, WriteStatus.FAILED, null, e.getMessage())).toList();
        }
    }

    private static List<Outcome> directory(List<Change> group, DirectoryWriter writer) {
        List<AttributeWrite> writes = group.stream().map(ChangeValues::toWrite).toList();
        List<WriteResult> results = writer.write(writes);
        if (results.size() != writes.size()) {
            throw new IllegalStateException(writer.name() + " answered " + results.size() + " results for "
                    + writes.size() + " writes");
        }
        List<Outcome> outcomes = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            WriteResult result = results.get(i);
            outcomes.add(new Outcome(group.get(i), result.status(),
                    ChangeValues.toText(group.get(i).attribute(), result.observed()), result.message()));
        }
        return outcomes;
    }

    /** Switches an app's provisioning, compare-and-set against the state the plan saw. */
    private Outcome provisioning(Change change) {
        ProvisioningSource source = MigrationContext.require(ctx.provisioning(), "the identity provider", step);
        if (!ChangeValues.PROVISIONING.equals(change.attribute())) {
            return new Outcome(change, WriteStatus.REFUSED, null, "Only '" + ChangeValues.PROVISIONING
                    + "' can be changed on an identity-provider app, not " + change.attribute());
        }
        ProvisioningApp app = source.apps().stream().filter(a -> a.id().equals(change.target())).findFirst()
                .orElse(null);
        if (app == null) {
            return new Outcome(change, WriteStatus.CONFLICT, null, "App " + change.target() + " no longer exists");
        }
        String now = app.provisioning().name();
        if (now.equals(change.after())) {
            return new Outcome(change, WriteStatus.ALREADY_APPLIED, now, "");
        }
        if (!now.equals(change.before())) {
            return new Outcome(change, WriteStatus.CONFLICT, now, "App " + app.label() + " is " + now
                    + ", the plan expected " + change.before());
        }
        ProvisioningState wanted = ProvisioningState.valueOf(change.after());
        ProvisioningState after = wanted == ProvisioningState.DISABLED ? source.disable(app.id())
                : source.enable(app.id());
        return after == wanted ? new Outcome(change, WriteStatus.APPLIED, now, "")
                : new Outcome(change, WriteStatus.FAILED, now, "App " + app.label() + " reads back as " + after);
    }

    /** Tenant guards and cloud sync jobs. */
    private Outcome tenant(Change change) {
        TenantSync tenant = MigrationContext.require(ctx.tenant(), "the tenant controls", step);
        if (ChangeValues.MATCH_BLOCKS.equals(change.attribute())) {
            MatchBlocks before = ChangeValues.matchBlocks(change.before());
            MatchBlocks after = ChangeValues.matchBlocks(change.after());
            MatchBlocks now = tenant.state().matchBlocks();
            if (now.equals(after)) {
                return new Outcome(change, WriteStatus.ALREADY_APPLIED, ChangeValues.text(now), "");
            }
            try {
                MatchBlocks read = tenant.setMatchBlocks(before, after);
                return read.equals(after) ? new Outcome(change, WriteStatus.APPLIED, ChangeValues.text(before), "")
                        : new Outcome(change, WriteStatus.FAILED, ChangeValues.text(read), "The guards read back as "
                                + ChangeValues.text(read));
            } catch (ConflictException e) {
                return new Outcome(change, WriteStatus.CONFLICT, ChangeValues.text(now), e.getMessage());
            }
        }
        if (ChangeValues.CLOUD_SYNC_JOB.equals(change.attribute())) {
            CloudSyncJob job = tenant.cloudSyncJobs().stream().filter(j -> j.jobId().equals(change.target()))
                    .findFirst().orElse(null);
            if (job == null) {
                return new Outcome(change, WriteStatus.CONFLICT, null, "Cloud sync job " + change.target()
                        + " no longer exists");
            }
            if (ChangeValues.JOB_ACTIVE.equalsIgnoreCase(job.status())) {
                return new Outcome(change, WriteStatus.ALREADY_APPLIED, job.status(), "");
            }
            if (ChangeValues.JOB_RESTARTED.equals(change.after())) {
                tenant.restart(job, Set.of("Full"));
            } else {
                tenant.start(job);
            }
            return new Outcome(change, WriteStatus.APPLIED, job.status(), "");
        }
        return new Outcome(change, WriteStatus.REFUSED, null, "Unknown tenant setting " + change.attribute());
    }

    /** The result of one change, before it is journaled. */
    private record Outcome(Change change, WriteStatus status, String observed, String message) {
    }
}
