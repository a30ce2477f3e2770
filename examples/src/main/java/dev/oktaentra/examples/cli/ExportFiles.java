package dev.oktaentra.examples.cli;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.export.CloudCsvExport;
import dev.oktaentra.core.export.OnPremCsvExport;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The two PowerShell exports a command reads: {@code --onprem} and {@code --cloud}. */
final class ExportFiles {

    @Option(names = "--onprem", required = true, paramLabel = "FILE",
            description = "On-premises users: the CSV of Get-ADUser | Export-Csv (see the README for the command).")
    Path onPrem;

    @Option(names = "--cloud", required = true, paramLabel = "FILE",
            description = "Entra ID users: the CSV of Get-MgUser | Export-Csv (see the README for the command).")
    Path cloud;

    /** Opens the on-prem export; an {@code ExportFileException} names the file and what is wrong with it. */
    OnPremDirectory openOnPrem() {
        return OnPremCsvExport.open(onPrem);
    }

    /** Opens the cloud export. */
    CloudDirectory openCloud() {
        return CloudCsvExport.open(cloud);
    }
}
