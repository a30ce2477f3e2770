package dev.oktaentra.core.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A byte-order mark at the start of a file, and the encoding it names: UTF-8 ({@code EF BB BF}), UTF-16 little-endian
 * ({@code FF FE}, what Windows PowerShell 5.1's {@code >}, {@code Out-File} and {@code Export-Csv -Encoding Unicode}
 * write) or big-endian ({@code FE FF}). The readers of exports, csexport files and lists a person writes all start by
 * asking this.
 *
 * @param charset the encoding the mark names
 * @param length how many bytes the mark takes, to skip before decoding
 */
public record ByteOrderMark(Charset charset, int length) {

    private static final ByteOrderMark UTF_8 = new ByteOrderMark(StandardCharsets.UTF_8, 3);
    private static final ByteOrderMark UTF_16LE = new ByteOrderMark(StandardCharsets.UTF_16LE, 2);
    private static final ByteOrderMark UTF_16BE = new ByteOrderMark(StandardCharsets.UTF_16BE, 2);

    /**
     * The mark the first bytes of a file begin with.
     *
     * @param head the file's first bytes (any number, none included)
     * @return the mark, or {@code null} when the bytes begin with none
     */
    public static ByteOrderMark at(byte[] head) {
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return UTF_8;
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return UTF_16LE;
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return UTF_16BE;
        }
        return null;
    }

    /**
     * Whether bytes begin with a prefix, each given as an unsigned byte value.
     *
     * @param head the bytes
     * @param prefix the values, 0 to 255
     * @return true when {@code head} is at least as long and begins with them
     */
    public static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
