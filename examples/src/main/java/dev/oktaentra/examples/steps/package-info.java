/**
 * An example of a migration step of your own: {@link dev.oktaentra.examples.steps.HardMatchSoftMatchesStep} extends
 * core's {@code BaseMigrationStep} (plan and verify; the journaled, compare-and-set apply comes with the base class)
 * and goes into a runbook beside the ready steps with {@code Runbooks.of(name, steps)}.
 */
package dev.oktaentra.examples.steps;
