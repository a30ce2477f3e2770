package dev.oktaentra.core.migration;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where one step stands, folded from the journal: journal entries in, the step's plan, written and failed changes,
 * standing changes and status out. Pure: it reads nothing but the entries it is given and keeps nothing else, so
 * the journal stays the only truth (Flyway's {@code info} from its history table).
 *
 * <p>The status rules, first match wins: a skip since the latest plan is {@code SKIPPED}; an open failure of the
 * latest plan or a failed last verification is {@code FAILED}; a passed one {@code VERIFIED}; no plan
 * {@code PENDING}; a plan that needs a person (a manual step, or instructions) and is applied or has nothing to
 * write, without a confirmation, {@code WAITING_FOR_OPERATOR}; an applied plan, or a confirmed one with nothing to
 * write, {@code APPLIED}; else {@code PLANNED}. A new plan starts the step's verdicts afresh.
 */
final class StepHistory {

    private final String stepId;
    private Plan latest;
    private final Map<String, Boolean> rollbackPlans = new HashMap<>();
    private final Map<String, Set<String>> written = new HashMap<>();
    private final Map<String, Map<String, JournalEntry>> failures = new HashMap<>();
    private final Map<String, Change> standing = new LinkedHashMap<>();
    private boolean applied;
    private boolean confirmed;
    private boolean skipped;
    private Boolean verified;
    private String message;
    private Instant last;

    private StepHistory(String stepId) {
        this.stepId = stepId;
    }

    /**
     * Folds the entries of one step.
     *
     * @param stepId the step
     * @param entries the journal's entries, oldest first (other steps' are passed over)
     * @return the step's history
     */
    static StepHistory of(String stepId, List<JournalEntry> entries) {
        StepHistory history = new StepHistory(Objects.requireNonNull(stepId, "stepId"));
        for (JournalEntry e : entries) {
            if (stepId.equals(e.step())) {
                history.add(e);
            }
        }
        return history;
    }

    /**
     * A plan by id, of any step.
     *
     * @param entries the journal's entries
     * @param planId the plan's id
     * @return the plan as recorded, or empty
     */
    static Optional<Plan> plan(List<JournalEntry> entries, String planId) {
        for (JournalEntry e : entries) {
            if (e.type() == JournalEntry.Type.PLANNED && planId.equals(e.planId())) {
                return Optional.of(e.plan());
            }
        }
        return Optional.empty();
    }

    private void add(JournalEntry e) {
        last = e.at();
        switch (e.type()) {
            case PLANNED -> {
                latest = e.plan();
                rollbackPlans.put(e.planId(), e.plan().rollback());
                applied = false;
                confirmed = false;
                skipped = false;
                verified = null;
                message = null;
            }
            case CHANGE_APPLIED -> {
                written.computeIfAbsent(e.planId(), id -> new HashSet<>()).add(e.change().id());
                failuresOf(e.planId()).remove(e.change().id());
                stand(e);
            }
            case CHANGE_FAILED -> failuresOf(e.planId()).put(e.change().id(), e);
            case REPAIRED -> {
                if (e.cleared() != null) {
                    failures.values().forEach(open -> e.cleared().forEach(open::remove));
                }
            }
            case STEP_APPLIED -> applied = latest != null && latest.id().equals(e.planId());
            case OPERATOR_CONFIRMED -> {
                confirmed = true;
                message = e.message();
            }
            case STEP_SKIPPED -> {
                skipped = true;
                message = e.message();
            }
            case STEP_VERIFIED -> {
                verified = e.passed();
                message = e.findings() == null ? null : e.findings().stream()
                        .filter(f -> f.severity() != StepFinding.Severity.INFO).map(StepFinding::message)
                        .findFirst().orElse(null);
                skipped = false;
            }
        }
    }

    private Map<String, JournalEntry> failuresOf(String planId) {
        return failures.computeIfAbsent(planId, id -> new LinkedHashMap<>());
    }

    /** A rollback's change undoes its slot; forward changes of one slot (A to B, then B to C) stand as one, A to C. */
    private void stand(JournalEntry e) {
        Change change = e.change();
        String slot = change.kind().name() + "|" + change.target() + "|" + change.attribute();
        if (Boolean.TRUE.equals(rollbackPlans.get(e.planId()))) {
            standing.remove(slot);
            return;
        }
        Change first = standing.get(slot);
        String before = first == null ? change.before() : first.before();
        if (Objects.equals(before, change.after())) {
            standing.remove(slot);
        } else {
            standing.put(slot, first == null ? change : Change.of(change.kind(), change.target(),
                    change.attribute(), before, change.after(), change.reason()));
        }
    }

    /**
     * The step's latest plan, rollback plans included.
     *
     * @return the plan, or empty before the first
     */
    Optional<Plan> latestPlan() {
        return Optional.ofNullable(latest);
    }

    /**
     * The ids of a plan's changes that were written (now, or found already written).
     *
     * @param planId a plan of this step
     * @return the ids
     */
    Set<String> writtenChangeIds(String planId) {
        return Set.copyOf(written.getOrDefault(planId, Set.of()));
    }

    /**
     * A plan's failed changes that neither a later write nor a repair has cleared, by change id, the latest failure
     * of each, oldest first.
     *
     * @param planId a plan of this step
     * @return the failures
     */
    Map<String, JournalEntry> openFailures(String planId) {
        return new LinkedHashMap<>(failures.getOrDefault(planId, Map.of()));
    }

    /**
     * Every change of the step written by its forward (non-rollback) plans and not undone since, oldest first.
     *
     * @return the changes
     */
    List<Change> standingChanges() {
        return List.copyOf(standing.values());
    }

    /**
     * Whether a person confirmed the step since its latest plan.
     *
     * @return false before the first plan
     */
    boolean confirmedSinceLatestPlan() {
        return latest != null && confirmed;
    }

    /**
     * The step's status.
     *
     * @param kind the step's kind: a manual step waits for a person
     * @return the status
     */
    StepStatus status(StepKind kind) {
        boolean needsOperator = latest != null && (kind == StepKind.MANUAL || !latest.instructions().isEmpty());
        if (skipped) {
            return StepStatus.SKIPPED;
        } else if (failed() > 0 || Boolean.FALSE.equals(verified)) {
            return StepStatus.FAILED;
        } else if (Boolean.TRUE.equals(verified)) {
            return StepStatus.VERIFIED;
        } else if (latest == null) {
            return StepStatus.PENDING;
        } else if (needsOperator && !confirmed && (applied || latest.isEmpty())) {
            return StepStatus.WAITING_FOR_OPERATOR;
        } else if (applied || confirmed && latest.isEmpty()) {
            return StepStatus.APPLIED;
        }
        return StepStatus.PLANNED;
    }

    private int failed() {
        return latest == null ? 0 : failures.getOrDefault(latest.id(), Map.of()).size();
    }

    /**
     * The step's status line.
     *
     * @param title the step's title
     * @param kind the step's kind
     * @return the line
     */
    StepInfo info(String title, StepKind kind) {
        return new StepInfo(stepId, title, kind, status(kind), latest == null ? null : latest.id(),
                latest == null ? null : latest.checksum(), latest == null ? 0 : latest.changes().size(),
                latest == null ? 0 : written.getOrDefault(latest.id(), Set.of()).size(), failed(), last, message);
    }
}
