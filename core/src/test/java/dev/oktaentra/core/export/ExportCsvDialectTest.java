package dev.oktaentra.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremUser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corners of the CSV dialect the export readers accept, and the errors for what they refuse. */
class ExportCsvDialectTest {

    private static final String HEADER = "DistinguishedName,UserPrincipalName,ObjectGUID,Description";
    private static final String ANN = "\"CN=Ann,DC=x\",ann@x.com,3ab39606-c642-489b-84b6-58c038d3ef39,plain";

    @TempDir
    Path dir;

    @Test
    void records_keepAQuoteInsideAnUnquotedFieldAsText() throws IOException {
        Path file = ExportFile.lines(HEADER, "CN=OBrien,o'brien@x.com,8c4ac332-975f-4717-ad7b-ba4a4e968fff,"
                + "6\" screen", ANN).writeTo(dir, "quote.csv");

        List<OnPremUser> users = read(file);

        assertThat(users).extracting(u -> u.attributes().first("Description").orElseThrow().asString())
                .containsExactly("6\" screen", "plain");
    }

    @Test
    void records_readLinesEndedByCarriageReturnsAlone() throws IOException {
        Path file = ExportFile.lines(HEADER, ANN, "\"CN=B,DC=x\",b@x.com,bad-guid,\"two\rlines\"",
                "\"CN=C,DC=x\",c@x.com,8c4ac332-975f-4717-ad7b-ba4a4e968fff,plain").cr().writeTo(dir, "cr.csv");

        List<DirectoryRecord<OnPremUser>> records = records(file);

        assertThat(records).extracting(ExportCsvDialectTest::line).containsExactly("line 2", "line 3", "line 5");
        assertThat(records.get(2).orElseThrow().userPrincipalName()).isEqualTo("c@x.com");
    }

    @Test
    void records_countACarriageReturnAloneInsideQuotesAsALineEnd() throws IOException {
        Path file = ExportFile.lines(HEADER, "\"CN=A,DC=x\",a@x.com,3ab39606-c642-489b-84b6-58c038d3ef39,"
                + "\"old\rMac text\nthen Unix\"", "\"CN=B,DC=x\",b@x.com,bad-guid,plain").writeTo(dir, "mixed.csv");

        List<DirectoryRecord<OnPremUser>> records = records(file);

        assertThat(records).extracting(ExportCsvDialectTest::line).containsExactly("line 2", "line 5");
    }

    @Test
    void records_skipEmptyLinesAtTheEndButRejectALineOfSpacesWithItsLine() throws IOException {
        Path file = ExportFile.lines(HEADER, ANN, "   ", ANN, "", "", "").writeTo(dir, "tail.csv");

        List<DirectoryRecord<OnPremUser>> records = records(file);

        assertThat(records).extracting(ExportCsvDialectTest::line).containsExactly("line 2", "line 3", "line 4");
        assertThat(records.get(1)).hasToString("tail.csv, line 3 (   ): has 1 values, the header has 4; a quote may be "
                + "unbalanced");
    }

    @Test
    void records_refuseTextAfterAClosingQuoteNamingTheLineTheRowStartsOn() throws IOException {
        Path file = ExportFile.lines(HEADER, ANN, "\"CN=B,DC=x\",b@x.com,8c4ac332-975f-4717-ad7b-ba4a4e968fff,"
                + "\"first line", "second\" line\"", ANN).writeTo(dir, "broken.csv");

        assertThatThrownBy(() -> records(file)).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith("broken.csv: is not a well-formed CSV at line 3: ")
                .hasMessageContaining("after its closing quote");
    }

    @Test
    void records_refuseAQuoteNeverClosedBeforeTheEndNamingTheLineTheRowStartsOn() throws IOException {
        Path file = ExportFile.lines(HEADER, ANN, ANN, "\"CN=B,DC=x\",b@x.com,8c4ac332-975f-4717-ad7b-ba4a4e968fff,"
                + "\"never closed", "more text").writeTo(dir, "open.csv");

        assertThatThrownBy(() -> records(file)).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith("open.csv: is not a well-formed CSV at line 4: ")
                .hasMessageContaining("not closed");
    }

    private static List<OnPremUser> read(Path file) {
        try (OnPremCsvExport export = OnPremCsvExport.open(file); var users = export.users()) {
            return users.toList();
        }
    }

    private static List<DirectoryRecord<OnPremUser>> records(Path file) {
        try (OnPremCsvExport export = OnPremCsvExport.open(file); var records = export.records()) {
            return records.toList();
        }
    }

    private static String line(DirectoryRecord<OnPremUser> record) {
        return record instanceof DirectoryRecord.Usable<OnPremUser> usable ? "line " + usable.line()
                : ((DirectoryRecord.Rejected<OnPremUser>) record).location();
    }
}
