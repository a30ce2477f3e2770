/**
 * Mass validation: {@link dev.oktaentra.core.validation.Validation} pairs the two directories as Entra Connect
 * would and produces a {@link dev.oktaentra.core.validation.ValidationReport} of findings, counts and the predicted
 * staging export.
 */
package dev.oktaentra.core.validation;
