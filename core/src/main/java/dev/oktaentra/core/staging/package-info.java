/**
 * The staging server's pending exports: what Entra Connect would write to Entra ID once it leaves staging mode.
 *
 * <p>Reading:
 * <ul>
 *   <li>{@link dev.oktaentra.core.staging.PendingExportReader}: a streaming, hardened reader of
 *       {@code csexport "<tenant> - AAD" export.xml /f:x} files, and of CSExportAnalyzer's CSV; one
 *       {@link dev.oktaentra.core.staging.PendingExport} per connector-space object, in constant memory.</li>
 *   <li>{@link dev.oktaentra.core.staging.PendingExport}, {@link dev.oktaentra.core.staging.ExportDelta},
 *       {@link dev.oktaentra.core.staging.AttributeDelta}, {@link dev.oktaentra.core.staging.Hologram},
 *       {@link dev.oktaentra.core.staging.ExportError}: the file's content as values.</li>
 *   <li>{@link dev.oktaentra.core.staging.StagingExportException}: a file that cannot be read, naming the file, line
 *       and column.</li>
 * </ul>
 *
 * <p>Analysing:
 * <ul>
 *   <li>{@link dev.oktaentra.core.staging.KnownUsers} and {@link dev.oktaentra.core.staging.KnownUser}: what the
 *       validation report knows about each user, looked up by sourceAnchor, UPN and primary SMTP address.</li>
 *   <li>{@link dev.oktaentra.core.staging.PendingExportAnalyzer}: turns each object into an
 *       {@link dev.oktaentra.core.staging.ObjectChange} (old and new values per attribute, attribute deletions
 *       flagged), joins it with the known users and raises {@link dev.oktaentra.core.staging.Finding}s: unexpected
 *       adds (duplicates in the making), unexpected deletes (every delete of any object type), back-fill
 *       candidates, each with a recommended action.</li>
 *   <li>{@link dev.oktaentra.core.staging.StagingChecks}: Entra Connect's
 *       {@link dev.oktaentra.core.staging.DeletionThreshold} (500 unless changed on the server; more deletes stop the
 *       whole export) and the {@link dev.oktaentra.core.staging.ReviewedLeavers}, users whose delete a person has
 *       reviewed (listed as reviewed, not blocking).</li>
 *   <li>{@link dev.oktaentra.core.staging.PendingExportReport} and
 *       {@link dev.oktaentra.core.staging.PendingExportSummary}: counts per object type and the findings, written as
 *       Excel-safe CSV ({@link dev.oktaentra.core.staging.PendingExportCsv}) and JSON.</li>
 * </ul>
 */
package dev.oktaentra.core.staging;
