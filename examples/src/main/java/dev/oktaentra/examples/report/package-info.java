/**
 * The HTML report: one self-contained file (inline CSS and script, no network) that a person opens in a browser.
 *
 * <p>{@link dev.oktaentra.examples.report.HtmlReport} lays out a page of
 * {@link dev.oktaentra.examples.report.ReportSection}s; {@link dev.oktaentra.examples.report.ValidationSections}
 * makes the sections of a validation (summary cards, a chart of outcomes, the staging prediction, per-outcome
 * tables with search and filter). Sections write through {@link dev.oktaentra.examples.report.HtmlWriter}, which
 * escapes every value, so a new section (a staging export, a runbook's status) cannot inject markup by accident.
 */
package dev.oktaentra.examples.report;
