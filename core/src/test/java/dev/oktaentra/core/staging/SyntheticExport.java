package dev.oktaentra.core.staging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds SYNTHETIC csexport XML for tests. No real csexport dump is public (domain.md §2.2): the structure is
 * assembled from Microsoft's "Connector Space Export XML" element reference and the public parsing scripts, as in
 * the skeleton of domain.md §2.4. Every file this builder writes is synthetic and says so in a leading comment.
 */
final class SyntheticExport {

    static final String SYNTHETIC_COMMENT =
            "<!-- SYNTHETIC csexport fixture built from domain.md 2.2/2.4; not a real dump -->";

    private final StringBuilder body = new StringBuilder();
    private final String root;

    private SyntheticExport(String root) {
        this.root = root;
    }

    static SyntheticExport create() {
        return new SyntheticExport("cs-objects");
    }

    static SyntheticExport withRoot(String root) {
        return new SyntheticExport(root);
    }

    ObjectXml object(String csDn, String objectType) {
        return new ObjectXml(this, csDn, "{" + java.util.UUID.nameUUIDFromBytes(String.valueOf(csDn).getBytes(StandardCharsets.UTF_8))
                + "}", objectType);
    }

    SyntheticExport raw(String xml) {
        body.append(xml).append('\n');
        return this;
    }

