package dev.oktaentra.ldap;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens an LDIF file in the encoding its first bytes announce. {@code ldifde} writes UTF-8 by default and UTF-16
 * little-endian with a byte order mark under {@code -u}; a UTF-16 file without a mark is recognised by the zero
 * byte beside its first ASCII character ({@code d} of {@code dn:} or {@code #}). Bytes that are not valid in the
 * encoding are an error, never replaced silently.
 */
final class LdifText {

    private static final int BUFFER = 1 << 16;

    private LdifText() {
    }

    /** The encoding and how many bytes of byte order mark to skip. */
    record Encoding(Charset charset, int bomLength) {

        @Override
        public String toString() {
            return charset.name() + (bomLength > 0 ? " with BOM" : "");
        }
    }

    static Encoding detect(byte[] head, int length) {
        int b0 = length > 0 ? head[0] & 0xff : -1;
        int b1 = length > 1 ? head[1] & 0xff : -1;
        int b2 = length > 2 ? head[2] & 0xff : -1;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            return new Encoding(StandardCharsets.UTF_8, 3);
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return new Encoding(StandardCharsets.UTF_16LE, 2);
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return new Encoding(StandardCharsets.UTF_16BE, 2);
        }
        if (length > 1 && b0 != 0 && b1 == 0) {
            return new Encoding(StandardCharsets.UTF_16LE, 0);
        }
        if (length > 1 && b0 == 0 && b1 != 0) {
            return new Encoding(StandardCharsets.UTF_16BE, 0);
        }
        return new Encoding(StandardCharsets.UTF_8, 0);
    }

    /** Opens the file for line reading, past its byte order mark. */
    static LineCountingReader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            in.mark(4);
            byte[] head = new byte[4];
            int length = in.readNBytes(head, 0, head.length);
            in.reset();
            Encoding encoding = detect(head, length);
            in.skipNBytes(encoding.bomLength());
            Reader reader = new InputStreamReader(in, encoding.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            return new LineCountingReader(reader, encoding);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Counts lines as the LDIF reader takes them, and remembers where the current record began: its first line that
     * is neither blank nor a comment.
     */
    static final class LineCountingReader extends BufferedReader {

        private final Encoding encoding;
        private long line;
        private long recordStart;
        private boolean awaitingRecord = true;

        LineCountingReader(Reader in, Encoding encoding) {
            super(in, BUFFER);
            this.encoding = encoding;
        }

        @Override
        public String readLine() throws IOException {
            String text = super.readLine();
            if (text != null) {
                line++;
                if (awaitingRecord && !text.isEmpty() && text.charAt(0) != '#') {
                    recordStart = line;
                    awaitingRecord = false;
                }
            }
            return text;
        }

        /** Call before reading a record. */
        void startRecord() {
            awaitingRecord = true;
        }

        /** The first line of the record last read. */
        long recordStart() {
            return recordStart;
        }

        /** The last line read. */
        long line() {
            return line;
        }

        Encoding encoding() {
            return encoding;
        }
    }
}
