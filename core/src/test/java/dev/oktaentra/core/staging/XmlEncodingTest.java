package dev.oktaentra.core.staging;

import static dev.oktaentra.core.staging.Fixtures.DN_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.DirectoryRecord;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The encoding comes from the BOM or the declaration; non-ASCII names must survive every one. */
class XmlEncodingTest {

    private static final String NAME = "Zoë Ångström-山田 \uD83D\uDE00";

    private static SyntheticExport export() {
        return SyntheticExport.create().object(DN_A, "user").delta("add", DN_A)
                .attr("displayName", null, NAME).attr("userPrincipalName", null, "zoe@contoso.com").end();
    }

    @ParameterizedTest(name = "{0}, BOM {1}")
    @CsvSource({"UTF-16LE,true", "UTF-16BE,true", "UTF-16LE,false", "UTF-16BE,false", "UTF-8,true", "UTF-8,false"})
    void open_detectsTheEncodingFromBomOrDeclaration(String charsetName, boolean bom, @TempDir Path dir) {
        Charset charset = Charset.forName(charsetName);
        Path file = SyntheticExport.writeBytes(dir, "export.xml", export().bytes(charset, bom));

        List<DirectoryRecord<PendingExport>> records = Fixtures.readAll(PendingExportReader.open(file));

        assertThat(records).hasSize(1);
        PendingExport only = records.get(0).orElseThrow();
        assertThat(only.delta().attribute("displayName").addedValues()).containsExactly(NAME);
        assertThat(only.userPrincipalName()).isEqualTo("zoe@contoso.com");
    }

    @Test
    void open_honoursADeclaredSingleByteEncoding(@TempDir Path dir) {
        String latin = "Zoë Ångström";
        SyntheticExport export = SyntheticExport.create().object(DN_A, "user").delta("add", DN_A)
                .attr("displayName", null, latin).end();
        Path file = SyntheticExport.writeBytes(dir, "latin1.xml", export.bytes(StandardCharsets.ISO_8859_1, false));

        assertThat(Fixtures.readAll(PendingExportReader.openXml(file)).get(0).orElseThrow()
                .delta().attribute("displayName").addedValues()).containsExactly(latin);
    }

    @Test
    void open_utf16WithBom_isRecognisedAsXmlNotCsv(@TempDir Path dir) {
        Path file = SyntheticExport.writeBytes(dir, "export.dat", export().bytes(StandardCharsets.UTF_16LE, true));

        assertThat(ExportFormat.sniff(file)).isEqualTo(ExportFormat.XML);
    }

    @Test
    void open_declaredUtf16WithoutBomInSingleByteText_isReadAsUtf8(@TempDir Path dir) {
        String xml = export().xml().replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        Path file = SyntheticExport.writeBytes(dir, "resaved.xml", xml.getBytes(StandardCharsets.UTF_8));

        assertThat(Fixtures.readAll(PendingExportReader.open(file)).get(0).orElseThrow()
                .delta().attribute("displayName").addedValues()).containsExactly(NAME);
    }

    @Test
    void strictDecoding_oneCharAtATime_keepsSurrogatePairs() throws Exception {
        String text = "a\r\nb\uD83D\uDE00c\rd\n\u00e9";
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(
                SyntheticExport.stream(text.getBytes(StandardCharsets.UTF_8)));
        StringBuilder read = new StringBuilder();
        try (StrictDecodingReader reader = new StrictDecodingReader(in, XmlEncoding.detect(in, "t"))) {
            for (int c = reader.read(); c >= 0; c = reader.read()) {
                read.append((char) c);
            }
        }

        assertThat(read.toString()).isEqualTo(text);
    }
}
