/**
 * Machinery the public packages of core share: the CSV reader of the export and staging files
 * ({@link dev.oktaentra.core.internal.CsvRows}, over FastCSV), the limits every CSV read is held to
 * ({@link dev.oktaentra.core.internal.CsvLimits}), the byte-order mark every reader looks for first
 * ({@link dev.oktaentra.core.internal.ByteOrderMark}) and the reader of lists a person writes
 * ({@link dev.oktaentra.core.internal.ListFile}). Not API: it may change in any release, and no public signature
 * outside this package mentions it.
 */
package dev.oktaentra.core.internal;
