package dev.oktaentra.core.migration;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Questions the runbook asks of the journal; the journal is the truth, so nothing is kept elsewhere. */
final class JournalQueries {

    private JournalQueries() {
    }

    /** The ids of a plan's changes that were written (now or found already written). */
    static Set<String> appliedChangeIds(Journal journal, String planId) {
        Set<String> ids = new HashSet<>();
        for (JournalEntry e : journal.entries()) {
            if (e.type() == JournalEntry.Type.CHANGE_APPLIED && planId.equals(e.planId())) {
                ids.add(e.change().id());
            }
        }
        return ids;
    }

    /** A plan's failed changes that no repair has cleared, by change id, the latest failure of each. */
    static Map<String, JournalEntry> openFailures(Journal journal, String step, String planId) {
        Map<String, JournalEntry> open = new LinkedHashMap<>();
        for (JournalEntry e : journal.entries()) {
            if (!step.equals(e.step())) {
                continue;
            }
            if (e.type() == JournalEntry.Type.CHANGE_FAILED && planId.equals(e.planId())) {
                open.put(e.change().id(), e);
            } else if (e.type() == JournalEntry.Type.CHANGE_APPLIED && planId.equals(e.planId())) {
                open.remove(e.change().id());
            } else if (e.type() == JournalEntry.Type.REPAIRED && e.cleared() != null) {
                e.cleared().forEach(open::remove);
            }
        }
        return open;
    }

    /** The latest plan of a step, rollback plans included. */
    static Optional<Plan> latestPlan(Journal journal, String step) {
        Plan latest = null;
        for (JournalEntry e : journal.entries()) {
            if (e.type() == JournalEntry.Type.PLANNED && step.equals(e.step())) {
                latest = e.plan();
            }
        }
        return Optional.ofNullable(latest);
    }

    /** A plan by id. */
    static Optional<Plan> plan(Journal journal, String planId) {
        for (JournalEntry e : journal.entries()) {
            if (e.type() == JournalEntry.Type.PLANNED && planId.equals(e.planId())) {
                return Optional.of(e.plan());
            }
        }
        return Optional.empty();
    }

    /** Every change of a step written by its forward (non-rollback) plans and not undone since, oldest first. */
    static List<Change> standingChanges(Journal journal, String step) {
        Map<String, Change> standing = new LinkedHashMap<>();
        Map<String, Boolean> rollbackPlans = new LinkedHashMap<>();
        for (JournalEntry e : journal.entries()) {
            if (!step.equals(e.step())) {
                continue;
            }
            if (e.type() == JournalEntry.Type.PLANNED) {
                rollbackPlans.put(e.planId(), e.plan().rollback());
            } else if (e.type() == JournalEntry.Type.CHANGE_APPLIED) {
                Change change = e.change();
                String slot = change.system() + "|" + change.target() + "|" + change.attribute();
                if (Boolean.TRUE.equals(rollbackPlans.get(e.planId()))) {
                    standing.remove(slot);
                } else {
                    // Two forward changes of one slot (A to B, then B to C) stand as one: A to C.
                    Change first = standing.get(slot);
                    String before = first == null ? change.before() : first.before();
                    if (java.util.Objects.equals(before, change.after())) {
                        standing.remove(slot);
                    } else {
                        standing.put(slot, first == null ? change : Change.of(change.system(), change.target(),
                                change.attribute(), before, change.after(), change.reason()));
                    }
                }
            }
        }
        return List.copyOf(standing.values());
    }
}
