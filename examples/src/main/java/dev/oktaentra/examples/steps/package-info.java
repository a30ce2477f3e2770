/**
 * Migration steps of your own, put into a ready runbook with {@code Runbooks.of(name, steps)}; both extend core's
 * {@code BaseMigrationStep} (plan and verify) and plan changes of core's built-in kinds ({@code OnPremAttribute},
 * {@code CloudAttribute}), which bring the journaled, compare-and-set apply and the rollback.
 *
 * <ul>
 *   <li>{@link dev.oktaentra.examples.steps.StampScopingAttributeStep} stamps a wave's users for the Entra Connect
 *       scoping filter.</li>
 *   <li>{@link dev.oktaentra.examples.steps.HardMatchSoftMatchesStep} turns soft matches into hard matches by
 *       setting the cloud users' ImmutableIDs before the cutover.</li>
 * </ul>
 */
package dev.oktaentra.examples.steps;
