package dev.oktaentra.core.report.html;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes HTML with every value escaped: text and attribute values pass through {@link #escape(String)}, tag and
 * attribute names must be plain names, and JSON data goes into a {@code <script type="application/json">} block
 * through {@link #scriptSafeJson(String)}. There is deliberately no way to write raw markup.
 */
public final class HtmlWriter {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");
    private static final Pattern ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]*");

    private final StringBuilder html;

    HtmlWriter(StringBuilder html) {
        this.html = html;
    }

    /**
     * Opens an element.
     *
     * @param tag the tag name, e.g. {@code table}
     * @param attributes name, value, name, value, …; a {@code null} value leaves the attribute out
     * @return this writer
     * @throws IllegalArgumentException when a name is not a plain name or a value lacks its name
     */
    public HtmlWriter open(String tag, String... attributes) {
        html.append('<').append(name(tag));
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("Attributes come in name/value pairs, got " + attributes.length
                    + " strings for <" + tag + ">");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                html.append(' ').append(name(attributes[i])).append("=\"").append(escape(attributes[i + 1]))
                        .append('"');
            }
        }
        html.append('>');
        return this;
    }

    /**
     * Closes an element.
     *
     * @param tag the tag name
     * @return this writer
     */
    public HtmlWriter close(String tag) {
        html.append("</").append(name(tag)).append('>');
        return this;
    }

    /**
     * Writes an element with text content: {@code open}, {@code text}, {@code close}.
     *
     * @param tag the tag name
     * @param text the content, escaped; {@code null} writes nothing between the tags
     * @param attributes name, value, … as for {@link #open}
     * @return this writer
     */
    public HtmlWriter element(String tag, Object text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /**
     * Writes text, escaped.
     *
     * @param text the text; {@code null} writes nothing
     * @return this writer
     */
    public HtmlWriter text(Object text) {
        if (text != null) {
            html.append(escape(text.toString()));
        }
        return this;
    }

    /**
     * Embeds JSON for the page's script to read with {@code JSON.parse(element.textContent)}.
     *
     * @param id the element id, a plain name
     * @param json a JSON document
     * @return this writer
     */
    public HtmlWriter jsonData(String id, String json) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Not a plain id: " + id);
        }
        html.append("<script type=\"application/json\" id=\"").append(id).append("\">")
                .append(scriptSafeJson(json)).append("</script>");
        return this;
    }

    /**
     * Escapes text for an HTML text node or a quoted attribute value: {@code & < > " '}. Half a surrogate pair
     * becomes U+FFFD, the replacement character: the page is written as UTF-8, which cannot hold one, and a value
     * can (one read from a JSON escape of a lone surrogate, or built in code).
     *
     * @param text the text
     * @return the escaped text
     */
    public static String escape(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> unpaired(text, i) ? "\ufffd" : null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Makes a JSON document safe inside {@code <script>…</script>}: {@code <}, {@code >} and {@code &} become
     * JSON's six-character Unicode escapes, so that neither {@code </script>} nor {@code <!--} can appear, and so do
     * U+2028 and U+2029, which older JavaScript parsers take for line ends, and half a surrogate pair, which the
     * page's UTF-8 cannot hold (the escape keeps the string's value exactly). Outside strings JSON has none of these
     * characters, so the document's meaning is unchanged.
     *
     * @param json a JSON document
     * @return the same document, safe to embed
     */
    public static String scriptSafeJson(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (unpaired(json, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Whether the character at {@code i} is half of a surrogate pair without its other half. */
    private static boolean unpaired(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    private static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain tag or attribute name: " + name);
        }
        return name;
    }
}
