package dev.oktaentra.core.migration;

import java.time.Instant;

/**
 * One line of a runbook's status, derived from the journal.
 *
 * @param stepId the step
 * @param title its title
 * @param kind its kind
 * @param status where it stands
 * @param planId its latest plan, or {@code null}
 * @param checksum that plan's checksum, or {@code null}
 * @param planned how many changes that plan holds
 * @param applied how many of them are written
 * @param failed how many failed and are not repaired
 * @param lastEvent when the journal last recorded something for the step, or {@code null}
 * @param message the last message worth showing (a verification's first error, a skip reason), or {@code null}
 */
public record StepInfo(String stepId, String title, StepKind kind, StepStatus status, String planId,
        String checksum, int planned, int applied, int failed, Instant lastEvent, String message) {
}
