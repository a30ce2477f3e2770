package dev.oktaentra.core.migration;

/** How a step gets its work done. */
public enum StepKind {
    /** The library makes the changes, through the ports, once a person applies the reviewed plan. */
    AUTOMATED,
    /** A person does the work (e.g. the Connect wizard); the step gives exact instructions and waits for a confirmation. */
    MANUAL,
    /** Only reads and judges: detection, validation, analysis, cutover verification. */
    CHECK
}
