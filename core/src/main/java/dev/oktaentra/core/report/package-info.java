/**
 * Report output shared by validation, staging analysis and the runbook: Excel-safe CSV.
 */
package dev.oktaentra.core.report;
