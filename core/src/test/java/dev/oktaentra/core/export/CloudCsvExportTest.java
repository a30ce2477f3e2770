package dev.oktaentra.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudCsvExportTest {

    private static final String HEADER = "\"Id\",\"UserPrincipalName\",\"OnPremisesImmutableId\",\"OnPremisesSyncEnabled\","
            + "\"Mail\",\"EmployeeId\",\"ProxyAddresses\",\"OnPremisesLastSyncDateTime\"";

    @TempDir
    Path dir;

    @Test
    void records_readAGetMgUserExport() throws IOException {
        Path file = ExportFile.lines(HEADER,
                "\"u1\",\"jane@contoso.com\",\"BpazOkLGm0iEtljAONPvOQ==\",\"True\",\"jane@contoso.com\",\"E100\","
                        + "\"SMTP:jane@contoso.com\",\"2026-11-20T10:15:00.0000000Z\"",
                "\"u2\",\"cloud@contoso.com\",\"\",\"\",\"\",\"\",\"\",\"\"",
                "\"u3\",\"old@contoso.com\",\" BpazOkLGm0iEtljAONPvOQ== \",\"False\",\"\",\"\",\"\",\"11/20/2026 10:15:00 AM\"")
                .withTypeLine().utf16le().writeTo(dir, "entra.csv");

        List<CloudUser> users = read(file);

        assertThat(users).hasSize(3);
        CloudUser jane = users.get(0);
        assertThat(jane.immutableId().value()).isEqualTo("BpazOkLGm0iEtljAONPvOQ==");
        assertThat(jane.isSynced()).isTrue();
        assertThat(jane.onPremisesLastSyncDateTime()).isEqualTo(Instant.parse("2026-11-20T10:15:00Z"));
        assertThat(jane.attributes().first("employeeid").orElseThrow().asString()).isEqualTo("E100");
        assertThat(jane.primarySmtpAddress()).isEqualTo("jane@contoso.com");
        assertThat(users.get(1).immutableId()).isNull();
        assertThat(users.get(1).onPremisesSyncEnabled()).isNull();
        assertThat(users.get(2).immutableId().value()).isEqualTo(" BpazOkLGm0iEtljAONPvOQ== ");
        assertThat(users.get(2).onPremisesSyncEnabled()).isFalse();
        assertThat(users.get(2).onPremisesLastSyncDateTime()).isEqualTo(Instant.parse("2026-11-20T10:15:00Z"));
    }

    @Test
    void records_acceptTheLegacyColumnNames() throws IOException {
        Path file = ExportFile.lines("ObjectId,userprincipalname,ImmutableId,HoldsAdminRole",
                "u1,admin@contoso.com,BpazOkLGm0iEtljAONPvOQ==,true").writeTo(dir, "legacy.csv");

        CloudUser user = read(file).get(0);

        assertThat(user.id()).isEqualTo("u1");
        assertThat(user.holdsAdminRole()).isTrue();
    }

    @Test
    void records_rejectRowsWithBadFlagsOrNoId() throws IOException {
        Path file = ExportFile.lines(HEADER,
                "\"\",\"noid@contoso.com\",\"\",\"\",\"\",\"\",\"\",\"\"",
                "\"u2\",\"yes@contoso.com\",\"\",\"Yes\",\"\",\"\",\"\",\"\"").writeTo(dir, "bad.csv");

        List<DirectoryRecord<CloudUser>> records;
        try (CloudCsvExport export = CloudCsvExport.open(file); var stream = export.records()) {
            records = stream.toList();
        }

        assertThat(records).map(Object::toString).containsExactly(
                "bad.csv, line 2 (noid@contoso.com): has no Id",
                "bad.csv, line 3 (yes@contoso.com): OnPremisesSyncEnabled is 'Yes', expected True, False or empty");
    }

    @Test
    void records_rejectRowsWithoutUpnOrWithTooFewValuesAndCarryOn() throws IOException {
        Path file = ExportFile.lines(HEADER,
                "\"u1\",\"\",\"BpazOkLGm0iEtljAONPvOQ==\",\"True\",\"\",\"\",\"\",\"\"",
                "\"u2\",\"short@contoso.com\",\"\"",
                "\"u3\",\"jane@contoso.com\",\"\",\"\",\"\",\"\",\"\",\"\"").writeTo(dir, "rows.csv");

        List<DirectoryRecord<CloudUser>> records;
        try (CloudCsvExport export = CloudCsvExport.open(file); var stream = export.records()) {
            records = stream.toList();
        }

        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isEqualTo(new DirectoryRecord.Rejected<CloudUser>("rows.csv", "line 2", "u1",
                "has no UserPrincipalName"));
        assertThat(records.get(1)).hasToString("rows.csv, line 3 (short@contoso.com): has 3 values, the header has 8;"
                + " a quote may be unbalanced");
        assertThat(records.get(2).orElseThrow().userPrincipalName()).isEqualTo("jane@contoso.com");
    }

    @Test
    void records_readHoldsAdminRoleInAnyCaseAndRejectOtherValuesWithTheirLine() throws IOException {
        Path file = ExportFile.lines("\"Id\",\"UserPrincipalName\",\"OnPremisesImmutableId\",\"HoldsAdminRole\"",
                "\"u1\",\"root@contoso.com\",\"\",\"True\"",
                "\"u2\",\"ops@contoso.com\",\"\",\"TRUE\"",
                "\"u3\",\"jane@contoso.com\",\"\",\"False\"",
                "\"u4\",\"joe@contoso.com\",\"\",\"false\"",
                "\"u5\",\"ann@contoso.com\",\"\",\"\"",
                "\"u6\",\"bob@contoso.com\",\"\",\"1\"").writeTo(dir, "roles.csv");

        List<DirectoryRecord<CloudUser>> records;
        try (CloudCsvExport export = CloudCsvExport.open(file); var stream = export.records()) {
            records = stream.toList();
        }

        assertThat(records.subList(0, 5)).extracting(r -> r.orElseThrow().holdsAdminRole())
                .containsExactly(true, true, false, false, false);
        assertThat(records.get(5)).isInstanceOf(DirectoryRecord.Rejected.class)
                .hasToString("roles.csv, line 7 (bob@contoso.com): HoldsAdminRole is '1', expected True, False or "
                        + "empty");
    }

    @Test
    void records_countEveryUnreadableSyncDateAndWarnOnceWithTheFirstLines() throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 8; i++) {
            String date = i == 2 ? "2026-11-20T10:15:00Z" : i == 0 ? "yesterday" : i == 4 ? "2026-13-20T10:15:00Z"
                    : i == 6 ? "13/20/2026 10:15:00 AM" : "20.11.2026 10:15";
            lines.add("\"u" + i + "\",\"u" + i + "@contoso.com\",\"\",\"\",\"\",\"\",\"\",\"" + date + "\"");
        }
        Path file = ExportFile.lines(lines.toArray(String[]::new)).writeTo(dir, "dates.csv");
        CloudCsvExport export = CloudCsvExport.open(file);
        assertThat(export.unreadableSyncDates()).isEmpty();

        List<DirectoryRecord<CloudUser>> records;
        String log;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Stream<DirectoryRecord<CloudUser>> stream = export.records()) {
            records = stream.toList();
        } finally {
            System.setErr(originalErr);
            log = captured.toString(StandardCharsets.UTF_8);
        }

        assertThat(records).allSatisfy(r -> assertThat(r).isInstanceOf(DirectoryRecord.Usable.class));
        assertThat(records).extracting(r -> r.orElseThrow().onPremisesLastSyncDateTime()).filteredOn(d -> d != null)
                .containsExactly(Instant.parse("2026-11-20T10:15:00Z"));
        assertThat(export.unreadableSyncDates()).hasValue(7);
        assertThat(log.lines().filter(l -> l.contains("OnPremisesLastSyncDateTime"))).singleElement(
                InstanceOfAssertFactories.STRING).contains("dates.csv: 7 OnPremisesLastSyncDateTime values are not "
                        + "ISO 8601 or M/d/yyyy h:mm:ss tt, left empty (lines 2, 3, 5, 6, 7, …; the first is "
                        + "'yesterday')");
    }

    @Test
    void of_failsForAnOnPremExportWithTheCloudCommand() throws IOException {
        Path file = ExportFile.lines("DistinguishedName,UserPrincipalName,ObjectGUID", "\"CN=A\",a@x.com,x")
                .writeTo(dir, "ad.csv");

        assertThatThrownBy(() -> CloudCsvExport.open(file))
                .isInstanceOf(ExportFileException.class)
                .hasMessageContaining("lacks the column(s) Id, OnPremisesImmutableId")
                .hasMessageContaining("Get-MgUser");
    }

    @Test
    void of_refusesAWorkbookWithTheCloudCommand() throws IOException {
        Path workbook = Files.write(dir.resolve("entrausers.xlsx"), new byte[] {'P', 'K', 3, 4, 20, 0});

        assertThatThrownBy(() -> CloudCsvExport.open(workbook)).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith("entrausers.xlsx: is a ZIP archive, probably an Excel workbook (.xlsx)")
                .hasMessageEndingWith(ExportCommands.CLOUD);
    }

    @Test
    void records_failOnStringArraysWrittenAsTypeNames() throws IOException {
        Path file = ExportFile.lines(HEADER,
                "\"u1\",\"a@contoso.com\",\"\",\"\",\"\",\"\",\"System.String[]\",\"\"").writeTo(dir, "arr.csv");

        assertThatThrownBy(() -> read(file)).isInstanceOf(ExportFileException.class)
                .hasMessageContaining("'System.String[]'").hasMessageContaining("ProxyAddresses -join ';'");
    }

    private static List<CloudUser> read(Path file) {
        try (CloudCsvExport export = CloudCsvExport.open(file); Stream<CloudUser> users = export.users()) {
            return users.toList();
        }
    }
}
