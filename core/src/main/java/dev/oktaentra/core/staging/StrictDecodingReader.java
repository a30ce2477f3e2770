package dev.oktaentra.core.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a file's bytes for the XML parser, strictly: a byte the encoding does not allow stops reading with an
 * {@link UndecodableBytes} that knows the byte's offset in the file and the line and column it is on. Everything
 * decoded before it is handed over first, so the objects before a bad byte are still read. The JDK's parser, given
 * the bytes itself, would print {@code [Fatal Error] :-1:-1: …} on stderr and report only "Invalid byte 2 of
 * 3-byte UTF-8 sequence."
 */
final class StrictDecodingReader extends Reader {

    private final InputStream in;
    private final XmlEncoding encoding;
    private final CharsetDecoder decoder;
    /** Bytes read and not yet decoded; in read mode. */
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    /** The file offset of {@code bytes}' first element. */
    private long base;
    private long line = 1;
    private long column = 1;
    private boolean afterCr;
    private boolean endOfInput;
    private boolean flushed;
    /** The second half of a surrogate pair that did not fit the caller's buffer. */
    private int spare = -1;
    private UndecodableBytes failure;

    StrictDecodingReader(InputStream in, XmlEncoding encoding) throws IOException {
        this.in = in;
        this.encoding = encoding;
        this.decoder = encoding.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        in.skipNBytes(encoding.bomLength());
        this.base = encoding.bomLength();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (length == 0) {
            return 0;
        }
        if (spare >= 0) {
            // Counted when it was decoded.
            buffer[offset] = (char) spare;
            spare = -1;
            return 1;
        }
        if (length == 1) {
            // A supplementary character needs two chars: decode into room for both and keep the second.
            char[] pair = new char[2];
            int n = read(pair, 0, 2);
            if (n > 0) {
                buffer[offset] = pair[0];
                spare = n == 2 ? pair[1] : -1;
            }
            return n;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        CoderResult result = decodeInto(out);
        int decoded = out.position() - offset;
        advance(buffer, offset, decoded);
        if (result != null && result.isError()) {
            failure = undecodable(result);
            if (decoded == 0) {
                throw failure;
            }
        }
        return decoded == 0 ? -1 : decoded;
    }

    /** Decodes until {@code out} holds something or the input ends; the error result when decoding stops at one. */
    private CoderResult decodeInto(CharBuffer out) throws IOException {
        int start = out.position();
        while (out.position() == start) {
            if (endOfInput && !bytes.hasRemaining() && flushed) {
                return null;
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                return result;
            }
            if (result.isOverflow()) {
                return null;
            }
            if (endOfInput) {
                decoder.flush(out);
                flushed = true;
            } else {
                fill();
            }
        }
        return null;
    }

    private void fill() throws IOException {
        base += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /** Moves the line and column past the chars handed over; CR LF and a lone CR each end a line, as in XML. */
    private void advance(char[] chars, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = chars[i];
            if (c == '\n' && afterCr) {
                afterCr = false;
            } else if (c == '\n' || c == '\r') {
                line++;
                column = 1;
                afterCr = c == '\r';
            } else {
                afterCr = false;
                if (!Character.isLowSurrogate(c)) {
                    column++;
                }
            }
        }
    }

    private UndecodableBytes undecodable(CoderResult result) {
        int at = bytes.position();
        int count = Math.min(result.length(), bytes.limit() - at);
        StringBuilder shown = new StringBuilder(count == 1 ? "the byte" : "the bytes");
        for (int i = 0; i < count; i++) {
            shown.append(String.format(" 0x%02X", bytes.get(at + i) & 0xff));
        }
        String charset = encoding.charset().name();
        String what = result.isMalformed()
                ? (count == 1 ? " is" : " are") + " not valid " + charset
                : (count == 1 ? " is" : " are") + " not a character in " + charset;
        String reason = shown + " at byte offset " + (base + at) + what + " (" + encoding.origin() + "). Was the file saved in another encoding (e.g. Windows-1252) or cut "
                + "short? Export it again with csexport, or convert it to " + charset;
        return new UndecodableBytes(line, column, reason);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A byte the encoding does not allow, at a known place. */
    static final class UndecodableBytes extends IOException {

        private static final long serialVersionUID = 1L;

        private final long line;
        private final long column;

        UndecodableBytes(long line, long column, String reason) {
            super(reason);
            this.line = line;
            this.column = column;
        }

        long line() {
            return line;
        }

        long column() {
            return column;
        }
    }
}
