package dev.oktaentra.core.staging;

import static dev.oktaentra.core.staging.Fixtures.DN_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken files: every one fails fast with a {@link StagingExportException} naming the file and
 * position, and nothing outside the file is ever read.
 */
class HostileXmlTest {

    private static final String SECRET = "TOP-SECRET-b7f3c1e0-never-leak";

    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("<!ENTITY leak \"" + SECRET + "\">").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
    }

    private Path file(String name, String xml) throws IOException {
        return Files.writeString(dir.resolve(name), xml);
    }

    private static void assertNoLeak(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
        }
    }

    @Test
    void open_xxeWithALocalFile_failsAtTheDoctypeAndNeverReadsTheFile() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        Path file = file("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE cs-objects [\n"
                + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                + "<cs-objects><cs-object cs-dn=\"&xxe;\" object-type=\"user\"><unapplied-export>"
                + "<delta operation=\"add\" dn=\"x\"><attr name=\"info\"><value>&xxe;</value></attr></delta>"
                + "</unapplied-export></cs-object></cs-objects>");

        assertThatThrownBy(() -> Fixtures.readAll(PendingExportReader.open(file)))
                .isInstanceOfSatisfying(StagingExportException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Cannot read the staging export " + file + ", line 4, column 4")
                            .contains("<!DOCTYPE>").contains("XXE");
                    assertNoLeak(e);
                });
    }

    @Test
    void open_billionLaughs_failsFast() throws IOException {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE cs-objects [\n <!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append(" <!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">\n");
        }
        Path file = file("laughs.xml", dtd + "]>\n<cs-objects><cs-object cs-dn=\"&lol9;\" object-type=\"user\"/>"
                + "</cs-objects>");

        long start = System.nanoTime();
        assertThatThrownBy(() -> Fixtures.readAll(PendingExportReader.open(file)))
                .isInstanceOf(StagingExportException.class).hasMessageContaining("<!DOCTYPE>");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void open_externalDtdAndParameterEntities_fetchNothing() throws IOException {
        Path external = file("external.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE cs-objects SYSTEM \"" + url() + "\">\n"
                + "<cs-objects><cs-object cs-dn=\"&leak;\" object-type=\"user\"/></cs-objects>");
        Path parameter = file("parameter.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE cs-objects [\n"
                + " <!ENTITY % remote SYSTEM \"" + url() + "\">\n %remote;\n]>\n"
                + "<cs-objects><cs-object cs-dn=\"&leak;\" object-type=\"user\"/></cs-objects>");

        for (Path file : new Path[] {external, parameter}) {
            assertThatThrownBy(() -> Fixtures.readAll(PendingExportReader.open(file)))
                    .isInstanceOfSatisfying(StagingExportException.class, e -> {
                        assertThat(e.source()).isEqualTo(file.toString());
                        assertThat(e.reason()).contains("<!DOCTYPE>");
                        assertNoLeak(e);
                    });
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void read_undeclaredEntityWithoutDoctype_failsWithLineAndColumn() throws IOException {
        Path file = file("entity.xml", "<?xml version=\"1.0\"?>\n<cs-objects>\n <cs-object cs-dn=\"x\" "
                + "object-type=\"user\">\n  <export-delta-operation>&xxe;</export-delta-operation>\n"
                + " </cs-object>\n</cs-objects>\n");

        assertThatThrownBy(() -> Fixtures.readAll(PendingExportReader.open(file)))
                .isInstanceOfSatisfying(StagingExportException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isPositive();
                    assertThat(e.reason()).contains("xxe").contains("not declared");
                });
    }

    @Test
    void read_truncatedFile_readsTheWholeObjectsThenFailsNamingFileLineAndColumn() throws IOException {
        SyntheticExport export = SyntheticExport.create();
        for (int i = 0; i < 3; i++) {
            export.object(DN_A, "user").delta("update", DN_A).attr("description", "replace", "n" + i).end();
        }
        String xml = export.xml();
        int cut = xml.lastIndexOf("<attr name=\"description\"") + 20;
        Path file = file("truncated.xml", xml.substring(0, cut));
        PendingExportReader reader = PendingExportReader.open(file);

        assertThat(reader.next().orElseThrow().delta().attribute("description").addedValues()).containsExactly("n0");
        assertThat(reader.next().orElseThrow().delta().attribute("description").addedValues()).containsExactly("n1");
        assertThatThrownBy(reader::hasNext).isInstanceOfSatisfying(StagingExportException.class, e -> {
            assertThat(e.getMessage()).startsWith("Cannot read the staging export " + file + ", line ");
            assertThat(e.line()).isEqualTo(xml.substring(0, cut).lines().count());
            assertThat(e.column()).isPositive();
            assertThat(e.reason()).contains("truncated");
        });
        assertThat(reader.hasNext()).isFalse();
    }

    @Test
    void read_fileCutAfterTheLastObject_stillFails() throws IOException {
        String xml = SyntheticExport.create().object(DN_A, "user").end().xml();
        Path file = file("cut.xml", xml.substring(0, xml.lastIndexOf("</cs-objects>")));

        assertThatThrownBy(() -> Fixtures.readAll(PendingExportReader.open(file)))
                .isInstanceOf(StagingExportException.class).hasMessageContaining("truncated");
    }

    @Test
    void read_mismatchedTagsAndGarbageAfterTheRoot_fail() throws IOException {
        Path mismatched = file("mismatched.xml", "<cs-objects>\n<cs-object cs-dn=\"a\" object-type=\"user\">"
                + "</cs-objekt>\n</cs-objects>");
        Path garbage = file("garbage.xml", "<cs-objects></cs-objects>\n<cs-objects/>");

        assertThatThrownBy(() -> Fixtures.readAll(PendingExportReader.open(mismatched)))
                .isInstanceOfSatisfying(StagingExportException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> Fixtures.readAll(PendingExportReader.open(garbage)))
                .isInstanceOfSatisfying(StagingExportException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void xml_binaryGarbage_failsWithAStagingExportException() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        bytes[0] = '<';

        assertThatThrownBy(() -> Fixtures.readAll(PendingExportReader.xml(new ByteArrayInputStream(bytes), "blob")))
                .isInstanceOf(StagingExportException.class).hasMessageStartingWith("Cannot read the staging export blob");
    }

    @Test
    void open_emptyFile_isNamed() throws IOException {
        Path file = file("empty.xml", "");

        assertThatThrownBy(() -> PendingExportReader.open(file)).isInstanceOf(StagingExportException.class)
                .hasMessage("Cannot read the staging export " + file + ": the file is empty");
    }
}
