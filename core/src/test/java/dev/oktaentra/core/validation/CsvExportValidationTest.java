package dev.oktaentra.core.validation;

import static dev.oktaentra.core.validation.Users.anchorOf;
import static dev.oktaentra.core.validation.Users.guidOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.oktaentra.core.export.CloudCsvExport;
import dev.oktaentra.core.export.OnPremCsvExport;
import dev.oktaentra.core.match.MatchOutcome;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validations of PowerShell exports read by the real CSV readers, as admins run them. */
class CsvExportValidationTest {

    static final String AD_HEADER = "DistinguishedName,UserPrincipalName,SamAccountName,ObjectGUID,mail,employeeID,"
            + "mS-DS-ConsistencyGuid,proxyAddresses";
    static final String ENTRA_HEADER = "Id,UserPrincipalName,OnPremisesImmutableId,OnPremisesSyncEnabled,Mail,"
            + "EmployeeId,ProxyAddresses,OnPremisesLastSyncDateTime,HoldsAdminRole";

    @TempDir
    Path dir;

    @Test
    void run_flagsASoftMatchOntoAnAdminRoleHolderFromTheHoldsAdminRoleColumn() throws IOException {
        Path ad = write("adusers.csv", AD_HEADER, adRow("jane"), adRow("root"));
        Path entra = write("entrausers.csv", ENTRA_HEADER,
                entraRow("jane", "", "False"), entraRow("root", "", "True"));

        try (ValidationReport report = run(ad, entra)) {
            List<ValidationFinding> rows = findings(report);
            assertThat(rows).extracting(ValidationFinding::cloudUserPrincipalName, ValidationFinding::holdsAdminRole)
                    .containsExactly(tuple("jane@contoso.com", false),
                            tuple("root@contoso.com", true));
            assertThat(rows.get(1).note()).contains("holds an admin role, so Entra Connect will not soft-match it");
            assertThat(report.summary().adminRoleSoftMatches()).isEqualTo(1);
        }
    }

    @Test
    void run_turnsRejectedCloudRowsIntoInvalidFindingsNamingFileAndLine() throws IOException {
        Path ad = write("adusers.csv", AD_HEADER, adRow("jane"));
        Path entra = write("entrausers.csv", ENTRA_HEADER,
                entraRow("jane", anchorOf("jane"), "False"),
                quoted("id-nobody", "", anchorOf("nobody"), "", "", "", "", "", ""),
                quoted("id-short", "short@contoso.com"));

        try (ValidationReport report = run(ad, entra)) {
            List<ValidationFinding> rows = findings(report);
            assertThat(rows).extracting(f -> f.side() + " " + f.outcome() + " " + f.source() + ", " + f.location()
                    + " (" + f.userPrincipalName() + "): " + f.note()).startsWith(
                    "CLOUD INVALID entrausers.csv, line 3 (id-nobody): has no UserPrincipalName",
                    "CLOUD INVALID entrausers.csv, line 4 (short@contoso.com): has 2 values, the header has 9; a quote "
                            + "may be unbalanced");
            assertThat(rows.get(2).outcome()).isEqualTo(MatchOutcome.MATCHED);
            assertThat(report.counts()).containsEntry(MatchOutcome.INVALID, 2L).containsEntry(MatchOutcome.MATCHED, 1L);
            assertThat(report.summary().total()).isEqualTo(3);
            assertThat(report.needsAttention()).isTrue();

            Path csv = dir.resolve("validation.csv");
            report.writeCsv(csv);
            assertThat(reportRows(csv)).extracting(r -> r.get("Side") + " " + r.get("Outcome") + " " + r.get("Source")
                    + " " + r.get("Location") + " " + r.get("Note")).startsWith(
                    "CLOUD INVALID entrausers.csv line 3 has no UserPrincipalName",
                    "CLOUD INVALID entrausers.csv line 4 has 2 values, the header has 9; a quote may be unbalanced");
        }
    }

    ValidationReport run(Path ad, Path entra) {
        return Validation.configure().build().run(OnPremCsvExport.of(ad), CloudCsvExport.of(entra));
    }

    static List<ValidationFinding> findings(ValidationReport report) {
        try (Stream<ValidationFinding> rows = report.findings()) {
            return rows.toList();
        }
    }

    /** The rows of a CSV report, by header name. */
    static List<CSVRecord> reportRows(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            in.skip(1);  // the byte-order mark
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    }

    /** A Get-ADUser row of {@link Users#ad}'s user, quoted as Export-Csv quotes. */
    static String adRow(String name) {
        return quoted("CN=" + name + ",OU=Staff,DC=contoso,DC=com", name + "@contoso.com", name,
                guidOf(name).toString(), name + "@contoso.com", "", "", "SMTP:" + name + "@contoso.com");
    }

    /** A Get-MgUser row of the user {@code name}, with the given ImmutableID and HoldsAdminRole cells. */
    static String entraRow(String name, String immutableId, String holdsAdminRole) {
        return quoted("id-" + name, name + "@contoso.com", immutableId, "", name + "@contoso.com", "",
                "SMTP:" + name + "@contoso.com", "", holdsAdminRole);
    }

    static String quoted(String... cells) {
        return Stream.of(cells).map(c -> "\"" + c.replace("\"", "\"\"") + "\"").collect(Collectors.joining(","));
    }
}
