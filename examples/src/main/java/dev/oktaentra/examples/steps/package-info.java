/**
 * A migration step of your own, put into a ready runbook:
 * {@link dev.oktaentra.examples.steps.StampScopingAttributeStep} stamps a wave's users for the Entra Connect scoping
 * filter, and is planned, journaled, applied, verified and rolled back like the library's own steps.
 */
package dev.oktaentra.examples.steps;
