/**
 * What admins already have: PowerShell {@code Export-Csv} files of {@code Get-ADUser}
 * ({@link dev.oktaentra.core.export.OnPremCsvExport}) and {@code Get-MgUser}
 * ({@link dev.oktaentra.core.export.CloudCsvExport}) read as directories. {@link dev.oktaentra.core.export.ExportCommands}
 * holds the export commands that produce files these readers take.
 */
package dev.oktaentra.core.export;
