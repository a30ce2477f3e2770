package dev.oktaentra.core.staging;

import static dev.oktaentra.core.staging.Fixtures.ANCHOR_A;
import static dev.oktaentra.core.staging.Fixtures.DN_A;
import static dev.oktaentra.core.staging.Fixtures.DN_B;
import static dev.oktaentra.core.staging.Fixtures.only;
import static dev.oktaentra.core.staging.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.RejectedRecordException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmlPendingExportReaderTest {

    /** The skeleton of domain.md §2.4 (SYNTHETIC: assembled from the schema, not a real dump). */
    private static final String SKELETON = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- SYNTHETIC csexport fixture (domain.md 2.4); not a real dump -->
            <cs-objects>
             <cs-object cs-dn="CN={514635484D4B376E38307176645973555049486139513D3D}" \
            id="{11111111-2222-3333-4444-555555555555}" object-type="user">
              <unapplied-export>
               <delta operation="update" dn="CN={514635484D4B376E38307176645973555049486139513D3D}">
                <attr name="onPremisesSamAccountName" type="string" multivalued="false" operation="replace">\
            <value>jdoe</value></attr>
                <attr name="proxyAddresses" type="string" multivalued="true" operation="update">
                  <value operation="add">SMTP:jdoe@contoso.com</value>\
            <value operation="delete">SMTP:john@contoso.com</value></attr>
                <dn-attr name="manager" multivalued="false" operation="replace"><dn-value>\
            <dn>CN={4270617A4F6B4C476D30694574006C6A414F4E50764F513D3D}</dn></dn-value></dn-attr>
               </delta>
              </unapplied-export>
              <unapplied-export-hologram><entry dn="CN={514635484D4B376E38307176645973555049486139513D3D}">
                <attr name="sourceAnchor" type="string" multivalued="false"><value>QF5HMK7n80qvdYsUPIHa9Q==</value></attr>
                <attr name="userPrincipalName" type="string" multivalued="false"><value>jdoe@contoso.com</value></attr>
              </entry></unapplied-export-hologram>
              <connector>1</connector>
              <export-delta-operation>modify</export-delta-operation>
              <ma-name>contoso.onmicrosoft.com - AAD</ma-name>
             </cs-object>
            </cs-objects>
            """;

    @Test
    void read_domainSkeleton_givesEveryPart() {
        List<DirectoryRecord<PendingExport>> records = readAll(PendingExportReader.xml(
                SyntheticExport.stream(SKELETON.getBytes(StandardCharsets.UTF_8)), "skeleton.xml"));

        assertThat(records).hasSize(1);
        PendingExport export = records.get(0).orElseThrow();
        assertThat(export.csDn()).isEqualTo(DN_A);
        assertThat(export.id()).isEqualTo("{11111111-2222-3333-4444-555555555555}");
        assertThat(export.objectType()).isEqualTo("user");
        assertThat(export.exportDeltaOperation()).isEqualTo("modify");
        assertThat(export.location()).isEqualTo("line 4");
        assertThat(export.operation()).isEqualTo(ObjectOperation.UPDATE);
        assertThat(export.delta().dn()).isEqualTo(DN_A);
        assertThat(export.delta().attributes()).extracting(AttributeDelta::name)
                .containsExactly("onPremisesSamAccountName", "proxyAddresses", "manager");
        AttributeDelta sam = export.delta().attribute("onpremisessamaccountname");
        assertThat(sam.operation()).isEqualTo(AttributeOperation.REPLACE);
        assertThat(sam.multivalued()).isFalse();
        assertThat(sam.type()).isEqualTo("string");
        assertThat(sam.values()).containsExactly(ValueDelta.set("jdoe"));
        AttributeDelta proxies = export.delta().attribute("proxyAddresses");
        assertThat(proxies.multivalued()).isTrue();
        assertThat(proxies.addedValues()).containsExactly("SMTP:jdoe@contoso.com");
        assertThat(proxies.removedValues()).containsExactly("SMTP:john@contoso.com");
        AttributeDelta manager = export.delta().attribute("manager");
        assertThat(manager.dnValued()).isTrue();
        assertThat(manager.values()).containsExactly(
                ValueDelta.set("CN={4270617A4F6B4C476D30694574006C6A414F4E50764F513D3D}"));
        assertThat(export.unappliedExportHologram().dn()).isEqualTo(DN_A);
        assertThat(export.userPrincipalName()).isEqualTo("jdoe@contoso.com");
        assertThat(export.sourceAnchor()).isEqualTo(ImmutableId.of(ANCHOR_A));
        assertThat(export.synchronizedHologram()).isNull();
        assertThat(export.exportError()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"add,ADD", "replace,REPLACE", "update,UPDATE", "delete,DELETE", "delete-add,DELETE_ADD",
            "none,NONE", "obsolete,OBSOLETE", "Update,UPDATE"})
    void read_everyDeltaOperation(String xmlName, ObjectOperation expected) {
        PendingExport export = only(SyntheticExport.create()
                .object(DN_A, "user").delta(xmlName, DN_A).attr("displayName", null, "Jane").end());

        assertThat(export.operation()).isEqualTo(expected);
        AttributeOperation implied = expected == ObjectOperation.ADD ? AttributeOperation.ADD
                : AttributeOperation.REPLACE;
        assertThat(export.delta().attribute("displayName").operation()).isEqualTo(implied);
    }

    @Test
    void read_objectWithoutDelta_isNotPending() {
        PendingExport export = only(SyntheticExport.create().object(DN_A, "user")
                .hologram("synchronized-hologram", DN_A, "userPrincipalName", "a@contoso.com").end());

        assertThat(export.delta()).isNull();
        assertThat(export.operation()).isEqualTo(ObjectOperation.NONE);
        assertThat(export.operation().isPending()).isFalse();
        assertThat(export.userPrincipalName()).isEqualTo("a@contoso.com");
    }

    @Test
    void read_multiValuedAddsAndDeletes_keepEveryValueAndItsOperation() {
        PendingExport export = only(SyntheticExport.create().object(DN_A, "user").delta("update", DN_A)
                .multi("proxyAddresses", "update", "add:SMTP:jane@contoso.com", "add:smtp:jane@fabrikam.com",
                        "delete:SMTP:jane@okta.example", "delete:smtp:old@contoso.com")
                .dnAttr("member", "update", true, "add:CN={AA}", "delete:CN={BB}")
                .end());

        AttributeDelta proxies = export.delta().attribute("proxyAddresses");
        assertThat(proxies.operation()).isEqualTo(AttributeOperation.UPDATE);
        assertThat(proxies.values()).containsExactly(ValueDelta.add("SMTP:jane@contoso.com"),
                ValueDelta.add("smtp:jane@fabrikam.com"), ValueDelta.delete("SMTP:jane@okta.example"),
                ValueDelta.delete("smtp:old@contoso.com"));
        assertThat(proxies.apply(List.of("SMTP:jane@okta.example", "smtp:old@contoso.com", "x500:keep")))
                .containsExactly("x500:keep", "SMTP:jane@contoso.com", "smtp:jane@fabrikam.com");
        assertThat(proxies.isDeletion()).isFalse();
        AttributeDelta member = export.delta().attribute("member");
        assertThat(member.dnValued()).isTrue();
        assertThat(member.addedValues()).containsExactly("CN={AA}");
        assertThat(member.removedValues()).containsExactly("CN={BB}");
    }

    @Test
    void read_rename_keepsNewDn() {
        PendingExport export = only(SyntheticExport.create().object(DN_A, "user")
                .delta("update", DN_A, DN_B).attr("displayName", "replace", "Jane").end());

        assertThat(export.delta().newDn()).isEqualTo(DN_B);
        assertThat(export.delta().isRename()).isTrue();
    }

    @Test
    void read_delete_takesValuesFromPendingImportHologramFirst() {
        PendingExport export = only(SyntheticExport.create().object(DN_A, "user").delta("delete", DN_A)
                .hologram("synchronized-hologram", DN_A, "userPrincipalName", "old@contoso.com",
                        "sourceAnchor", ANCHOR_A, "mail", "old@contoso.com")
                .hologram("pending-import-hologram", DN_A, "userPrincipalName", "new@contoso.com",
                        "sourceAnchor", ANCHOR_A)
                .end());

        assertThat(export.userPrincipalName()).isEqualTo("new@contoso.com");
        assertThat(export.before()).isSameAs(export.pendingImportHologram());
        assertThat(export.valuesAfter("userPrincipalName")).isEmpty();
        assertThat(export.sourceAnchor()).isEqualTo(ImmutableId.of(ANCHOR_A));
    }

    @Test
    void read_delete_withOnlySynchronizedHologram_readsItsAttributes() {
        PendingExport export = only(SyntheticExport.create().object(DN_B, "user").delta("delete", DN_B)
                .hologram("synchronized-hologram", DN_B, "userPrincipalName", "gone@contoso.com",
                        "proxyAddresses", "SMTP:gone@contoso.com", "proxyAddresses", "smtp:g@contoso.com",
                        "manager", DN_A)
                .end());

        assertThat(export.userPrincipalName()).isEqualTo("gone@contoso.com");
        assertThat(export.primarySmtpAddress()).isEqualTo("gone@contoso.com");
        assertThat(export.valuesBefore("proxyaddresses")).containsExactly("SMTP:gone@contoso.com",
                "smtp:g@contoso.com");
        assertThat(export.valuesBefore("manager")).containsExactly(DN_A);
        // No sourceAnchor attribute: decoded from CN={hex}.
        assertThat(export.sourceAnchor()).isEqualTo(ImmutableId.of(Fixtures.ANCHOR_B));
    }

    @Test
    void read_update_withoutExportHologram_computesNewValuesFromTheDelta() {
        PendingExport export = only(SyntheticExport.create().object(DN_A, "user").delta("update", DN_A)
                .attr("mail", "delete")
                .attr("displayName", "replace", "Jane Q. Doe")
                .multi("proxyAddresses", "update", "delete:smtp:jane@okta.example")
                .hologram("synchronized-hologram", DN_A, "mail", "jane@contoso.com", "displayName", "Jane Doe",
                        "proxyAddresses", "SMTP:jane@contoso.com", "proxyAddresses", "smtp:jane@okta.example")
                .end());

        assertThat(export.valuesAfter("mail")).isEmpty();
        assertThat(export.valuesAfter("displayName")).containsExactly("Jane Q. Doe");
        assertThat(export.valuesAfter("proxyAddresses")).containsExactly("SMTP:jane@contoso.com");
        assertThat(export.valuesAfter("department")).isEmpty();
        assertThat(export.delta().attribute("mail").isDeletion()).isTrue();
    }

    @Test
    void read_exportErrorDetail_givesNameLiteralAndCode() {
        PendingExport export = only(SyntheticExport.create().object(DN_A, "user").delta("add", DN_A)
                .attr("userPrincipalName", null, "jane@contoso.com")
                .exportError("AttributeValueMustBeUnique", "Unable to update this object because the following "
                        + "attributes associated with this object have values that may already be associated "
                        + "with another object in your local directory services: [ProxyAddresses SMTP:jane@contoso.com;]")
                .end());

        ExportError error = export.exportError();
        assertThat(error.errorType()).isEqualTo("cd-error");
        assertThat(error.errorCode()).isEqualTo("0x80230306");
        assertThat(error.errorName()).isEqualTo("AttributeValueMustBeUnique");
        assertThat(error.errorLiteral()).startsWith("Unable to update this object");
        assertThat(error.dateOccurred()).isEqualTo("2024-05-02 10:00:00.000");
        assertThat(error.describe()).startsWith("AttributeValueMustBeUnique: Unable to update");
    }

    @Test
    void read_skipsUnknownElementsAtEveryLevel() {
        SyntheticExport export = SyntheticExport.create()
                .raw("<ma-info><nested><deeper>x</deeper></nested></ma-info>")
                .object(DN_A, "user")
                .delta("update", DN_A)
                .deltaRaw("<anchor>AAECAw==</anchor><primary-objectclass>user</primary-objectclass>"
                        + "<objectclass><oc-value>top</oc-value><oc-value>user</oc-value></objectclass>"
                        + "<future-element a=\"1\"><attr name=\"decoy\"><value>no</value></attr></future-element>")
                .deltaRaw("<attr name=\"department\" operation=\"replace\"><!-- c --><value>R&amp;D <![CDATA[<Lab>]]>"
                        + "</value><value-meta>ignored</value-meta></attr>")
                .raw("<mv-link lineage-time=\"2024-01-01\" lineage-type=\"sync-rule\">{AAAA}</mv-link>")
                .raw("<cs-mv-links><cs-mv-value>{BBBB}</cs-mv-value></cs-mv-links>")
                .raw("<synchronized-hologram><entry dn=\"x\"><anchor>AA==</anchor><attr name=\"mail\">"
                        + "<value>a@b.c</value></attr><unknown/></entry></synchronized-hologram>")
                .end()
                .raw("<!-- trailing comment --><?pi data?>");

        PendingExport only = only(export);

        assertThat(only.delta().anchor()).isEqualTo("AAECAw==");
        assertThat(only.delta().primaryObjectClass()).isEqualTo("user");
        assertThat(only.delta().objectClasses()).containsExactly("top", "user");
        assertThat(only.delta().attributes()).extracting(AttributeDelta::name).containsExactly("department");
        assertThat(only.delta().attribute("department").addedValues()).containsExactly("R&D <Lab>");
        assertThat(only.valuesBefore("mail")).containsExactly("a@b.c");
    }

    @Test
    void read_objectWithoutCsDn_isRejectedAndReadingCarriesOn() {
        List<DirectoryRecord<PendingExport>> records = readAll(SyntheticExport.create()
                .object(null, "user").delta("add", DN_A).attr("displayName", null, "x").end()
                .object(DN_B, "user").delta("delete", DN_B).end()
                .reader());

        assertThat(records).hasSize(2);
        assertThat(records.get(0)).isInstanceOfSatisfying(DirectoryRecord.Rejected.class, r -> {
            assertThat(r.source()).isEqualTo("synthetic.xml");
            assertThat(r.location()).isEqualTo("line 4");
            assertThat(r.reason()).isEqualTo("the cs-object has no cs-dn attribute");
            assertThat(r.identity()).startsWith("{");
        });
        assertThat(records.get(1).orElseThrow().csDn()).isEqualTo(DN_B);
    }

    @Test
    void read_unknownOperations_areRejectedWithTheValue() {
        List<DirectoryRecord<PendingExport>> records = readAll(SyntheticExport.create()
                .object(DN_A, "user").delta("explode", DN_A).end()
                .object(DN_B, "user").delta("update", DN_B).attr("mail", "zap", "x").end()
                .object(Fixtures.DN_C, null).delta("update", Fixtures.DN_C)
                .multi("proxyAddresses", "update", "merge:SMTP:x@y").end()
                .reader());

        assertThat(records).extracting(r -> ((DirectoryRecord.Rejected<?>) r).reason()).containsExactly(
                "the cs-object has a delta with an unknown operation 'explode'",
                "the cs-object has an attribute 'mail' with an unknown operation 'zap'",
                "the cs-object has a value of 'proxyAddresses' with an unknown operation 'merge'; "
                        + "has no object-type attribute");
        assertThatThrownBy(() -> records.get(0).orElseThrow()).isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining("synthetic.xml, line 4 (" + DN_A + ")");
    }

    @Test
    void open_refusesAFileWhoseRootIsNotCsObjects(@TempDir Path dir) {
        Path file = SyntheticExport.withRoot("mv-objects").write(dir, "mv.xml");

        assertThatThrownBy(() -> PendingExportReader.openXml(file))
                .isInstanceOfSatisfying(StagingExportException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).contains("<mv-objects>").contains("<cs-objects>");
                });
    }

    @Test
    void read_emptyExport_hasNoObjects() {
        assertThat(readAll(SyntheticExport.create().reader())).isEmpty();
    }

    @Test
    void next_pastTheEnd_throwsNoSuchElement() {
        PendingExportReader reader = SyntheticExport.create().object(DN_A, "user").end().reader();
        reader.next();

        assertThat(reader.hasNext()).isFalse();
        assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("synthetic.xml");
    }

    @Test
    void exports_streamsUsableObjectsAndClosesTheFile(@TempDir Path dir) throws Exception {
        SyntheticExport export = SyntheticExport.create();
        for (int i = 0; i < 5; i++) {
            export.object(ImmutableId.of("anchor" + i).toConnectorSpaceDn(), i % 2 == 0 ? "user" : "group")
                    .delta("update", "x").attr("description", "replace", "n" + i).end();
        }
        Path file = export.write(dir, "five.xml");

        try (PendingExportReader reader = PendingExportReader.open(file)) {
            assertThat(reader.sourceName()).isEqualTo(file.toString());
            assertThat(reader.exports().map(e -> e.sourceAnchor().value()))
                    .containsExactly("anchor0", "anchor1", "anchor2", "anchor3", "anchor4");
        }
        // The reader released the file: it can be deleted (this fails on Windows when a handle is open).
        java.nio.file.Files.delete(file);
    }

    @Test
    void open_missingFile_namesIt(@TempDir Path dir) {
        Path file = dir.resolve("nope.xml");

        assertThatThrownBy(() -> PendingExportReader.open(file)).isInstanceOf(StagingExportException.class)
                .hasMessage("Cannot read the staging export " + file + ": no such file");
    }
}
