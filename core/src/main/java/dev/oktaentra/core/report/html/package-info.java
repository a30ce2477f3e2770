/**
 * The HTML report: one self-contained file (inline CSS and script, no network) that a person opens in a browser.
 *
 * <p>{@link dev.oktaentra.core.report.html.HtmlReport} lays out a page of
 * {@link dev.oktaentra.core.report.html.ReportSection}s; {@link dev.oktaentra.core.report.html.ValidationSections}
 * makes the sections of a validation (summary cards, a chart of outcomes, the staging prediction, per-outcome
 * tables with search and filter), {@link dev.oktaentra.core.report.html.StagingExportSections} those of a
 * pending-export review and {@link dev.oktaentra.core.report.html.RunbookStatusSection} a runbook's status;
 * {@link dev.oktaentra.core.report.html.ValidationReportFiles} writes a validation's CSV, JSON and page together,
 * with one pass over its findings. Sections
 * write through {@link dev.oktaentra.core.report.html.HtmlWriter}, which escapes every value, so a new section cannot
 * inject markup by accident. The stylesheet and scripts are resources of this package, read by its own classes (a
 * named module's resources are encapsulated: only the module itself reads them).
 */
package dev.oktaentra.core.report.html;
