package dev.oktaentra.core.staging;

import static dev.oktaentra.core.staging.Fixtures.DN_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A byte that is not valid in the file's encoding fails with one message of ours, naming the file, the byte, its
 * offset and its line, and nothing else is printed: the JDK's parser writes {@code [Fatal Error] :-1:-1: …} to
 * stderr when it meets such a byte itself, so the bytes are decoded (strictly) before the parser sees them.
 */
class XmlInvalidBytesTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private String printed() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /** A UTF-8 export whose display name on its own line holds {@code bad} where "ë" would be. */
    private static byte[] withBadBytes(int padding, byte... bad) {
        SyntheticExport export = SyntheticExport.create();
        for (int i = 0; i < padding; i++) {
            export.object("CN=pad" + i + ",DC=contoso,DC=com", "user").delta("add", DN_A)
                    .attr("displayName", null, "pad " + i).end();
        }
        String xml = export.object(DN_A, "user").delta("add", DN_A).attr("displayName", null, "Zo#MARK#").end().xml();
        int mark = xml.indexOf("#MARK#");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(xml.substring(0, mark).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(xml.substring(mark + "#MARK#".length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static long offsetOf(byte[] bytes, byte bad) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == bad) {
                return i;
            }
        }
        throw new AssertionError("no such byte");
    }

    private static long lineOf(byte[] bytes, long offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    @Test
    void open_latin1ByteInAUtf8File_failsWithOurMessageOnlyNamingFileLineAndOffset() {
        byte[] bytes = withBadBytes(0, (byte) 0xEB);
        Path file = SyntheticExport.writeBytes(dir, "latin1-in-utf8.xml", bytes);
        long offset = offsetOf(bytes, (byte) 0xEB);
        long line = lineOf(bytes, offset);

        assertThatThrownBy(() -> Fixtures.readAll(PendingExportReader.open(file)))
                .isInstanceOfSatisfying(StagingExportException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).startsWith("Cannot read the staging export " + file + ", line " + line
                            + ", column ");
                    assertThat(e.reason()).contains("byte 0xEB").contains("offset " + offset)
                            .contains("not valid UTF-8");
                });
        assertThat(printed()).isEmpty();
    }

    @Test
    void read_badByteFarIntoTheFile_isReportedAtItsOwnOffsetAndLine() {
        byte[] bytes = withBadBytes(2_000, (byte) 0xC3, (byte) 0x28);
        Path file = SyntheticExport.writeBytes(dir, "deep.xml", bytes);
        long offset = offsetOf(bytes, (byte) 0xC3);
        assertThat(offset).isGreaterThan(1 << 17);

        assertThatThrownBy(() -> Fixtures.readAll(PendingExportReader.open(file)))
                .isInstanceOfSatisfying(StagingExportException.class, e -> {
                    assertThat(e.line()).isEqualTo(lineOf(bytes, offset));
                    assertThat(e.reason()).contains("byte 0xC3").contains("offset " + offset);
                });
        assertThat(printed()).isEmpty();
    }

    @Test
    void read_multiByteSequenceCutByTheEndOfTheFile_isNamed() {
        byte[] whole = SyntheticExport.create().object(DN_A, "user").end().xml().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(whole, whole.length + 1);
        bytes[whole.length] = (byte) 0xE2;
        Path file = SyntheticExport.writeBytes(dir, "cut.xml", bytes);

        assertThatThrownBy(() -> Fixtures.readAll(PendingExportReader.open(file)))
                .isInstanceOfSatisfying(StagingExportException.class, e -> assertThat(e.reason())
                        .contains("byte 0xE2").contains("offset " + whole.length).contains("not valid UTF-8"));
        assertThat(printed()).isEmpty();
    }

    @Test
    void xml_unpairedSurrogateInUtf16_failsWithOurMessage() {
        String xml = SyntheticExport.create().object(DN_A, "user").delta("add", DN_A)
                .attr("displayName", null, "Zo#").end().xml().replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        byte[] good = ("\ufeff" + xml).getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = good.clone();
        int at = ("\ufeff" + xml).indexOf('#') * 2;
        bytes[at] = 0x00;
        bytes[at + 1] = (byte) 0xDC;

        assertThatThrownBy(() -> Fixtures.readAll(PendingExportReader.xml(SyntheticExport.stream(bytes), "u16.xml")))
                .isInstanceOfSatisfying(StagingExportException.class, e -> assertThat(e.reason())
                        .contains("offset " + at).contains("not valid UTF-16"));
        assertThat(printed()).isEmpty();
    }

    @Test
    void read_objectsBeforeTheBadByte_areStillRead() {
        byte[] bytes = withBadBytes(3, (byte) 0xFF);
        PendingExportReader reader = PendingExportReader.xml(SyntheticExport.stream(bytes), "three-then-bad.xml");

        for (int i = 0; i < 3; i++) {
            assertThat(reader.next().orElseThrow().delta().attribute("displayName").addedValues())
                    .containsExactly("pad " + i);
        }
        assertThatThrownBy(reader::hasNext).isInstanceOfSatisfying(StagingExportException.class,
                e -> assertThat(e.getMessage()).isEqualTo("Cannot read the staging export three-then-bad.xml, line "
                        + e.line() + ", column " + e.column() + ": the byte 0xFF at byte offset "
                        + offsetOf(bytes, (byte) 0xFF) + " is not valid UTF-8 (the XML declaration says UTF-8). Was "
                        + "the file saved in another encoding (e.g. Windows-1252) or cut short? Export it again with "
                        + "csexport, or convert it to UTF-8"));
        assertThat(printed()).isEmpty();
    }

    @Test
    void read_aByteTheDeclaredCodePageLeavesUndefined_isNamed() {
        String xml = SyntheticExport.create().object(DN_A, "user").delta("add", DN_A)
                .attr("displayName", null, "Zo#").end().xml().replace("encoding=\"UTF-8\"", "encoding=\"windows-1252\"");
        byte[] bytes = xml.getBytes(StandardCharsets.ISO_8859_1);
        int at = xml.indexOf('#');
        bytes[at] = (byte) 0x81;

        assertThatThrownBy(() -> Fixtures.readAll(PendingExportReader.xml(SyntheticExport.stream(bytes), "cp.xml")))
                .isInstanceOfSatisfying(StagingExportException.class, e -> assertThat(e.reason())
                        .startsWith("the byte 0x81 at byte offset " + at + " is not")
                        .contains("windows-1252"));
        assertThat(printed()).isEmpty();
    }

    @Test
    void open_unknownDeclaredEncoding_isNamed() {
        byte[] bytes = SyntheticExport.create().xml().replace("encoding=\"UTF-8\"", "encoding=\"x-klingon\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PendingExportReader.xml(SyntheticExport.stream(bytes), "klingon.xml"))
                .isInstanceOf(StagingExportException.class)
                .hasMessage("Cannot read the staging export klingon.xml, line 1: the XML declaration names the "
                        + "encoding 'x-klingon', which this Java runtime does not know");
        assertThat(printed()).isEmpty();
    }
}
