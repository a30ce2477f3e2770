package dev.oktaentra.core.migration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered list of steps, the procedure as code. Its status is never stored: {@link #info(Journal)} derives each
 * step's from the journal, like Flyway's {@code info} from its history table.
 *
 * @param name the runbook's name, e.g. {@code connect-server}
 * @param steps the steps in order
 */
public record Runbook(String name, List<MigrationStep> steps) {

    /**
     * Checks that step ids are unique and freezes the list.
     *
     * @param name the runbook's name, e.g. {@code connect-server}
     * @param steps the steps in order
     */
    public Runbook {
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
        Set<String> ids = new HashSet<>();
        for (MigrationStep step : steps) {
            if (!ids.add(step.id())) {
                throw new IllegalArgumentException("Runbook " + name + " has two steps with the id " + step.id());
            }
        }
    }

    /**
     * A step by id.
     *
     * @param id the step's id
     * @return the step
     * @throws MigrationException naming the known ids when there is no such step
     */
    public MigrationStep step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new MigrationException(
                "Runbook " + name + " has no step '" + id + "'; its steps are "
                        + steps.stream().map(MigrationStep::id).toList()));
    }

    /**
     * This runbook, under the same name, with a step of your own inserted after one of its steps.
     *
     * @param afterStepId the step the new one follows
     * @param step the new step
     * @return the new runbook
     * @throws MigrationException naming the known ids when there is no step {@code afterStepId}
     * @throws IllegalArgumentException when the runbook already has a step with the new step's id
     */
    public Runbook withStepAfter(String afterStepId, MigrationStep step) {
        List<MigrationStep> changed = new ArrayList<>(steps);
        changed.add(steps.indexOf(step(afterStepId)) + 1, Objects.requireNonNull(step, "step"));
        return new Runbook(name, changed);
    }

    /**
     * Each step's status, derived from the journal.
     *
     * @param journal the journal
     * @return one line per step, in order
     */
    public List<StepInfo> info(Journal journal) {
        List<StepInfo> lines = new ArrayList<>();
        for (MigrationStep step : steps) {
            lines.add(StepHistory.of(step.id(), journal.entries()).info(step.title(), step.kind()));
        }
        return lines;
    }

    /**
     * The step after the given one.
     *
     * @param id a step's id
     * @return the next step, or empty after the last
     */
    public Optional<MigrationStep> after(String id) {
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i).id().equals(id)) {
                return Optional.of(steps.get(i + 1));
            }
        }
        return Optional.empty();
    }
}
