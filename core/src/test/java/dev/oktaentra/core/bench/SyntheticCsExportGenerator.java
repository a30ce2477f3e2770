package dev.oktaentra.core.bench;

import dev.oktaentra.core.anchor.ImmutableId;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Streams a SYNTHETIC csexport file of a given size to disk, one cs-object at a time (constant memory). The shape
 * follows domain.md §2.2/§2.4: an unapplied-export delta, synchronized and unapplied-export holograms, and the
 * elements a reader must skip (connector, mv-link, ma-name, …). Operations are mixed like a real staging review:
 * mostly updates, some adds, a few deletes and delete-adds.
 */
final class SyntheticCsExportGenerator {

    private SyntheticCsExportGenerator() {
    }

    /** Writes at least {@code targetBytes} to {@code file} (through a temporary file, so a crash leaves none). */
    static long generate(Path file, long targetBytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        long objects = 0;
        try (CountingStream counter = new CountingStream(Files.newOutputStream(tmp));
                OutputStream out = new BufferedOutputStream(counter, 1 << 20)) {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<!-- SYNTHETIC csexport benchmark file (domain.md 2.2/2.4); not a real dump -->\n"
                    + "<cs-objects>\n").getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(8192);
            while (counter.count + (1 << 20) < targetBytes) {
                sb.setLength(0);
                appendObject(sb, objects++);
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
            out.write("</cs-objects>\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return objects;
    }

    private static void appendObject(StringBuilder sb, long n) {
        byte[] guid = new byte[16];
        long x = n * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (int i = 0; i < 8; i++) {
            guid[i] = (byte) (x >>> (8 * i));
            guid[8 + i] = (byte) (n >>> (8 * i));
        }
        String anchor = ImmutableId.ofBytes(guid).value();
        String dn = ImmutableId.of(anchor).toConnectorSpaceDn();
        int kind = (int) (n % 20);
        String operation = kind < 14 ? "update" : kind < 17 ? "add" : kind < 19 ? "delete" : "delete-add";
        String user = "user" + n;
        String name = n % 10 == 0 ? "Zoë Ångström " + n : "User Number " + n;
        sb.append(" <cs-object cs-dn=\"").append(dn).append("\" id=\"{").append(Long.toHexString(x))
                .append("-0000-4000-8000-").append(String.format("%012x", n)).append("}\" object-type=\"")
                .append(n % 50 == 0 ? "group" : "user").append("\">\n");
        sb.append("  <unapplied-export>\n   <delta operation=\"").append(operation).append("\" dn=\"").append(dn)
                .append("\">\n");
        if (operation.equals("update")) {
            attr(sb, "displayName", "replace", name);
            attr(sb, "department", "replace", "Department " + (n % 97));
            if (n % 7 == 0) {
                sb.append("    <attr name=\"mail\" type=\"string\" multivalued=\"false\" operation=\"delete\"/>\n");
            }
            sb.append("    <attr name=\"proxyAddresses\" type=\"string\" multivalued=\"true\" operation=\"update\">\n")
                    .append("     <value operation=\"add\">SMTP:").append(user).append("@contoso.com</value>\n")
                    .append("     <value operation=\"delete\">SMTP:").append(user).append("@okta.example</value>\n")
                    .append("    </attr>\n");
            sb.append("    <dn-attr name=\"manager\" multivalued=\"false\" operation=\"replace\"><dn-value><dn>")
                    .append(dn).append("</dn></dn-value></dn-attr>\n");
        } else if (!operation.equals("delete")) {
            attr(sb, "userPrincipalName", null, user + "@contoso.com");
            attr(sb, "sourceAnchor", null, anchor);
            attr(sb, "displayName", null, name);
            attr(sb, "mailNickname", null, user);
            attr(sb, "accountEnabled", null, "true");
        }
        sb.append("   </delta>\n  </unapplied-export>\n");
        hologram(sb, "synchronized-hologram", dn, anchor, user, name, "okta.example");
        if (!operation.startsWith("delete")) {
            hologram(sb, "unapplied-export-hologram", dn, anchor, user, name, "contoso.com");
        }
        sb.append("  <connector>1</connector>\n  <connector-state>normal</connector-state>\n")
                .append("  <export-delta-operation>").append(operation.equals("update") ? "modify" : operation)
                .append("</export-delta-operation>\n")
                .append("  <mv-link lineage-time=\"2024-05-01 10:00:00.000\" lineage-type=\"sync-rule\">{")
                .append(Long.toHexString(x)).append("}</mv-link>\n")
                .append("  <ma-id>{A1B2C3D4-0000-0000-0000-000000000001}</ma-id>\n")
                .append("  <ma-name>contoso.onmicrosoft.com - AAD</ma-name>\n")
                .append("  <last-import-delta-time>2024-05-01 10:00:00.000</last-import-delta-time>\n")
                .append(" </cs-object>\n");
    }

    private static void hologram(StringBuilder sb, String tower, String dn, String anchor, String user, String name,
            String domain) {
        sb.append("  <").append(tower).append(">\n   <entry dn=\"").append(dn).append("\">\n")
                .append("    <primary-objectclass>user</primary-objectclass>\n");
        attr(sb, "sourceAnchor", null, anchor);
        attr(sb, "cloudAnchor", null, "User_" + anchor.hashCode());
        attr(sb, "userPrincipalName", null, user + "@contoso.com");
        attr(sb, "displayName", null, name);
        attr(sb, "mail", null, user + "@" + domain);
        attr(sb, "mailNickname", null, user);
        attr(sb, "onPremisesSamAccountName", null, user);
        attr(sb, "dnsDomainName", null, "contoso.com");
        attr(sb, "accountEnabled", null, "true");
        sb.append("    <attr name=\"proxyAddresses\" type=\"string\" multivalued=\"true\">")
                .append("<value>SMTP:").append(user).append('@').append(domain).append("</value>")
                .append("<value>smtp:").append(user).append("@contoso.mail.onmicrosoft.com</value></attr>\n");
        sb.append("   </entry>\n  </").append(tower).append(">\n");
    }

    private static void attr(StringBuilder sb, String name, String operation, String value) {
        sb.append("    <attr name=\"").append(name).append("\" type=\"string\" multivalued=\"false\"");
        if (operation != null) {
            sb.append(" operation=\"").append(operation).append('"');
        }
        sb.append("><value>").append(value).append("</value></attr>\n");
    }

    /** Counts bytes on their way to disk, so the generator stops at the target size. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }
}
