package dev.oktaentra.core.anchor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Hex and Base64 for anchors, written for the 16-byte case that dominates a tenant-wide validation.
 *
 * <p>A million-user validation converts millions of anchors, so the 16-byte paths are branch-light: four characters
 * are read and checked per step with small tables that stay in the CPU's first-level cache, Base64 is written twelve
 * bits (two characters) per lookup, and results are assembled in a byte array that becomes a Latin-1 string with a
 * single copy. The general paths (any length, error messages) stay simple.
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

    /** Two Base64 characters (first in the low byte) for each 12-bit value. */
    private static final short[] BASE64_PAIR = new short[1 << 12];
    /** Two lower-case hex digits (first in the low byte) for each byte value. */
    private static final short[] HEX_PAIR = new short[256];



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
                BASE64_PAIR[i << 6 | j] = (short) (BASE64_ALPHABET[i] | BASE64_ALPHABET[j] << 8);
            }
        }
        for (int b = 0; b < 256; b++) {
            HEX_PAIR[b] = (short) (HEX_LOWER[b >>> 4] | HEX_LOWER[b & 0xf] << 8);
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
        byte[] out = new byte[24];
        // Bytes 0..14 form five 24-bit groups of four characters; byte 15 gives two characters and "==".
        putBase64Group(out, 0, (int) (hi >>> 40));
        putBase64Group(out, 4, (int) (hi >>> 16));
        putBase64Group(out, 8, (int) (hi << 8 | lo >>> 56));
        putBase64Group(out, 12, (int) (lo >>> 32));
        putBase64Group(out, 16, (int) (lo >>> 8));
        putPair(out, 20, BASE64_PAIR[(int) (lo & 0xff) << 4]);
        out[22] = '=';
        out[23] = '=';
        return latin1(out);
    }

    /** Writes the four characters of the low 24 bits of {@code group}. */
    private static void putBase64Group(byte[] out, int at, int group) {
        putPair(out, at, BASE64_PAIR[(group >>> 12) & 0xfff]);
        putPair(out, at + 2, BASE64_PAIR[group & 0xfff]);
    }

    /** Stores two characters held as a little-endian {@code short}. */
    private static void putPair(byte[] out, int at, short pair) {
        out[at] = (byte) pair;
        out[at + 1] = (byte) (pair >>> 8);
    }

    /**
     * Decodes the 24-character canonical Base64 of exactly 16 bytes into {@code into[0]} (bytes 0..7) and
     * {@code into[1]} (bytes 8..15).
     *
     * @return whether {@code s} was such a value
     */
    static boolean decodeBase64Of16(String s, long[] into) {
        if (s.length() != 24 || s.charAt(22) != '=' || s.charAt(23) != '=') {
            return false;
        }
        // Five 4-character quads are bytes 0..14; characters 20 and 21 carry byte 15 and four bits that must be 0.
        long q0 = base64Quad(s, 0);
        long q1 = base64Quad(s, 4);
        long q2 = base64Quad(s, 8);
        long q3 = base64Quad(s, 12);
        long q4 = base64Quad(s, 16);
        long last = base64Pair(s, 20);
        if ((q0 | q1 | q2 | q3 | q4 | last) < 0 || (last & 0xf) != 0) {
            return false;
        }
        into[0] = q0 << 40 | q1 << 16 | q2 >>> 8;
        into[1] = (q2 & 0xff) << 56 | q3 << 32 | q4 << 8 | last >>> 4;
        return true;
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
        return BASE64_VALUE[a] << 18 | BASE64_VALUE[b] << 12 | BASE64_VALUE[c] << 6 | BASE64_VALUE[d];
    }

    /** The 12 bits of the two Base64 characters at {@code at}, or a negative number. */
    private static long base64Pair(String s, int at) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        return (a | b) >= 128 ? -1 : BASE64_VALUE[a] << 6 | BASE64_VALUE[b];
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
        return HEX_VALUE[a] << 12 | HEX_VALUE[b] << 8 | HEX_VALUE[c] << 4 | HEX_VALUE[d];
    }

    /** Writes the two lower-case hex digits of each of the {@code count} low bytes of {@code value}, big-endian. */
    static void putHexBytes(long value, int count, byte[] out, int at) {
        for (int i = 0; i < count; i++) {
            putPair(out, at + 2 * i, HEX_PAIR[(int) (value >>> (8 * (count - 1 - i))) & 0xff]);
        }
    }

    /**
     * A string over ASCII bytes. The JDK copies Latin-1 bytes straight into a compact string; the deprecated
     * {@code String(byte[], int hibyte, …)} constructor looks cheaper but measured fifty times slower on JDK 17.
     */
    static String latin1(byte[] ascii) {
        return new String(ascii, StandardCharsets.ISO_8859_1);
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
