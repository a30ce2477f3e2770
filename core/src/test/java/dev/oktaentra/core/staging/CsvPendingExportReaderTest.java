package dev.oktaentra.core.staging;

import static dev.oktaentra.core.staging.Fixtures.ANCHOR_A;
import static dev.oktaentra.core.staging.Fixtures.DN_A;
import static dev.oktaentra.core.staging.Fixtures.DN_B;
import static dev.oktaentra.core.staging.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.directory.DirectoryRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSExportAnalyzer's CSV. No public sample exists and its exact headers are unverified (domain.md §2.3), so these
 * SYNTHETIC files use the documented DN/OMODT/AMODT columns and the aliases the reader accepts.
 */
class CsvPendingExportReaderTest {

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void read_groupsConsecutiveRowsOfADnIntoOneObject() throws IOException {
        Path file = csv("export.csv", """
                DN,OMODT,Object Type,Attribute Name,AMODT,Old Value,New Value
                "%s",Update,user,mail,Delete,jane@okta.example,
                "%s",Update,user,displayName,Update,Jane Doe,"Doe, Jane"
                "%s",Add,user,userPrincipalName,Add,,new@contoso.com
                "%s",Add,user,sourceAnchor,Add,,%s
                """.formatted(DN_A, DN_A, DN_B, DN_B, Fixtures.ANCHOR_B));

        List<DirectoryRecord<PendingExport>> records = readAll(PendingExportReader.open(file));

        assertThat(records).hasSize(2);
        PendingExport update = records.get(0).orElseThrow();
        assertThat(update.csDn()).isEqualTo(DN_A);
        assertThat(update.objectType()).isEqualTo("user");
        assertThat(update.location()).isEqualTo("line 2");
        assertThat(update.operation()).isEqualTo(ObjectOperation.UPDATE);
        assertThat(update.delta().attribute("mail").operation()).isEqualTo(AttributeOperation.DELETE);
        assertThat(update.delta().attribute("mail").isDeletion()).isTrue();
        assertThat(update.valuesBefore("mail")).containsExactly("jane@okta.example");
        assertThat(update.valuesAfter("mail")).isEmpty();
        assertThat(update.delta().attribute("displayName").operation()).isEqualTo(AttributeOperation.REPLACE);
        assertThat(update.valuesBefore("displayName")).containsExactly("Jane Doe");
        assertThat(update.valuesAfter("displayName")).containsExactly("Doe, Jane");
        assertThat(update.sourceAnchor()).isEqualTo(ImmutableId.of(ANCHOR_A));
        PendingExport add = records.get(1).orElseThrow();
        assertThat(add.operation()).isEqualTo(ObjectOperation.ADD);
        assertThat(add.location()).isEqualTo("line 4");
        assertThat(add.userPrincipalName()).isEqualTo("new@contoso.com");
        assertThat(add.sourceAnchor()).isEqualTo(ImmutableId.of(Fixtures.ANCHOR_B));
    }

    @Test
    void read_findsColumnsByAnyCaseAndAlias_semicolonDelimited() throws IOException {
        Path file = csv("aliases.csv", """
                attribute_name;new-value;omodt;cs-dn;UPN;Added Values;Removed Values;amodt
                proxyAddresses;;update;%s;jane@contoso.com;SMTP:jane@contoso.com;;update
                proxyAddresses;;update;%s;jane@contoso.com;;smtp:jane@okta.example;update
                """.formatted(DN_A, DN_A));

        PendingExport only = readAll(PendingExportReader.openCsv(file)).get(0).orElseThrow();

        assertThat(only.objectType()).isEqualTo("unknown");
        assertThat(only.userPrincipalName()).isEqualTo("jane@contoso.com");
        AttributeDelta proxies = only.delta().attribute("proxyAddresses");
        assertThat(proxies.multivalued()).isTrue();
        assertThat(proxies.operation()).isEqualTo(AttributeOperation.UPDATE);
        assertThat(proxies.addedValues()).containsExactly("SMTP:jane@contoso.com");
        assertThat(proxies.removedValues()).containsExactly("smtp:jane@okta.example");
    }

