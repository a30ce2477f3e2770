/**
 * The two directories a migration joins, as ports that adapters implement.
 *
 * <ul>
 *   <li>{@link dev.oktaentra.core.directory.OnPremUser} and {@link dev.oktaentra.core.directory.CloudUser}: the
 *       users as matching sees them.</li>
 *   <li>{@link dev.oktaentra.core.directory.OnPremDirectory} and {@link dev.oktaentra.core.directory.CloudDirectory}:
 *       stream {@link dev.oktaentra.core.directory.DirectoryRecord}s, usable or rejected, never a whole list.</li>
 *   <li>{@link dev.oktaentra.core.directory.DirectoryWriter}: compare-and-set attribute writes for remediation.</li>
 * </ul>
 */
package dev.oktaentra.core.directory;