    /** The document without an XML declaration's encoding (UTF-8 by default). */
    String xml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SYNTHETIC_COMMENT + "\n<" + root + ">\n" + body
                + "</" + root + ">\n";
    }

    /** The document encoded in {@code charset}, its declaration naming that charset, with or without a BOM. */
    byte[] bytes(Charset charset, boolean bom) {
        String text = "<?xml version=\"1.0\" encoding=\"" + declared(charset) + "\"?>\n" + SYNTHETIC_COMMENT + "\n<"
                + root + ">\n" + body + "</" + root + ">\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes("\ufeff".getBytes(charset));
        }
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    private static String declared(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE)) {
            return "UTF-16";
        }
        return charset.name();
    }

    Path write(Path dir, String name) {
        return writeBytes(dir, name, xml().getBytes(StandardCharsets.UTF_8));
    }

    static Path writeBytes(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PendingExportReader reader() {
        return PendingExportReader.xml(stream(xml().getBytes(StandardCharsets.UTF_8)), "synthetic.xml");
    }

    static InputStream stream(byte[] bytes) {
        return new java.io.ByteArrayInputStream(bytes);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** One cs-object; {@link #end()} appends it to the export. */
    static final class ObjectXml {
        private final SyntheticExport export;
        private final StringBuilder head = new StringBuilder();
        private final StringBuilder delta = new StringBuilder();
        private final StringBuilder tail = new StringBuilder();
        private String deltaOpen;

        private ObjectXml(SyntheticExport export, String csDn, String id, String objectType) {
            this.export = export;
            head.append(" <cs-object");
            if (csDn != null) {
                head.append(" cs-dn=\"").append(escape(csDn)).append('"');
            }
            head.append(" id=\"").append(id).append('"');
            if (objectType != null) {
                head.append(" object-type=\"").append(escape(objectType)).append('"');
            }
            head.append(">\n");
        }

        ObjectXml delta(String operation, String dn) {
            return delta(operation, dn, null);
        }

        ObjectXml delta(String operation, String dn, String newDn) {
            deltaOpen = "  <unapplied-export>\n   <delta operation=\"" + operation + "\" dn=\"" + escape(dn) + "\""
                    + (newDn == null ? "" : " newdn=\"" + escape(newDn) + "\"") + ">\n";
            return this;
        }

        /** A single- or multi-valued {@code <attr>} whose values carry no operation. */
        ObjectXml attr(String name, String operation, String... values) {
            delta.append("    <attr name=\"").append(name).append("\" type=\"string\" multivalued=\"")
                    .append(values.length > 1).append('"');
            if (operation != null) {
                delta.append(" operation=\"").append(operation).append('"');
            }
            delta.append('>');
            for (String v : values) {
                delta.append("<value>").append(escape(v)).append("</value>");
            }
            delta.append("</attr>\n");
            return this;
        }

        /** A multi-valued {@code <attr>} with per-value operations, e.g. {@code "add:SMTP:a@b"}. */
        ObjectXml multi(String name, String operation, String... opValues) {
            delta.append("    <attr name=\"").append(name).append("\" type=\"string\" multivalued=\"true\"")
                    .append(" operation=\"").append(operation).append("\">\n");
            for (String v : opValues) {
                int colon = v.indexOf(':');
                delta.append("      <value operation=\"").append(v, 0, colon).append("\">")
                        .append(escape(v.substring(colon + 1))).append("</value>\n");
            }
            delta.append("    </attr>\n");
            return this;
        }

        /** A {@code <dn-attr>} with per-value operations ({@code "add:CN=…"}) or plain values. */
        ObjectXml dnAttr(String name, String operation, boolean multivalued, String... values) {
            delta.append("    <dn-attr name=\"").append(name).append("\" multivalued=\"").append(multivalued)
                    .append("\" operation=\"").append(operation).append("\">");
            for (String v : values) {
                int colon = v.startsWith("add:") || v.startsWith("delete:") ? v.indexOf(':') : -1;
                delta.append("<dn-value");
                if (colon > 0) {
                    delta.append(" operation=\"").append(v, 0, colon).append('"');
                }
                delta.append("><dn>").append(escape(v.substring(colon + 1))).append("</dn></dn-value>");
            }
            delta.append("</dn-attr>\n");
            return this;
        }

        ObjectXml deltaRaw(String xml) {
            delta.append(xml).append('\n');
            return this;
        }

        /** A hologram tower with name/value pairs; a repeated name gives a multi-valued attribute. */
        ObjectXml hologram(String tower, String dn, String... nameValuePairs) {
            tail.append("  <").append(tower).append("><entry dn=\"").append(escape(dn)).append("\">\n");
            java.util.LinkedHashMap<String, java.util.List<String>> attrs = new java.util.LinkedHashMap<>();
            for (int i = 0; i < nameValuePairs.length; i += 2) {
                attrs.computeIfAbsent(nameValuePairs[i], k -> new java.util.ArrayList<>()).add(nameValuePairs[i + 1]);
            }
            attrs.forEach((name, values) -> {
                boolean ref = name.equals("manager");
                tail.append("    <").append(ref ? "dn-attr" : "attr").append(" name=\"").append(name)
                        .append("\" multivalued=\"").append(values.size() > 1).append("\">");
                for (String v : values) {
                    tail.append(ref ? "<dn-value><dn>" + escape(v) + "</dn></dn-value>" : "<value>" + escape(v)
                            + "</value>");
                }
                tail.append("</").append(ref ? "dn-attr" : "attr").append(">\n");
            });
            tail.append("  </entry></").append(tower).append(">\n");
            return this;
        }

        ObjectXml exportError(String errorName, String literal) {
            tail.append("  <export-errordetail first-occurred=\"2024-05-01 10:00:00.000\" date-occurred=\"2024-05-02 "
                    + "10:00:00.000\" retry-count=\"3\" error-type=\"cd-error\">\n   <export-status><cd-error>"
                    + "<error-code>0x80230306</error-code><error-name>" + escape(errorName) + "</error-name>"
                    + "<error-literal>" + escape(literal) + "</error-literal></cd-error></export-status>\n"
                    + "  </export-errordetail>\n");
            return this;
        }

        ObjectXml raw(String xml) {
            tail.append(xml).append('\n');
            return this;
        }

        SyntheticExport end() {
            StringBuilder out = new StringBuilder(head);
            if (deltaOpen != null) {
                out.append(deltaOpen).append(delta).append("   </delta>\n  </unapplied-export>\n");
            }
            out.append(tail);
            out.append("  <connector>1</connector>\n  <ma-name>contoso.onmicrosoft.com - AAD</ma-name>\n");
            out.append(" </cs-object>");
            export.raw(out.toString());
            return export;
        }
    }
}
