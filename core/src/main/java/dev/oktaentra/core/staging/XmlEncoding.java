package dev.oktaentra.core.staging;

import dev.oktaentra.core.internal.ByteOrderMark;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The encoding of a csexport XML file, told from its first bytes the way the XML specification's appendix F
 * ("Autodetection of Character Encodings", https://www.w3.org/TR/xml/#sec-guessing) describes: a byte-order mark
 * wins; UTF-16 without one shows as a zero byte beside {@code <}; otherwise the XML declaration's
 * {@code encoding}, or UTF-8 when it names none. The file's encoding is not documented (domain.md §2.2), so it is
 * detected, never assumed. The bytes are then decoded here, strictly, so that a byte the encoding does not allow is
 * reported by {@link StrictDecodingReader} with its offset and line, and never reaches the JDK's parser (which prints
 * {@code [Fatal Error]} lines on stderr when it meets one).
 *
 * @param charset the encoding to decode with
 * @param bomLength the bytes of byte-order mark to skip
 * @param origin why this encoding, for messages, e.g. "the XML declaration says windows-1252"
 */
record XmlEncoding(Charset charset, int bomLength, String origin) {

    private static final int HEAD_BYTES = 1024;
    private static final Pattern DECLARED = Pattern.compile(
            "^<\\?xml\\s[^>]*?encoding\\s*=\\s*([\"'])([A-Za-z][A-Za-z0-9._-]*)\\1");

    /**
     * Reads the encoding from the first bytes of {@code in} and leaves the stream where it was.
     *
     * @param in a stream supporting mark and reset
     * @param source the file's name, for messages
     */
    static XmlEncoding detect(BufferedInputStream in, String source) throws IOException {
        in.mark(HEAD_BYTES);
        byte[] head = in.readNBytes(HEAD_BYTES);
        in.reset();
        int b0 = head.length > 0 ? head[0] & 0xff : -1;
        int b1 = head.length > 1 ? head[1] & 0xff : -1;
        ByteOrderMark mark = ByteOrderMark.at(head);
        if (mark != null) {
            return new XmlEncoding(mark.charset(), mark.length(), "the byte-order mark says " + mark.charset().name());
        }
        if (b0 == '<' && b1 == 0) {
            return new XmlEncoding(StandardCharsets.UTF_16LE, 0,
                    "no byte-order mark, but the zero byte after '<' shows UTF-16LE");
        }
        if (b0 == 0 && b1 == '<') {
            return new XmlEncoding(StandardCharsets.UTF_16BE, 0,
                    "no byte-order mark, but the zero byte before '<' shows UTF-16BE");
        }
        Matcher declared = DECLARED.matcher(new String(head, StandardCharsets.ISO_8859_1));
        if (!declared.find()) {
            return new XmlEncoding(StandardCharsets.UTF_8, 0, "no encoding is declared, so UTF-8");
        }
        Charset charset = charset(declared.group(2), source);
        // A file declaring UTF-16 whose bytes are single-byte text (an editor re-saved it, keeping the declaration):
        // what the bytes are wins, and UTF-8 still reports any byte it does not allow.
        if (!isAsciiCompatible(charset)) {
            return new XmlEncoding(StandardCharsets.UTF_8, 0, "the XML declaration says "
                    + declared.group(2) + ", but the file has no byte-order mark and single-byte text, so UTF-8");
        }
        return new XmlEncoding(charset, 0, "the XML declaration says " + declared.group(2));
    }

    private static Charset charset(String name, String source) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new StagingExportException(source, 1, -1, "the XML declaration names the encoding '" + name
                    + "', which this Java runtime does not know", e);
        }
    }

    private static boolean isAsciiCompatible(Charset charset) {
        String probe = "<?xml";
        return charset.canEncode()
                && new String(probe.getBytes(charset), StandardCharsets.ISO_8859_1).equals(probe);
    }
}
