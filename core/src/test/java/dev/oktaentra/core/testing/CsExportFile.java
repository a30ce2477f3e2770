package dev.oktaentra.core.testing;

import dev.oktaentra.core.anchor.ImmutableId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a small SYNTHETIC {@code csexport … /f:x} file (no real dump is public; the element names are those of
 * Microsoft's connector-space export reference): one {@code <cs-object>} per call, its connector-space DN derived
 * from the anchor as Entra Connect derives it.
 */
public final class CsExportFile {

    private final StringBuilder objects = new StringBuilder();

    /**
     * Starts an empty export.
     *
     * @return the builder
     */
    public static CsExportFile create() {
        return new CsExportFile();
    }

    /**
     * A user Entra Connect would create, with its UPN.
     *
     * @param anchor the user's sourceAnchor (an ImmutableID)
     * @param upn the user's UPN
     * @return this builder
     */
    public CsExportFile addUser(String anchor, String upn) {
        String dn = ImmutableId.of(anchor).toConnectorSpaceDn();
        return object(dn, "user", "add", "    <attr name=\"userPrincipalName\" type=\"string\" multivalued=\"false\">"
                + "<value>" + escape(upn) + "</value></attr>\n", "");
    }

    /**
     * An update that deletes an attribute the cloud holds; the hologram carries the anchor and the old value.
     *
     * @param anchor the user's sourceAnchor
     * @param upn the user's UPN, in the hologram
     * @param attribute the attribute the export deletes
     * @param oldValue the value the cloud holds now, in the hologram
     * @return this builder
     */
    public CsExportFile deleteAttribute(String anchor, String upn, String attribute, String oldValue) {
        String dn = ImmutableId.of(anchor).toConnectorSpaceDn();
        return object(dn, "user", "update", "    <attr name=\"" + attribute + "\" type=\"string\" multivalued=\"false\""
                + " operation=\"delete\"></attr>\n", "  <synchronized-hologram><entry dn=\"" + dn + "\">\n"
                + "    <attr name=\"sourceAnchor\" multivalued=\"false\"><value>" + anchor + "</value></attr>\n"
                + "    <attr name=\"userPrincipalName\" multivalued=\"false\"><value>" + escape(upn)
                + "</value></attr>\n"
                + "    <attr name=\"" + attribute + "\" multivalued=\"false\"><value>" + escape(oldValue)
                + "</value></attr>\n  </entry></synchronized-hologram>\n");
    }

    /**
     * An update that only changes a display name.
     *
     * @param anchor the user's sourceAnchor
     * @param displayName the new display name
     * @return this builder
     */
    public CsExportFile rename(String anchor, String displayName) {
        String dn = ImmutableId.of(anchor).toConnectorSpaceDn();
        return object(dn, "user", "update", "    <attr name=\"displayName\" type=\"string\" multivalued=\"false\""
                + " operation=\"replace\"><value>" + escape(displayName) + "</value></attr>\n", "");
    }

    /** A user Entra Connect would delete; the hologram carries the anchor and the UPN it last synchronised. */
    public CsExportFile deleteUser(String anchor, String upn) {
        String dn = ImmutableId.of(anchor).toConnectorSpaceDn();
        return object(dn, "user", "delete", "", "  <synchronized-hologram><entry dn=\"" + dn + "\">\n"
                + "    <attr name=\"sourceAnchor\" multivalued=\"false\"><value>" + anchor + "</value></attr>\n"
                + "    <attr name=\"userPrincipalName\" multivalued=\"false\"><value>" + escape(upn)
                + "</value></attr>\n  </entry></synchronized-hologram>\n");
    }

    /** A group Entra Connect would delete, with the display name it last synchronised. */
    public CsExportFile deleteGroup(String anchor, String displayName) {
        String dn = ImmutableId.of(anchor).toConnectorSpaceDn();
        return object(dn, "group", "delete", "", "  <synchronized-hologram><entry dn=\"" + dn + "\">\n"
                + "    <attr name=\"displayName\" multivalued=\"false\"><value>" + escape(displayName)
                + "</value></attr>\n  </entry></synchronized-hologram>\n");
    }

    /**
     * A group Entra Connect would create.
     *
     * @param cn the group's name
     * @return this builder
     */
    public CsExportFile addGroup(String cn) {
        return object("CN={" + cn + "}", "group", "add", "    <attr name=\"displayName\" type=\"string\" "
                + "multivalued=\"false\"><value>" + escape(cn) + "</value></attr>\n", "");
    }

    private CsExportFile object(String dn, String type, String operation, String attrs, String tail) {
        objects.append(" <cs-object cs-dn=\"").append(escape(dn)).append("\" id=\"{")
                .append(java.util.UUID.nameUUIDFromBytes(dn.getBytes(StandardCharsets.UTF_8)))
                .append("}\" object-type=\"").append(type).append("\">\n")
                .append("  <unapplied-export>\n   <delta operation=\"").append(operation).append("\" dn=\"")
                .append(escape(dn)).append("\">\n").append(attrs).append("   </delta>\n  </unapplied-export>\n")
                .append(tail)
                .append("  <connector>1</connector>\n  <ma-name>contoso.onmicrosoft.com - AAD</ma-name>\n")
                .append(" </cs-object>\n");
        return this;
    }

    /**
     * Writes the export as UTF-8.
     *
     * @param file the file to create or replace
     * @return the file
     */
    public Path write(Path file) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- SYNTHETIC csexport fixture -->\n<cs-objects>\n"
                + objects + "</cs-objects>\n";
        try {
            return Files.writeString(file, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
