/**
 * The steps of the two ready runbooks ({@link dev.oktaentra.core.migration.steps.Runbooks}): the migration
 * procedure as code, from choosing the topology to closing the matching window after the cutover. The steps plan
 * their writes as changes of the built-in kinds ({@link dev.oktaentra.core.migration.CloudAttribute},
 * {@link dev.oktaentra.core.migration.OnPremGuidAttribute}, {@link dev.oktaentra.core.migration.OnPremAttribute},
 * {@link dev.oktaentra.core.migration.ProvisioningSwitch}, {@link dev.oktaentra.core.migration.MatchGuards},
 * {@link dev.oktaentra.core.migration.CloudSyncJobRun}, {@link dev.oktaentra.core.migration.UpnSwap}), which write,
 * read back and undo them.
 */
package dev.oktaentra.core.migration.steps;
