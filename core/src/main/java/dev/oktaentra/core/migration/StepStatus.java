package dev.oktaentra.core.migration;

/** Where a step stands, derived from the journal (Flyway's {@code info}, for a migration of identities). */
public enum StepStatus {
    /** Nothing recorded yet. */
    PENDING,
    /** A plan was recorded and awaits review and {@code apply}. */
    PLANNED,
    /** The reviewed plan was applied in full (or a manual step was confirmed). */
    APPLIED,
    /** The last verification passed. */
    VERIFIED,
    /** A change failed, or the last verification did not pass; see the journal, then repair or re-plan. */
    FAILED,
    /** Skipped on purpose, with a reason. */
    SKIPPED,
    /** A person must act and confirm: a manual step, or an app whose provisioning the API cannot switch. */
    WAITING_FOR_OPERATOR
}
