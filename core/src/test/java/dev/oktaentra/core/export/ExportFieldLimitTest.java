package dev.oktaentra.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.internal.CsvLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A field, or a row, larger than any directory export holds is refused with its file and line, not read whole. */
class ExportFieldLimitTest {

    private static final String HEADER = "DistinguishedName,UserPrincipalName,ObjectGUID,Description";
    private static final String ANN = "\"CN=Ann,DC=x\",ann@x.com,3ab39606-c642-489b-84b6-58c038d3ef39,hello";

    @TempDir
    Path dir;

    private static String row(String name, String description) {
        return "\"CN=" + name + ",DC=x\"," + name + "@x.com,8c4ac332-975f-4717-ad7b-ba4a4e968fff," + description;
    }

    @Test
    void records_refuseAQuotedFieldOverTheLimitNamingFileAndLine() throws IOException {
        String big = "\"" + "x".repeat(CsvLimits.MAX_FIELD_CHARS + 1) + "\"";
        Path file = ExportFile.lines(HEADER, ANN, row("bob", big), row("cy", "after")).writeTo(dir, "big.csv");

        assertThatThrownBy(() -> read(file)).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith("big.csv: line 3: a field is longer than 1,048,576 characters");
    }

    @Test
    void records_refuseAnUnquotedFieldOverTheLimitCountingTheTypeLine() throws IOException {
        String big = "y".repeat(CsvLimits.MAX_FIELD_CHARS + 1);
        Path file = ExportFile.lines(HEADER, ANN, ANN, row("bob", big)).withTypeLine().lf().writeTo(dir, "big.csv");

        assertThatThrownBy(() -> read(file)).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith("big.csv: line 5: a field is longer than 1,048,576 characters");
    }

    @Test
    void records_refuseAQuotedFieldOfManyShortLinesNamingTheLineItStartsOn() throws IOException {
        String big = "\"" + "line of text\r\n".repeat(CsvLimits.MAX_FIELD_CHARS / 14 + 1) + "\"";
        Path file = ExportFile.lines(HEADER, ANN, row("bob", big)).writeTo(dir, "lines.csv");

        assertThatThrownBy(() -> read(file)).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith("lines.csv: line 3: a field is longer than 1,048,576 characters");
    }

    @Test
    void records_sayAQuoteMayBeUnclosedWhenTheRestOfTheFileIsOneField() throws IOException {
        String[] lines = new String[30_003];
        lines[0] = HEADER;
        lines[1] = ANN;
        lines[2] = row("bob", "\"never closed");
        for (int i = 3; i < lines.length; i++) {
            lines[i] = "text without quotes, forty characters or so";
        }
        Path file = ExportFile.lines(lines).writeTo(dir, "quote.csv");

        assertThatThrownBy(() -> read(file)).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith("quote.csv: line 3: a field is longer than 1,048,576 characters")
                .hasMessageContaining("a quote that is never closed");
    }

    @Test
    void records_readAFieldOfExactlyTheLimit() throws IOException {
        String most = "z".repeat(CsvLimits.MAX_FIELD_CHARS);
        Path file = ExportFile.lines(HEADER, ANN, row("bob", "\"" + most + "\""), row("cy", most))
                .writeTo(dir, "most.csv");

        List<OnPremUser> users = read(file);

        assertThat(users).hasSize(3);
        assertThat(users.get(1).attributes().first("Description").orElseThrow().asString()).isEqualTo(most);
        assertThat(users.get(2).attributes().first("Description").orElseThrow().asString()).isEqualTo(most);
    }

    @Test
    void of_refusesAHeaderFieldOverTheLimit() throws IOException {
        Path file = ExportFile.lines(HEADER + "," + "h".repeat(CsvLimits.MAX_FIELD_CHARS + 1), ANN)
                .writeTo(dir, "header.csv");

        assertThatThrownBy(() -> OnPremCsvExport.open(file)).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith("header.csv: line 1: a field is longer than 1,048,576 characters");
    }

    @Test
    void of_refusesATypeLineOverTheLimit() throws IOException {
        Path file = ExportFile.lines("#TYPE " + "t".repeat(CsvLimits.MAX_FIELD_CHARS + 1), HEADER, ANN)
                .writeTo(dir, "type.csv");

        assertThatThrownBy(() -> OnPremCsvExport.open(file)).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith("type.csv: line 1: ");
    }

    @Test
    void records_refuseARowOfMoreFieldsThanASpreadsheetHasColumns() throws IOException {
        Path file = ExportFile.lines(HEADER, ANN, ",".repeat(CsvLimits.MAX_FIELDS)).writeTo(dir, "wide.csv");

        assertThatThrownBy(() -> read(file)).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith("wide.csv: line 3: a row has more than 16,384 fields");
    }

    @Test
    void records_readARowOfExactlyTheMostFields() throws IOException {
        Path file = ExportFile.lines(HEADER, ANN, row("bob", ",".repeat(CsvLimits.MAX_FIELDS - 4)))
                .writeTo(dir, "widest.csv");

        try (OnPremCsvExport export = OnPremCsvExport.open(file);
                Stream<?> records = export.records()) {
            assertThat(records).hasSize(2);
        }
    }

    @Test
    void cloudRecords_refuseAFieldOverTheLimitToo() throws IOException {
        Path file = ExportFile.lines("Id,UserPrincipalName,OnPremisesImmutableId",
                "1,a@x.com," + "A".repeat(CsvLimits.MAX_FIELD_CHARS + 4)).writeTo(dir, "entra.csv");

        assertThatThrownBy(() -> {
            try (CloudCsvExport export = CloudCsvExport.open(file); Stream<?> records = export.records()) {
                records.forEach(r -> { });
            }
        }).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith("entra.csv: line 2: a field is longer than 1,048,576 characters");
    }

    private static List<OnPremUser> read(Path file) {
        try (OnPremCsvExport export = OnPremCsvExport.open(file); Stream<OnPremUser> users = export.users()) {
            return users.toList();
        }
    }
}
