/**
 * Mass validation: {@link dev.oktaentra.core.validation.Validation} pairs the two directories as Entra Connect
 * would and produces a {@link dev.oktaentra.core.validation.ValidationReport} of findings, counts and the predicted
 * staging export, which {@link dev.oktaentra.core.validation.ValidationReport#writeReports} writes as CSV (every
 * finding) and compact JSON (every finding but the clean matches) with one pass, keeping the
 * {@link dev.oktaentra.core.validation.FirstFindings} a page shows.
 *
 * <p>Inside, the rules and the storage are apart: {@code MatchDecision} is the table of Entra's matching (from what
 * the rules found to an outcome, a note and an export), and {@code dev.oktaentra.core.validation.internal.store} holds the
 * two sides compactly and reads them on threads of their own (internal, not API).
 */
package dev.oktaentra.core.validation;
