package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.SourceAnchor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes, in the shape of {@code csexport "… - AAD" export.xml /f:x}, what a Connect server in staging mode would
 * have pending for the environment as it is now. <b>Synthetic</b>: no real csexport file is public, so this follows
 * the documented schema, and the file says so in a comment at the top.
 *
 * <p>What it holds, and why:
 * <ul>
 *   <li>an {@code add} for every on-prem user in scope (cloud-managed users are not in the AAD connector space, so
 *       Entra matches each add on export: by the sourceAnchor, else softly);</li>
 *   <li>nothing for a cloud user still marked synced that no on-prem user's anchor explains (an earlier sync
 *       server's or Okta's leftover): on a new server it stays a disconnector, "a staging object that is not linked
 *       to any metaverse object", whose "attribute values … in the connected data source aren't updated by sync
 *       engine" ("Microsoft Entra Connect Sync: Understand the architecture",
 *       https://learn.microsoft.com/entra/identity/hybrid/connect/concept-azure-ad-connect-sync-architecture,
 *       "Relationships between staging objects and metaverse objects"). No Microsoft page says a new server exports
 *       deletes for such disconnectors, so it is left behind: neither updated nor deleted, and counted as such;</li>
 *   <li>a {@code delete} for each object the server had joined and that has since left its scope ({@link LeftScope}):
 *       where pending deletes come from ("Prevent accidental deletes" lists the usual causes: filtering changes,
 *       objects moved or deleted, an OU renamed), with its last synchronised state.</li>
 * </ul>
 * Synced users that an on-prem user explains have nothing pending beyond their add.
 */
final class SyntheticStagingExport {

    static final String MARKER = " SYNTHETIC: written by the oktaentra rehearsal from its embedded tenant, in the "
            + "shape of a csexport /f:x file. Not produced by Entra Connect. ";

    private SyntheticStagingExport() {
    }

    /**
     * What was written.
     *
     * @param adds adds of on-prem users
     * @param deletes deletes of objects that left the server's scope
     * @param leftBehind cloud users still marked synced that no on-prem user explains: disconnectors, not in the file
     */
    record Contents(int adds, int deletes, int leftBehind) {
    }

    /**
     * An object the server joined at its first sync cycle and that has since left its scope (deleted on-prem, moved
     * out of the synced OUs, filtered out): the export deletes it.
     *
     * @param objectType e.g. {@code user} or {@code group}
     * @param anchor its sourceAnchor, from which the connector-space DN follows
     * @param displayName the display name it last synchronised
     */
    record LeftScope(String objectType, ImmutableId anchor, String displayName) {
    }

    /**
     * Writes the export.
     *
     * @param file the XML file to create or replace
     * @param onPrem the on-prem users in the Connect server's scope
     * @param cloud the cloud users
     * @param anchor the source anchor chosen in the Connect wizard
     * @param leftScope objects that left the server's scope since it joined them
     * @return what was written
     */
    static Contents write(Path file, OnPremDirectory onPrem, List<CloudUser> cloud, SourceAnchor anchor,
            List<LeftScope> leftScope) {
        Set<String> explained = new HashSet<>();
        int adds = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeComment(MARKER);
            xml.writeCharacters("\n");
            xml.writeStartElement("cs-objects");
            try (Stream<DirectoryRecord<OnPremUser>> records = onPrem.records()) {
                for (DirectoryRecord<OnPremUser> record : (Iterable<DirectoryRecord<OnPremUser>>) records::iterator) {
                    if (record instanceof DirectoryRecord.Usable<OnPremUser> usable) {
                        OnPremUser user = usable.user();
                        ImmutableId id = anchor.expected(user).orElse(null);
                        if (id == null) {
                            continue;  // Connect would not provision a user without its anchor
                        }
                        explained.add(id.value());
                        writeAdd(xml, user, id);
                        adds++;
                    }
                }
            }
            for (LeftScope object : leftScope) {
                writeDelete(xml, object);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the synthetic staging export " + file + ": "
                    + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the synthetic staging export " + file, e);
        }
        int leftBehind = (int) cloud.stream().filter(u -> u.isSynced() && u.immutableId() != null
                && !explained.contains(u.immutableId().value())).count();
        return new Contents(adds, leftScope.size(), leftBehind);
    }

    private static void writeAdd(XMLStreamWriter xml, OnPremUser user, ImmutableId anchor) throws XMLStreamException {
        String dn = anchor.toConnectorSpaceDn();
        startObject(xml, dn, "user");
        xml.writeStartElement("unapplied-export");
        xml.writeStartElement("delta");
        xml.writeAttribute("operation", "add");
        xml.writeAttribute("dn", dn);
        element(xml, "primary-objectclass", "user");
        attribute(xml, "sourceAnchor", List.of(anchor.value()));
        attribute(xml, "userPrincipalName", List.of(user.userPrincipalName()));
        if (user.mail() != null) {
            attribute(xml, "mail", List.of(user.mail()));
        }
        if (!user.proxyAddresses().isEmpty()) {
            attribute(xml, "proxyAddresses", user.proxyAddresses());
        }
        if (user.samAccountName() != null) {
            attribute(xml, "onPremisesSamAccountName", List.of(user.samAccountName()));
        }
        attribute(xml, "accountEnabled", List.of("true"));
        xml.writeEndElement();
        xml.writeEndElement();
        endObject(xml);
    }

    private static void writeDelete(XMLStreamWriter xml, LeftScope object) throws XMLStreamException {
        String dn = object.anchor().toConnectorSpaceDn();
        startObject(xml, dn, object.objectType());
        xml.writeStartElement("unapplied-export");
        xml.writeEmptyElement("delta");
        xml.writeAttribute("operation", "delete");
        xml.writeAttribute("dn", dn);
        xml.writeEndElement();
        xml.writeStartElement("synchronized-hologram");
        xml.writeStartElement("entry");
        xml.writeAttribute("dn", dn);
        attribute(xml, "sourceAnchor", List.of(object.anchor().value()));
        attribute(xml, "displayName", List.of(object.displayName()));
        xml.writeEndElement();
        xml.writeEndElement();
        endObject(xml);
    }

    private static void startObject(XMLStreamWriter xml, String dn, String objectType) throws XMLStreamException {
        xml.writeCharacters("\n ");
        xml.writeStartElement("cs-object");
        xml.writeAttribute("cs-dn", dn);
        xml.writeAttribute("id", "{" + UUID.nameUUIDFromBytes(dn.getBytes(StandardCharsets.UTF_8))
                .toString().toUpperCase(java.util.Locale.ROOT) + "}");
        xml.writeAttribute("object-type", objectType);
    }

    private static void endObject(XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "connector", "1");
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, String name, List<String> values) throws XMLStreamException {
        xml.writeStartElement("attr");
        xml.writeAttribute("name", name);
        xml.writeAttribute("type", "string");
        xml.writeAttribute("multivalued", values.size() > 1 || name.equals("proxyAddresses") ? "true" : "false");
        for (String value : values) {
            element(xml, "value", value);
        }
        xml.writeEndElement();
    }
}
