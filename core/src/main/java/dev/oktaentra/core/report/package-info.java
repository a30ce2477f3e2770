/**
 * Report output shared by validation, staging analysis and the runbook: Excel-safe CSV, and counts with their
 * nouns in the right number ({@link dev.oktaentra.core.report.Counts}).
 */
package dev.oktaentra.core.report;
