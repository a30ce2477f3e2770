/**
 * The steps of the two ready runbooks ({@link dev.oktaentra.core.migration.steps.Runbooks}): the migration
 * procedure as code, from choosing the topology to closing the matching window after the cutover.
 */
package dev.oktaentra.core.migration.steps;
