/**
 * Report output shared by validation, staging analysis and the runbook: Excel-safe CSV, and counts with their
 * nouns in the right number ({@link dev.oktaentra.core.report.Counts}). The self-contained HTML page is in
 * {@link dev.oktaentra.core.report.html}.
 */
package dev.oktaentra.core.report;
