/**
 * Machinery the public packages of core share: the CSV reader of the export and staging files
 * ({@link dev.oktaentra.core.internal.CsvRows}, over FastCSV) and the limits every CSV read is held to
 * ({@link dev.oktaentra.core.internal.CsvLimits}). Not API: it may change in any release, and no public signature
 * outside this package mentions it.
 */
package dev.oktaentra.core.internal;
