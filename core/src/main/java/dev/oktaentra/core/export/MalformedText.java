package dev.oktaentra.core.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds where a text file stops being valid in its encoding, for an error message a person can act on. */
final class MalformedText {

    private MalformedText() {
    }

    /**
     * Describes the first byte sequence that does not decode.
     *
     * @return e.g. {@code "byte 0xE9 at offset 181 (line 3)"}, or a vaguer phrase when the file cannot be re-read
     */
    static String locate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            Charset charset = charsetOf(head);
            int bom = charset == StandardCharsets.UTF_8 ? 0 : 2;
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
            bytes.put(head, bom, head.length - bom);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            long consumed = bom;
            long line = 1;
            boolean end = false;
            while (true) {
                if (!end) {
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        end = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                }
                bytes.flip();
                int before = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, end);
                consumed += bytes.position() - before;
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                    }
                }
                chars.clear();
                if (result.isError()) {
                    int bad = bytes.get(bytes.position()) & 0xff;
                    return String.format("byte 0x%02X at offset %d (line %d)", bad, consumed, line);
                }
                bytes.compact();
                if (end && bytes.position() == 0) {
                    return "somewhere in the file";
                }
            }
        } catch (IOException | RuntimeException e) {
            return "somewhere in the file";
        }
    }

    private static Charset charsetOf(byte[] head) {
        if (head.length == 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length == 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return StandardCharsets.UTF_8;
    }
}
