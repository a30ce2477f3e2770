package dev.oktaentra.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OnPremCsvExportTest {

    private static final String HEADER =
            "\"DistinguishedName\",\"UserPrincipalName\",\"SamAccountName\",\"ObjectGUID\",\"mail\",\"employeeID\","
                    + "\"mS-DS-ConsistencyGuid\",\"proxyAddresses\"";
    private static final String JANE = "\"CN=Doe\\, Jane,OU=Staff,DC=contoso,DC=com\",\"jane@contoso.com\",\"jdoe\","
            + "\"3ab39606-c642-489b-84b6-58c038d3ef39\",\"jane@contoso.com\",\"E100\",\"\","
            + "\"SMTP:jane@contoso.com;smtp:j.doe@contoso.com\"";
    private static final String BOB = "\"CN=Bob,OU=Staff,DC=contoso,DC=com\",\"bob@contoso.com\",\"bob\","
            + "\"8c4ac332-975f-4717-ad7b-ba4a4e968fff\",\"\",\"\",\"MsNKjF+XF0ete7pKTpaP/w==\",\"\"";

    @TempDir
    Path dir;

    static Stream<UnaryOperator<ExportFile>> encodings() {
        return Stream.of(f -> f, ExportFile::utf8Bom, ExportFile::utf16le, ExportFile::utf16be, ExportFile::ascii,
                ExportFile::lf, f -> f.withTypeLine().utf8Bom(), f -> f.withTypeLine().utf16le().lf());
    }

    @ParameterizedTest
    @MethodSource("encodings")
    void records_readEveryPowerShellEncodingAndLineEnd(UnaryOperator<ExportFile> variant) throws IOException {
        Path file = variant.apply(ExportFile.lines(HEADER, JANE, BOB)).writeTo(dir, "adusers.csv");

        List<OnPremUser> users = read(file);

        assertThat(users).hasSize(2);
        OnPremUser jane = users.get(0);
        assertThat(jane.distinguishedName()).isEqualTo("CN=Doe\\, Jane,OU=Staff,DC=contoso,DC=com");
        assertThat(jane.userPrincipalName()).isEqualTo("jane@contoso.com");
        assertThat(jane.samAccountName()).isEqualTo("jdoe");
        assertThat(jane.objectGuid()).hasToString("3ab39606-c642-489b-84b6-58c038d3ef39");
        assertThat(jane.consistencyGuid()).isNull();
        assertThat(jane.proxyAddresses()).containsExactly("SMTP:jane@contoso.com", "smtp:j.doe@contoso.com");
        assertThat(jane.primarySmtpAddress()).isEqualTo("jane@contoso.com");
        assertThat(jane.attributes().first("EMPLOYEEID")).contains(AttributeValue.ofString("E100"));
        assertThat(jane.origin()).isEqualTo("adusers.csv");
        OnPremUser bob = users.get(1);
        assertThat(bob.consistencyGuid()).hasToString("8c4ac332-975f-4717-ad7b-ba4a4e968fff");
        assertThat(bob.mail()).isNull();
        assertThat(bob.proxyAddresses()).isEmpty();
    }

    @Test
    void records_readQuotedCommasQuotesAndLineBreaks() throws IOException {
        Path file = ExportFile.lines("DistinguishedName,UserPrincipalName,ObjectGUID,Description",
                "\"CN=A,DC=x\",a@x.com,3ab39606-c642-489b-84b6-58c038d3ef39,\"says \"\"hi\"\",\r\nthen, bye\"",
                "\"CN=B,DC=x\",b@x.com,8c4ac332-975f-4717-ad7b-ba4a4e968fff,plain").writeTo(dir, "q.csv");

        List<OnPremUser> users = read(file);

        assertThat(users).extracting(u -> u.attributes().first("Description").orElseThrow().asString())
                .containsExactly("says \"hi\",\r\nthen, bye", "plain");
    }

    @Test
    void records_numberLinesAfterATypeLineAndAcrossQuotedLineBreaks() throws IOException {
        Path file = ExportFile.lines("DistinguishedName,UserPrincipalName,ObjectGUID,Description",
                "\"CN=A,DC=x\",a@x.com,3ab39606-c642-489b-84b6-58c038d3ef39,\"first\r\nsecond\r\nthird\"",
                "\"CN=B,DC=x\",b@x.com,bad-guid,plain",
                "\"CN=C,DC=x\",c@x.com,8c4ac332-975f-4717-ad7b-ba4a4e968fff,\"one\ntwo\"",
                "\"CN=D,DC=x\",,56d352bc-dd5a-4480-bc39-cc297ef49faf,plain",
                "\"CN=E,DC=x\",e@x.com,56d352bc-dd5a-4480-bc39-cc297ef49faf,plain")
                .withTypeLine().utf16le().writeTo(dir, "lines.csv");

        List<DirectoryRecord<OnPremUser>> records;
        try (OnPremCsvExport export = OnPremCsvExport.open(file); var stream = export.records()) {
            records = stream.toList();
        }

        assertThat(records).extracting(OnPremCsvExportTest::line)
                .containsExactly("line 3", "line 6", "line 7", "line 9", "line 10");
    }

    @Test
    void records_numberLinesPastBlankLines() throws IOException {
        Path file = ExportFile.lines("DistinguishedName,UserPrincipalName,ObjectGUID", "",
                "\"CN=A,DC=x\",a@x.com,3ab39606-c642-489b-84b6-58c038d3ef39", "", "",
                "\"CN=B,DC=x\",b@x.com,bad-guid", "").writeTo(dir, "blank.csv");

        List<DirectoryRecord<OnPremUser>> records;
        try (OnPremCsvExport export = OnPremCsvExport.open(file); var stream = export.records()) {
            records = stream.toList();
        }

        assertThat(records).extracting(OnPremCsvExportTest::line).containsExactly("line 3", "line 6");
    }

    private static String line(DirectoryRecord<OnPremUser> record) {
        return record instanceof DirectoryRecord.Usable<OnPremUser> usable ? "line " + usable.line()
                : ((DirectoryRecord.Rejected<OnPremUser>) record).location();
    }

    @Test
    void records_findColumnsCaseInsensitivelyAndByAlias() throws IOException {
        Path file = ExportFile.lines("dn,upn,OBJECTGUID,EmailAddress,msds-consistencyguid",
                "\"CN=A,DC=x\",a@x.com,3ab39606-c642-489b-84b6-58c038d3ef39,a@x.com,"
                        + "{8C4AC332-975F-4717-AD7B-BA4A4E968FFF}").writeTo(dir, "alias.csv");

        OnPremUser user = read(file).get(0);

        assertThat(user.mail()).isEqualTo("a@x.com");
        assertThat(user.consistencyGuid()).hasToString("8c4ac332-975f-4717-ad7b-ba4a4e968fff");
    }

    @Test
    void records_rejectUnusableRowsWithTheirLineAndCarryOn() throws IOException {
        Path file = ExportFile.lines(HEADER,
                "\"CN=Bad,DC=x\",\"bad@x.com\",\"bad\",\"3ab39606-c642-489b-84b6-58c038d3ef3\",\"\",\"\",\"\",\"\"",
                "\"CN=Multi,DC=x\",\"\",\"m\",\"3ab39606-c642-489b-84b6-58c038d3ef39\",\"\",\"line one\nline two\","
                        + "\"\",\"\"",
                "\"CN=Short,DC=x\",\"s@x.com\"",
                "\"CN=Cg,DC=x\",\"cg@x.com\",\"cg\",\"3ab39606-c642-489b-84b6-58c038d3ef39\",\"\",\"\",\"xyz\",\"\"",
                JANE).writeTo(dir, "mixed.csv");

        List<DirectoryRecord<OnPremUser>> records;
        try (OnPremCsvExport export = OnPremCsvExport.open(file); var stream = export.records()) {
            records = stream.toList();
        }

        assertThat(records).hasSize(5);
        assertThat(records.subList(0, 4)).allSatisfy(r -> assertThat(r).isInstanceOf(DirectoryRecord.Rejected.class));
        assertThat(records.get(0)).hasToString("mixed.csv, line 2 (bad@x.com): ObjectGUID "
                + "'3ab39606-c642-489b-84b6-58c038d3ef3' has 31 hex digits, a GUID has 32");
        assertThat(records.get(1).toString()).startsWith("mixed.csv, line 3 (CN=Multi,DC=x): has no UserPrincipalName");
        assertThat(records.get(2).toString()).startsWith("mixed.csv, line 5 (s@x.com): has 2 values, the header has 8");
        assertThat(records.get(3).toString()).startsWith("mixed.csv, line 6 (cg@x.com): mS-DS-ConsistencyGuid 'xyz'");
        assertThat(records.get(4).orElseThrow().userPrincipalName()).isEqualTo("jane@contoso.com");
    }

    @Test
    void of_failsAtOnceWhenRequiredColumnsAreMissing() throws IOException {
        Path file = ExportFile.lines("Id,UserPrincipalName,OnPremisesImmutableId", "1,a@x.com,abc").writeTo(dir, "c.csv");

        assertThatThrownBy(() -> OnPremCsvExport.open(file))
                .isInstanceOf(ExportFileException.class)
                .hasMessageContaining("c.csv: lacks the column(s) DistinguishedName, ObjectGUID")
                .hasMessageContaining("Get-ADUser");
    }

    @Test
    void records_failWithTheWorkingCommandWhenPowerShellWroteTypeNames() throws IOException {
        Path file = ExportFile.lines(HEADER, JANE,
                "\"CN=X,DC=x\",\"x@x.com\",\"x\",\"3ab39606-c642-489b-84b6-58c038d3ef39\",\"\",\"\",\"System.Byte[]\","
                        + "\"Microsoft.ActiveDirectory.Management.ADPropertyValueCollection\"")
                .writeTo(dir, "types.csv");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(ExportFileException.class)
                .hasMessageContaining("types.csv: line 3 holds the PowerShell type name 'System.Byte[]'")
                .hasMessageContaining("-join ';'");
    }

    @Test
    void records_failWithTheWorkingCommandOnAnUnflattenedPropertyValueCollection() throws IOException {
        Path file = ExportFile.lines(HEADER, JANE,
                "\"CN=X,DC=x\",\"x@x.com\",\"x\",\"3ab39606-c642-489b-84b6-58c038d3ef39\",\"\",\"\",\"\","
                        + "\"Microsoft.ActiveDirectory.Management.ADPropertyValueCollection\"")
                .writeTo(dir, "collection.csv");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(ExportFileException.class)
                .hasMessageContaining("collection.csv: line 3 holds the PowerShell type name "
                        + "'Microsoft.ActiveDirectory.Management.ADPropertyValueCollection'")
                .hasMessageEndingWith(ExportCommands.ON_PREM);
    }

    @Test
    void of_refusesBinaryFilesWorkbooksAndEmptyFilesWithTheWorkingCommand() throws IOException {
        Path binary = Files.write(dir.resolve("blob.csv"), new byte[] {'D', 'N', 0, 1, 2, 3});
        Path workbook = Files.write(dir.resolve("users.xlsx"), new byte[] {'P', 'K', 3, 4, 20, 0});
        Path legacy = Files.write(dir.resolve("users.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        Path empty = Files.write(dir.resolve("empty.csv"), "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> OnPremCsvExport.open(binary)).isInstanceOf(ExportFileException.class)
                .hasMessageContaining("blob.csv: is binary").hasMessageEndingWith(ExportCommands.ON_PREM);
        assertThatThrownBy(() -> OnPremCsvExport.open(workbook)).isInstanceOf(ExportFileException.class)
                .hasMessageContaining("users.xlsx: is a ZIP archive, probably an Excel workbook")
                .hasMessageEndingWith(ExportCommands.ON_PREM);
        assertThatThrownBy(() -> OnPremCsvExport.open(legacy)).isInstanceOf(ExportFileException.class)
                .hasMessageContaining("users.xls: is a legacy Office document").hasMessageEndingWith(ExportCommands.ON_PREM);
        assertThatThrownBy(() -> OnPremCsvExport.open(empty)).isInstanceOf(ExportFileException.class)
                .hasMessageContaining("empty.csv: is empty").hasMessageEndingWith(ExportCommands.ON_PREM);
        assertThatThrownBy(() -> OnPremCsvExport.open(dir.resolve("missing.csv")))
                .isInstanceOf(ExportFileException.class).hasMessageContaining("does not exist");
    }

    @Test
    void records_failOnBytesThatAreNotUtf8() throws IOException {
        byte[] good = ExportFile.lines(HEADER, JANE).bytes();
        byte[] bad = "\"CN=Ren\u00e9,DC=x\",\"r@x.com\",\"r\",\"3ab39606-c642-489b-84b6-58c038d3ef39\",\"\",\"\",\"\",\"\"\r\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("ansi.csv");
        Files.write(file, good);
        Files.write(file, bad, java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(ExportFileException.class)
                .hasMessageContaining("ansi.csv: has bytes that are not valid text")
                .hasMessageContaining("byte 0xE9")
                .hasMessageContaining("(line 3)")
                .hasMessageContaining("-Encoding UTF8");
    }

    @Test
    void users_throwOnTheFirstRejectedRecord() throws IOException {
        Path file = ExportFile.lines(HEADER, "\"CN=Bad,DC=x\",\"\",\"\",\"nope\",\"\",\"\",\"\",\"\"").writeTo(dir, "r.csv");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(dev.oktaentra.core.directory.RejectedRecordException.class)
                .hasMessageContaining("r.csv, line 2");
    }

    private static List<OnPremUser> read(Path file) {
        try (OnPremCsvExport export = OnPremCsvExport.open(file); Stream<OnPremUser> users = export.users()) {
            return users.toList();
        }
    }
}
