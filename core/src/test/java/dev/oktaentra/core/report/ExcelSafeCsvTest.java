package dev.oktaentra.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExcelSafeCsvTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
        "@SUM(A1)|'@SUM(A1)",
        "=1+1|'=1+1",
        "=A1|'=A1",
        "@A1|'@A1",
        "-A1*B1|'-A1*B1",
        "+1 2|'+1 2",
        "-1,5|'-1,5",
        "jdoe@contoso.com|jdoe@contoso.com",
        "BpazOkLGm0iEtljAONPvOQ==|BpazOkLGm0iEtljAONPvOQ==",
        "+/8=|+/8=",
        "+1+2|+1+2",
        "-2+3|-2+3",
        "-12|-12",
        "-1.5|-1.5",
        "-|-",
        "+|+"
    })
    void neutralise_prefixesCellsASpreadsheetCouldRunSomethingFrom(String value, String expected) {
        assertThat(ExcelSafeCsv.neutralise(value)).isEqualTo(expected);
    }

    @Test
    void neutralise_coversTabCarriageReturnLineFeedNulAndFullWidthStarters() {
        for (String starter : List.of("\t", "\r", "\n", "\0", "\uff1d", "\uff0b", "\uff0d", "\uff20")) {
            assertThat(ExcelSafeCsv.neutralise(starter + "1")).as("%04x", (int) starter.charAt(0))
                    .isEqualTo("'" + starter + "1");
        }
    }

    @Test
    void create_writesBomCrlfAndQuotedCells() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExcelSafeCsv csv = ExcelSafeCsv.open(out, "upn", "note")) {
            csv.row("a@contoso.com", "comma, \"quote\"\nand line");
            csv.row("=cmd|' /C calc'!A0", null);
        }
        byte[] bytes = out.toByteArray();

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("upn,note\r\n");
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(1)).isEqualTo("comma, \"quote\"\nand line");
        assertThat(rows.get(2).get(0)).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(rows.get(2).get(1)).isEmpty();
    }

    @Test
    void row_writesNonAsciiAndHugeCellsAsUtf8() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String huge = "x".repeat(200_000);
        try (ExcelSafeCsv csv = ExcelSafeCsv.open(out, "name", "blob")) {
            csv.row("Ren\u00e9e M\u00fcller, \u6771\u4eac", huge);
            csv.row("plain", huge + "\"");
        }
        String text = new String(out.toByteArray(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();

        assertThat(rows.get(1).get(0)).isEqualTo("Ren\u00e9e M\u00fcller, \u6771\u4eac");
        assertThat(rows.get(1).get(1)).isEqualTo(huge);
        assertThat(rows.get(2).get(1)).isEqualTo(huge + "\"");
    }

    @Test
    void row_refusesAWrongNumberOfValues() {
        try (ExcelSafeCsv csv = ExcelSafeCsv.open(new ByteArrayOutputStream(), "a", "b")) {
            assertThatThrownBy(() -> csv.row("only one")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs 2 values, got 1");
        }
    }

    /** The byte path must write exactly what a string's neutralised, quoted form is, for any text. */
    @net.jqwik.api.Property(tries = 2000)
    void cellFromBytes_writesWhatTheStringsNeutralisedQuotedFormIs(
            @net.jqwik.api.ForAll("cellTexts") String value) {
        byte[] utf8 = ("xx" + value + "yy").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream fromBytes = new ByteArrayOutputStream();
        try (ExcelSafeCsv csv = ExcelSafeCsv.open(fromBytes, "A")) {
            csv.cell(utf8, 2, utf8.length - 4).endRow();
        }
        String neutralised = ExcelSafeCsv.neutralise(value);
        boolean quote = neutralised.contains(",") || neutralised.contains("\"") || neutralised.contains("\n")
                || neutralised.contains("\r");
        String cell = quote ? "\"" + neutralised.replace("\"", "\"\"") + "\"" : neutralised;
        // As bytes: a lone surrogate has no UTF-8 form and becomes '?' on both sides.
        assertThat(fromBytes.toByteArray())
                .isEqualTo(("\ufeffA\r\n" + cell + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A reader gets every value back from its cell, even one that starts with a quote of its own. */
    @net.jqwik.api.Property(tries = 2000)
    void restore_givesBackEveryNeutralisedValue(@net.jqwik.api.ForAll("cellTexts") String value) {
        assertThat(ExcelSafeCsv.restore(ExcelSafeCsv.neutralise(value))).isEqualTo(value);
        assertThat(ExcelSafeCsv.restore(ExcelSafeCsv.neutralise("'" + value))).isEqualTo("'" + value);
    }

    @Test
    void neutralise_prefixesAValueThatStartsWithAQuote_soThatItDiffersFromANeutralisedFormula() {
        assertThat(ExcelSafeCsv.neutralise("'=1+1")).isEqualTo("''=1+1");
        assertThat(ExcelSafeCsv.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(ExcelSafeCsv.restore("''=1+1")).isEqualTo("'=1+1");
        assertThat(ExcelSafeCsv.restore("'=1+1")).isEqualTo("=1+1");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> cellTexts() {
        return net.jqwik.api.Arbitraries.oneOf(
                net.jqwik.api.Arbitraries.strings().withChars("=+-@'\t\r\n,\".0123456789aé€").ofMaxLength(8),
                net.jqwik.api.Arbitraries.strings().all().ofMaxLength(12));
    }

    @Test
    void rowsInMemory_areAppendedInOrderWithoutASecondHeader() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExcelSafeCsv csv = ExcelSafeCsv.open(out, "A", "B")) {
            ExcelSafeCsv part = ExcelSafeCsv.rowsInMemory(2);
            part.cell("2").cell("x,y").endRow();
            csv.row("1", "=one");
            csv.append(part);
            csv.append(part);  // emptied by the first append
            csv.cell((String) null).cell("3").endRow();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\ufeffA,B\r\n1,'=one\r\n2,\"x,y\"\r\n,3\r\n");
    }

    @Test
    void endRow_refusesARowWithTooFewCells() {
        ExcelSafeCsv csv = ExcelSafeCsv.rowsInMemory(2);
        csv.cell("only");
        assertThatThrownBy(csv::endRow).isInstanceOf(IllegalStateException.class)
                .hasMessage("A row needs 2 cells, got 1");
        assertThatThrownBy(() -> ExcelSafeCsv.open(new ByteArrayOutputStream(), "A").append(csv))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
