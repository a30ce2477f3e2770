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
 * <p>What it holds: an {@code add} for every on-prem user in scope (cloud-managed users are not in the AAD connector
 * space, so Entra matches each add on export: by the sourceAnchor, else softly), and a {@code delete} for every cloud
 * user still marked synced that no on-prem user's anchor explains, with its last synchronised state. Synced users
 * that an on-prem user explains have nothing pending.
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
     * @param deletes deletes of synced cloud users no on-prem user explains
     * @param leftOut deletes left out on the operator's word
     */
    record Contents(int adds, int deletes, int leftOut) {
    }

    /**
     * Writes the export.
     *
     * @param file the XML file to create or replace
     * @param onPrem the on-prem users in the Connect server's scope
     * @param cloud the cloud users
     * @param anchor the source anchor chosen in the Connect wizard
     * @param leaveOut ids of synced cloud users whose delete the operator has dealt with
     * @return what was written
     */
    static Contents write(Path file, OnPremDirectory onPrem, List<CloudUser> cloud, SourceAnchor anchor,
            Set<String> leaveOut) {
        Set<String> explained = new HashSet<>();
        int[] counts = new int[3];
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
                        counts[0]++;
                    }
                }
            }
            for (CloudUser user : cloud) {
                if (user.isSynced() && user.immutableId() != null && !explained.contains(user.immutableId().value())) {
                    if (leaveOut.contains(user.id())) {
                        counts[2]++;
                    } else {
                        writeDelete(xml, user);
                        counts[1]++;
                    }
                }
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
        return new Contents(counts[0], counts[1], counts[2]);
    }

    private static void writeAdd(XMLStreamWriter xml, OnPremUser user, ImmutableId anchor) throws XMLStreamException {
        String dn = anchor.toConnectorSpaceDn();
        startObject(xml, dn);
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

    private static void writeDelete(XMLStreamWriter xml, CloudUser user) throws XMLStreamException {
        String dn = user.immutableId().toConnectorSpaceDn();
        startObject(xml, dn);
        xml.writeStartElement("unapplied-export");
        xml.writeEmptyElement("delta");
        xml.writeAttribute("operation", "delete");
        xml.writeAttribute("dn", dn);
        xml.writeEndElement();
        xml.writeStartElement("synchronized-hologram");
        xml.writeStartElement("entry");
        xml.writeAttribute("dn", dn);
        attribute(xml, "sourceAnchor", List.of(user.immutableId().value()));
        attribute(xml, "cloudAnchor", List.of("User_" + user.id()));
        attribute(xml, "userPrincipalName", List.of(user.userPrincipalName()));
        if (user.mail() != null) {
            attribute(xml, "mail", List.of(user.mail()));
        }
        xml.writeEndElement();
        xml.writeEndElement();
        endObject(xml);
    }

    private static void startObject(XMLStreamWriter xml, String dn) throws XMLStreamException {
        xml.writeCharacters("\n ");
        xml.writeStartElement("cs-object");
        xml.writeAttribute("cs-dn", dn);
        xml.writeAttribute("id", "{" + UUID.nameUUIDFromBytes(dn.getBytes(StandardCharsets.UTF_8))
                .toString().toUpperCase(java.util.Locale.ROOT) + "}");
        xml.writeAttribute("object-type", "user");
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
