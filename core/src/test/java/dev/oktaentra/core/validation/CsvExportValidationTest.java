package dev.oktaentra.core.validation;

import static dev.oktaentra.core.validation.Users.anchorOf;
import static dev.oktaentra.core.validation.Users.guidOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.export.CloudCsvExport;
import dev.oktaentra.core.export.OnPremCsvExport;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.tenant.SyncFeatures;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
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
            assertThat(rows.get(1).note()).contains("Entra ID does not take it over: it holds a directory role");
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

    @Test
    void run_derivesABinaryCustomAttributeAnchorFromBase64HexOrGuidText() throws IOException {
        byte[] janeBytes = bytes(1, 20);
        byte[] joeBytes = bytes(40, 20);
        byte[] annBytes = bytes(80, 20);
        String header = "DistinguishedName,UserPrincipalName,ObjectGUID,customAnchor";
        Path ad = write("adusers.csv", header,
                quoted("CN=jane,DC=contoso,DC=com", "jane@contoso.com", guidOf("jane").toString(),
                        Base64.getEncoder().encodeToString(janeBytes)),
                quoted("CN=joe,DC=contoso,DC=com", "joe@contoso.com", guidOf("joe").toString(),
                        "0x" + HexFormat.of().formatHex(joeBytes)),
                quoted("CN=kim,DC=contoso,DC=com", "kim@contoso.com", guidOf("kim").toString(),
                        "8c4ac332-975f-4717-ad7b-ba4a4e968fff"),
                quoted("CN=ann,DC=contoso,DC=com", "ann@contoso.com", guidOf("ann").toString(),
                        Base64.getEncoder().encodeToString(annBytes)));
        String annUnpadded = Base64.getEncoder().withoutPadding().encodeToString(annBytes);
        Path entra = write("entrausers.csv", ENTRA_HEADER,
                entraRow("jane", Base64.getEncoder().encodeToString(janeBytes), ""),
                entraRow("joe", Base64.getEncoder().encodeToString(joeBytes), ""),
                entraRow("kim", "MsNKjF+XF0ete7pKTpaP/w==", ""),
                entraRow("ann", annUnpadded, ""));
        // No proxy addresses in these exports: the pairs are found by their UPN, which the tenant must allow.
        Validation byCustom = Validation.builder().anchor(SourceAnchor.binaryAttribute("customAnchor"))
                .syncFeatures(SyncFeatures.DEFAULTS, "test").build();

        try (ValidationReport report = byCustom.run(OnPremCsvExport.open(ad), CloudCsvExport.open(entra))) {
            List<ValidationFinding> rows = findings(report);
            assertThat(rows).extracting(ValidationFinding::outcome).containsExactly(MatchOutcome.MATCHED,
                    MatchOutcome.MATCHED, MatchOutcome.MATCHED, MatchOutcome.ANCHOR_MISMATCH);
            assertThat(rows.get(0).rule()).isEqualTo("hardMatch(binary:customAnchor)");
            assertThat(rows.get(1).expectedImmutableId()).isEqualTo(Base64.getEncoder().encodeToString(joeBytes));
            assertThat(rows.get(3).cause()).isEqualTo(MismatchCause.MISSING_PADDING);
            assertThat(rows.get(3).cloudImmutableId()).isEqualTo(annUnpadded);
            assertThat(report.summary().anchor()).isEqualTo("binary:customAnchor");
        }
    }

    @Test
    void run_namesFileAndLineOfAnObjectWhoseAnchorIsEmptyOrDoesNotParse() throws IOException {
        String header = "DistinguishedName,UserPrincipalName,ObjectGUID,customAnchor,Description";
        Path ad = write("adusers.csv", "#TYPE Selected.Microsoft.ActiveDirectory.Management.ADUser", header,
                quoted("CN=jane,DC=contoso,DC=com", "jane@contoso.com", guidOf("jane").toString(), "AQIDBA==",
                        "two\r\nlines"),
                quoted("CN=empty,DC=contoso,DC=com", "empty@contoso.com", guidOf("empty").toString(), "", ""),
                "",
                quoted("CN=text,DC=contoso,DC=com", "text@contoso.com", guidOf("text").toString(), "E100", "three\nshort\nlines"),
                quoted("CN=after,DC=contoso,DC=com", "after@contoso.com", guidOf("after").toString(), "", ""));
        Path entra = write("entrausers.csv", ENTRA_HEADER, entraRow("jane", "AQIDBA==", ""));
        // No proxy addresses in these exports: the pairs are found by their UPN, which the tenant must allow.
        Validation byCustom = Validation.builder().anchor(SourceAnchor.binaryAttribute("customAnchor"))
                .syncFeatures(SyncFeatures.DEFAULTS, "test").build();

        try (ValidationReport report = byCustom.run(OnPremCsvExport.open(ad), CloudCsvExport.open(entra))) {
            List<ValidationFinding> rows = findings(report);
            assertThat(rows).extracting(f -> f.outcome() + " " + f.source() + ", " + f.location() + " ("
                    + f.userPrincipalName() + ")").containsExactly(
                    "MATCHED adusers.csv, null (jane@contoso.com)",
                    "INVALID adusers.csv, line 5 (empty@contoso.com)",
                    "INVALID adusers.csv, line 7 (text@contoso.com)",
                    "INVALID adusers.csv, line 10 (after@contoso.com)");
            assertThat(rows.get(1).note()).isEqualTo("customAnchor is empty, so the object has no anchor");
            assertThat(rows.get(2).note()).startsWith("customAnchor 'E100'");

            Path csv = dir.resolve("validation.csv");
            report.writeCsv(csv);
            assertThat(reportRows(csv)).extracting(r -> r.get("Outcome") + " " + r.get("Source") + " "
                    + r.get("Location")).containsExactly("MATCHED adusers.csv ", "INVALID adusers.csv line 5",
                    "INVALID adusers.csv line 7", "INVALID adusers.csv line 10");
        }
    }

    ValidationReport run(Path ad, Path entra) {
        return Validation.builder().build().run(OnPremCsvExport.open(ad), CloudCsvExport.open(entra));
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

    /** {@code length} bytes counting up from {@code first}. */
    static byte[] bytes(int first, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (first + i * 7);
        }
        return bytes;
    }

    static String quoted(String... cells) {
        return Stream.of(cells).map(c -> "\"" + c.replace("\"", "\"\"") + "\"").collect(Collectors.joining(","));
    }
}
