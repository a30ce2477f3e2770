package dev.oktaentra.core.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.directory.DirectoryRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The reader over generated SYNTHETIC exports: every generated object reads back as written, and any truncation or
 * corruption of a file either still reads or fails with a {@link StagingExportException}, never anything else.
 */
class PendingExportReaderPropertiesTest {

    /** One generated object: anchor, type, operation and one attribute's values. */
    record Generated(String anchor, String type, String operation, String attribute, List<String> values) {
    }

    @Provide
    Arbitrary<List<Generated>> objects() {
        Arbitrary<String> anchors = Arbitraries.strings().alpha().numeric().withChars('+', '/', '=').ofMinLength(1)
                .ofMaxLength(30);
        Arbitrary<String> types = Arbitraries.of("user", "group", "contact");
        Arbitrary<String> operations = Arbitraries.of("add", "replace", "update", "delete", "delete-add");
        Arbitrary<String> attributes = Arbitraries.of("displayName", "mail", "proxyAddresses", "department");
        // Any text XML 1.0 can carry: markup characters, CR, tabs, accents, CJK and astral characters.
        Arbitrary<String> values = Arbitraries.strings()
                .withChars("<>&\"'\r\n\t =+-@;,{}")
                .withCharRange('a', 'z').withCharRange('\u00e0', '\u00ff').withCharRange('\u4e00', '\u4e10')
                .withChars("\uD83D\uDE00")
                .ofMaxLength(20)
                .filter(PendingExportReaderPropertiesTest::wellPaired);
        return Combinators.combine(anchors, types, operations, attributes, values.list().ofMinSize(1).ofMaxSize(4))
                .as(Generated::new).list().ofMaxSize(8);
    }

    private static boolean wellPaired(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static SyntheticExport build(List<Generated> objects) {
        SyntheticExport export = SyntheticExport.create();
        for (Generated g : objects) {
            String dn = ImmutableId.of(g.anchor()).toConnectorSpaceDn();
            export.object(dn, g.type()).delta(g.operation(), dn)
                    .attr(g.attribute(), "replace", g.values().toArray(String[]::new)).end();
        }
        return export;
    }

    @Property(tries = 300)
    void read_givesBackEveryGeneratedObject(@ForAll("objects") List<Generated> objects) {
        List<PendingExport> read = Fixtures.exports(build(objects));

        assertThat(read).hasSameSizeAs(objects);
        for (int i = 0; i < objects.size(); i++) {
            Generated g = objects.get(i);
            PendingExport e = read.get(i);
            assertThat(e.objectType()).isEqualTo(g.type());
            assertThat(e.operation()).isEqualTo(ObjectOperation.fromName(g.operation()));
            assertThat(e.sourceAnchor()).isEqualTo(ImmutableId.of(g.anchor()));
            assertThat(e.delta().attribute(g.attribute()).addedValues()).containsExactlyElementsOf(g.values());
        }
    }

    @Property(tries = 300)
    void read_truncatedAnywhere_readsOrFailsWithStagingExportException(@ForAll("objects") List<Generated> objects,
            @ForAll @IntRange(min = 0, max = 10_000) int cutAt) {
        byte[] bytes = build(objects).xml().getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(bytes, cutAt % (bytes.length + 1));

        Throwable thrown = catchThrowable(() -> Fixtures.readAll(PendingExportReader.xml(
                SyntheticExport.stream(cut), "cut.xml")));

        if (cut.length < bytes.length - 1) {
            assertThat(thrown).isInstanceOf(StagingExportException.class).hasMessageContaining("cut.xml");
        } else {
            assertThat(thrown).isNull();
        }
    }

    @Property(tries = 500)
    void read_corruptedByte_readsRejectsOrFailsWithStagingExportException(
            @ForAll("objects") List<Generated> objects, @ForAll @IntRange(min = 0, max = 10_000) int at,
            @ForAll byte value) {
        byte[] bytes = build(objects).xml().getBytes(StandardCharsets.UTF_8);
        bytes[at % bytes.length] = value;

        Throwable thrown = catchThrowable(() -> {
            for (DirectoryRecord<PendingExport> record : Fixtures.readAll(PendingExportReader.xml(
                    SyntheticExport.stream(bytes), "corrupt.xml"))) {
                if (record instanceof DirectoryRecord.Usable<PendingExport> usable) {
                    usable.user().sourceAnchor();
                    usable.user().userPrincipalName();
                }
            }
        });

        if (thrown != null) {
            assertThat(thrown).isInstanceOf(StagingExportException.class).hasMessageContaining("corrupt.xml");
        }
    }
}