    @Test
    void read_objectLevelRowsWithoutAttributeColumn() throws IOException {
        Path file = csv("objects.csv", "Operation,DN,Type\r\nDelete,\"" + DN_A + "\",user\r\nAdd,\"" + DN_B
                + "\",group\r\n");

        List<PendingExport> all = readAll(PendingExportReader.open(file)).stream()
                .map(DirectoryRecord::orElseThrow).toList();

        assertThat(all).extracting(PendingExport::operation)
                .containsExactly(ObjectOperation.DELETE, ObjectOperation.ADD);
        assertThat(all).extracting(PendingExport::objectType).containsExactly("user", "group");
        assertThat(all.get(0).delta().attributes()).isEmpty();
        assertThat(all.get(0).sourceAnchor()).isEqualTo(ImmutableId.of(ANCHOR_A));
    }

    @Test
    void open_withoutRequiredColumns_failsAtOnceNamingFileAndExpectedColumns() throws IOException {
        Path file = csv("wrong.csv", "Name,Omit,Value\r\njane,x,y\r\n");

        assertThatThrownBy(() -> PendingExportReader.open(file))
                .isInstanceOfSatisfying(StagingExportException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.reason()).contains("has no DN column (headers accepted: dn, csdn")
                            .contains("and no OMODT column (headers accepted: omodt")
                            .contains("'Name, Omit, Value'");
                });
    }

    @Test
    void open_headerOnlyOrEmpty_failsOrReadsNothing() throws IOException {
        Path headerOnly = csv("header.csv", "DN,OMODT\r\n");
        Path blank = csv("blank.csv", "\r\n\r\n");

        assertThat(readAll(PendingExportReader.open(headerOnly))).isEmpty();
        assertThatThrownBy(() -> PendingExportReader.openCsv(blank)).isInstanceOf(StagingExportException.class)
                .hasMessageContaining("no header row");
    }

    @Test
    void read_unknownOperationsAndMissingDn_areRejectedWithTheirLine() throws IOException {
        Path file = csv("bad.csv", """
                DN,OMODT,Attribute,AMODT,Value
                "%s",Explode,,,
                ,Add,,,
                "%s",Update,mail,Merge,x
                "%s",Update,mail,Delete,
                """.formatted(DN_A, DN_B, DN_A));

        List<DirectoryRecord<PendingExport>> records = readAll(PendingExportReader.open(file));

        assertThat(records).hasSize(4);
        assertThat(records.subList(0, 3)).extracting(r -> r.toString().replace(file.toString(), "F")).containsExactly(
                "F, line 2 (" + DN_A + "): the object has an unknown OMODT 'Explode'",
                "F, line 3: the row has no DN",
                "F, line 4 (" + DN_B + "): the object has an unknown AMODT 'Merge' for 'mail'");
        assertThat(records.get(3).orElseThrow().delta().attribute("mail").isDeletion()).isTrue();
    }

    @Test
    void read_anObjectWithAMultiLineCell_isNamedByTheLineItsRowStartsOn() throws IOException {
        Path file = csv("lines.csv", "DN,OMODT,Attribute,AMODT,Value\r\n\"" + DN_A
                + "\",Update,streetAddress,Update,\"1 Main St\r\nSuite 2\"\r\n\"" + DN_B
                + "\",Explode,streetAddress,Update,\"2 Side St\r\nFloor 3\"\r\n");

        List<DirectoryRecord<PendingExport>> records = readAll(PendingExportReader.open(file));

        assertThat(records.get(1).toString().replace(file.toString(), "F"))
                .isEqualTo("F, line 4 (" + DN_B + "): the object has an unknown OMODT 'Explode'");
    }

    @Test
    void read_textAfterAClosingQuote_failsWithTheLineItsRowStartsOn() throws IOException {
        Path file = csv("broken.csv", "DN,OMODT,Attribute,AMODT,Value\r\n\"" + DN_A + "\",Update,info,Update,x\r\n\""
                + DN_A + "\",Update,notes,Update,\"first\r\nsecond\" half\"\r\n");

        assertThatThrownBy(() -> readAll(PendingExportReader.open(file)))
                .isInstanceOfSatisfying(StagingExportException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("text after its closing quote");
                });
    }

    @Test
    void read_byteOrderMarkedUtf16_isDecoded() throws IOException {
        String text = "\ufeffDN,OMODT,Attribute,AMODT,New Value\r\n\"" + DN_A + "\",Update,displayName,Update,Zoë 山田\r\n";
        for (Charset charset : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                StandardCharsets.UTF_8}) {
            Path file = Files.write(dir.resolve("bom-" + charset.name() + ".csv"), text.getBytes(charset));

            PendingExport only = readAll(PendingExportReader.open(file)).get(0).orElseThrow();

            assertThat(only.valuesAfter("displayName")).as(charset.name()).containsExactly("Zoë 山田");
        }
    }

    @Test
    void read_bytesThatAreNotUtf8_failWithTheLine_orReadWithTheGivenCharset() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("DN,OMODT,Attribute,AMODT,New Value\r\n\"" + DN_A + "\",Update,displayName,Update,ok\r\n\""
                + DN_B + "\",Update,displayName,Update,Zo").getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xEB); // 'ë' in windows-1252
        bytes.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        Path file = Files.write(dir.resolve("cp1252.csv"), bytes.toByteArray());

        assertThatThrownBy(() -> readAll(PendingExportReader.openCsv(file)))
                .isInstanceOfSatisfying(StagingExportException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).contains("not valid in the file's encoding");
                });
        List<DirectoryRecord<PendingExport>> lenient = readAll(PendingExportReader.openCsv(file,
                Charset.forName("windows-1252")));
        assertThat(lenient.get(1).orElseThrow().valuesAfter("displayName")).containsExactly("Zoë");
    }

    @Test
    void read_unterminatedQuote_failsNamingTheFile() throws IOException {
        Path file = csv("quote.csv", "DN,OMODT\r\n\"" + DN_A + "\",Add\r\n\"CN={41},Add\r\n");

        assertThatThrownBy(() -> readAll(PendingExportReader.open(file)))
                .isInstanceOfSatisfying(StagingExportException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.line()).isPositive();
                });
    }

    @Test
    void read_aFieldOverTheLimit_failsWithItsLineBeforeItIsHeldWhole() throws IOException {
        String big = "v".repeat(dev.oktaentra.core.internal.CsvLimits.MAX_FIELD_CHARS + 1);
        Path file = csv("huge.csv", "DN,OMODT,Attribute,AMODT,New Value\r\n\"" + DN_A + "\",Update,info,Update,x\r\n\""
                + DN_A + "\",Update,notes,Update,\"" + big + "\"\r\n");

        assertThatThrownBy(() -> readAll(PendingExportReader.open(file)))
                .isInstanceOfSatisfying(StagingExportException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("a field is longer than 1,048,576 characters");
                });
    }

    @Test
    void read_quotedMultiLineCellsAndFormulaLookingValues_arePlainText() throws IOException {
        Path file = csv("multi.csv", "DN,OMODT,Attribute,AMODT,New Value\r\n\"" + DN_A
                + "\",Update,streetAddress,Update,\"1 Main St\r\nSuite 2\"\r\n\"" + DN_A
                + "\",Update,info,Update,\"=HYPERLINK(\"\"x\"\")\"\r\n");

        PendingExport only = readAll(PendingExportReader.open(file)).get(0).orElseThrow();

        assertThat(only.valuesAfter("streetAddress")).containsExactly("1 Main St\r\nSuite 2");
        assertThat(only.valuesAfter("info")).containsExactly("=HYPERLINK(\"x\")");
    }
}
