package dev.oktaentra.core.anchor;

import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * An Active Directory {@code objectGUID} (or a GUID-valued {@code mS-DS-ConsistencyGuid}): 16 bytes in the order
 * AD stores them and .NET's {@code Guid.ToByteArray()} returns them.
 *
 * <p>That order is <em>not</em> the order of {@link UUID} and RFC 4122: the first three groups of the text form are
 * byte-reversed, the last two are not. {@code 3ab39606-c642-489b-84b6-58c038d3ef39} is stored as
 * {@code 06 96 b3 3a 42 c6 9b 48 84 b6 58 c0 38 d3 ef 39}, and its ImmutableID is the Base64 of exactly those bytes,
 * {@code BpazOkLGm0iEtljAONPvOQ==}. Reading the bytes with {@code ByteBuffer.getLong()} or building a {@code UUID}
 * from them gives {@code OrOWBsZCSJuEtljAONPvOQ==}, the classic mistake that {@link MismatchCause#BYTE_ORDER} names.
 *
 * <p>Instances are immutable values, equal by their bytes. They hold two {@code long}s rather than an array so that
 * an index of millions of users stays small.
 */
public final class ObjectGuid implements Comparable<ObjectGuid> {

    /** Number of bytes in a GUID. */
    public static final int LENGTH = 16;

    private static final String WHAT = "Not a GUID";
    private static final String URN_PREFIX = "urn:uuid:";

    /** Bytes 0..7 of the AD (wire) order, big-endian. */
    private final long hi;
    /** Bytes 8..15 of the AD (wire) order, big-endian. */
    private final long lo;

    private ObjectGuid(long hi, long lo) {
        this.hi = hi;
        this.lo = lo;
    }

    /**
     * The GUID whose AD byte order is {@code bytes}, e.g. the raw value of {@code objectGUID} read over LDAP.
     *
     * @param bytes exactly 16 bytes in AD / {@code Guid.ToByteArray()} order; copied
     * @return the GUID
     * @throws InvalidAnchorException when {@code bytes} is null or not 16 bytes long
     */
    public static ObjectGuid of(byte[] bytes) {
        if (bytes == null) {
            throw new InvalidAnchorException(WHAT, null, "(no bytes)");
        }
        if (bytes.length != LENGTH) {
            throw new InvalidAnchorException(WHAT, Codec.hex(bytes, false),
                    "is " + bytes.length + " bytes long, a GUID has 16");
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (bytes[i] & 0xff);
            lo = (lo << 8) | (bytes[i + 8] & 0xff);
        }
        return new ObjectGuid(hi, lo);
    }

    /** The GUID from the two halves of its AD byte order, big-endian; for this package's decoders. */
    static ObjectGuid ofWireLongs(long hi, long lo) {
        return new ObjectGuid(hi, lo);
    }

    /**
     * Parses the text form of a GUID, as PowerShell, .NET, the AD tools and Graph print it.
     *
     * <p>Accepted, in any letter case: {@code 3ab39606-c642-489b-84b6-58c038d3ef39} (.NET "D"),
     * {@code {3ab39606-c642-489b-84b6-58c038d3ef39}} ("B"), {@code (3ab39606-…)} ("P"),
     * {@code 3ab39606c642489b84b658c038d3ef39} ("N", text order) and {@code urn:uuid:3ab39606-…} (the prefix in
     * ASCII letters). Surrounding whitespace (spaces, tabs, line breaks, no-break spaces, a byte-order mark) is not
     * trimmed but refused, the message naming it: a value with spaces around it is a different value in Entra.
     *
     * @param text the GUID text
     * @return the GUID
     * @throws InvalidAnchorException naming the input and what is wrong with it
     */
    public static ObjectGuid parse(CharSequence text) {
        // Kept small so that the JIT inlines it and, for the hyphenated form, never builds the object at all when
        // the caller only wants its ImmutableID.
        if (text instanceof String s && s.length() == 36) {
            ObjectGuid guid = hyphenatedOrNull(s, 0);
            if (guid != null) {
                return guid;
            }
        }
        return parseAnyForm(text);
    }

    private static ObjectGuid parseAnyForm(CharSequence text) {
        if (text == null) {
            throw new InvalidAnchorException(WHAT, null, "(no value)");
        }
        String whitespace = AnchorText.describeSurroundingWhitespace(text);
        if (whitespace != null) {
            throw new InvalidAnchorException(WHAT, text, whitespace
                    + "; it is not trimmed, because Entra compares anchors exactly");
        }
        int len = text.length();
        if (len == 36) {
            return parseHyphenated(text, 0);
        }
        if (len == 32) {
            return parseDigits(text);
        }
        if (len == 38 && text.charAt(0) == '{' && text.charAt(37) == '}'
                || len == 38 && text.charAt(0) == '(' && text.charAt(37) == ')') {
            return parseHyphenated(text, 1);
        }
        if (len == 45 && AnchorText.startsWithAsciiIgnoreCase(text, URN_PREFIX)) {
            return parseHyphenated(text, 9);
        }
        throw new InvalidAnchorException(WHAT, text, describeShape(text));
    }

    /**
     * The GUID that a {@link UUID} with the same text form denotes. {@code ObjectGuid.fromUuid(u).toString()}
     * equals {@code u.toString()}; the bytes are reordered as AD stores them.
     *
     * @param uuid the UUID
     * @return the GUID
     * @throws NullPointerException when {@code uuid} is null
     */
    public static ObjectGuid fromUuid(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return new ObjectGuid(swapTextAndWire(uuid.getMostSignificantBits()), uuid.getLeastSignificantBits());
    }

    /**
     * A random GUID as AD assigns them (version 4, RFC 4122 variant), drawn from {@code random} so that seeded
     * test directories are reproducible.
     *
     * @param random the source of randomness
     * @return a new GUID
     * @throws NullPointerException when {@code random} is null
     */
    public static ObjectGuid random(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return fromUuid(new UUID(msb, lsb));
    }

    /**
     * The {@link UUID} with the same text form (RFC 4122 big-endian fields).
     *
     * @return the UUID
     */
    public UUID toUuid() {
        return new UUID(swapTextAndWire(hi), lo);
    }

    /**
     * The 16 bytes in AD / {@code Guid.ToByteArray()} order, as LDAP carries {@code objectGUID}.
     *
     * @return a new array each call
     */
    public byte[] bytes() {
        byte[] out = new byte[LENGTH];
        for (int i = 7; i >= 0; i--) {
            out[i] = (byte) (hi >>> (8 * (7 - i)));
            out[i + 8] = (byte) (lo >>> (8 * (7 - i)));
        }
        return out;
    }

    /**
     * The ImmutableID (sourceAnchor) that Okta and Entra Connect derive from this GUID: standard Base64 of
     * {@link #bytes()}, e.g. {@code BpazOkLGm0iEtljAONPvOQ==}.
     *
     * @return the ImmutableID
     */
    public ImmutableId toImmutableId() {
        return ImmutableId.trusted(Codec.base64(hi, lo));
    }

    /**
     * The LDAP octet-string form: 32 lower-case hex digits of {@link #bytes()} in AD order, e.g.
     * {@code 0696b33a42c69b4884b658c038d3ef39}. This is <em>not</em> the text form without hyphens
     * ({@code 3ab39606c642489b84b658c038d3ef39}), and the parsers read 32 bare hex digits as that text form:
     * {@code Anchors.objectGuid(guid.toHex())} and {@code ObjectGuid.parse(guid.toHex())} give a byte-swapped GUID,
     * not {@code guid}. To read these digits back, prefix them: {@code Anchors.objectGuid("0x" + guid.toHex())}.
     *
     * @return the hex digits
     */
    public String toHex() {
        byte[] out = new byte[32];
        Codec.putHexBytes(hi, 8, out, 0);
        Codec.putHexBytes(lo, 8, out, 16);
        return Codec.latin1(out);
    }

    /**
     * The value to put in an LDAP equality filter on {@code objectGUID} or {@code mS-DS-ConsistencyGuid}: every
     * byte escaped as RFC 4515 allows, e.g. {@code \06\96\b3\3a…}. Safe to concatenate into a filter.
     *
     * @return the escaped bytes
     */
    public String toLdapFilterValue() {
        String hex = toHex();
        StringBuilder out = new StringBuilder(48);
        for (int i = 0; i < 32; i += 2) {
            out.append('\\').append(hex, i, i + 2);
        }
        return out.toString();
    }

    /**
     * The lower-case hyphenated text form, e.g. {@code 3ab39606-c642-489b-84b6-58c038d3ef39}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        // The JDK formats a UUID with a tuned internal routine; the text form is the same.
        return toUuid().toString();
    }

    /**
     * Whether {@code other} is a GUID with the same 16 bytes; however each was written (braced, upper case, an
     * ImmutableID) does not matter.
     *
     * @param other any object, or {@code null}
     * @return {@code true} when {@code other} is an {@code ObjectGuid} with the same bytes
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectGuid that && hi == that.hi && lo == that.lo;
    }

    /**
     * A hash of the 16 bytes, consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Long.hashCode(hi * 31 + lo);
    }

    /**
     * Orders by the AD byte order, unsigned, as a directory sorts octet strings. This is not the order of the text
     * forms: {@code 00000001-0000-…} sorts after {@code 01000000-0000-…}, whose stored first bytes are {@code 01} and
     * {@code 00}. Consistent with {@link #equals(Object)}.
     *
     * @param other the GUID to compare with
     * @return a negative number, zero or a positive number as this GUID sorts before, with or after {@code other}
     * @throws NullPointerException when {@code other} is null
     */
    @Override
    public int compareTo(ObjectGuid other) {
        int c = Long.compareUnsigned(hi, other.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, other.lo);
    }

    /**
     * Converts between the first eight bytes in text order (a UUID's most significant bits) and in AD order: the
     * first four bytes and the next two pairs are reversed. The mapping is its own inverse.
     */
    private static long swapTextAndWire(long firstEight) {
        long a = Integer.reverseBytes((int) (firstEight >>> 32)) & 0xffffffffL;
        long b = Short.reverseBytes((short) (firstEight >>> 16)) & 0xffffL;
        long c = Short.reverseBytes((short) firstEight) & 0xffffL;
        return (a << 32) | (b << 16) | c;
    }

    private static ObjectGuid parseHyphenated(CharSequence text, int offset) {
        String s = text.toString();
        ObjectGuid guid = hyphenatedOrNull(s, offset);
        if (guid != null) {
            return guid;
        }
        if (!hasHyphenShape(s, offset)) {
            throw new InvalidAnchorException(WHAT, text, describeShape(text));
        }
        throw new InvalidAnchorException(WHAT, text, describeBadDigit(text, offset, true));
    }

    /** The 8-4-4-4-12 form at {@code offset}, or {@code null} when it is not exactly that. */
    private static ObjectGuid hyphenatedOrNull(String s, int offset) {
        if (!hasHyphenShape(s, offset)) {
            return null;
        }
        long a = Codec.hex8(s, offset);
        long b = Codec.hex4(s, offset + 9);
        long c = Codec.hex4(s, offset + 14);
        long d = Codec.hex4(s, offset + 19);
        long e = Codec.hex4(s, offset + 24);
        long f = Codec.hex8(s, offset + 28);
        if ((a | b | c | d | e | f) < 0) {
            return null;
        }
        return new ObjectGuid(swapTextAndWire(a << 32 | b << 16 | c), d << 48 | e << 32 | f);
    }

    private static ObjectGuid parseDigits(CharSequence text) {
        String s = text.toString();
        long m = Codec.hex8(s, 0);
        long n = Codec.hex8(s, 8);
        long o = Codec.hex8(s, 16);
        long p = Codec.hex8(s, 24);
        if ((m | n | o | p) < 0) {
            throw new InvalidAnchorException(WHAT, text, describeBadDigit(text, 0, false));
        }
        return new ObjectGuid(swapTextAndWire(m << 32 | n), o << 32 | p);
    }

    /** Says why {@code text} is not a GUID, counting digits so that a truncated paste is recognisable. */
    private static String describeShape(CharSequence text) {
        int len = text.length();
        if (len == 0) {
            return "is empty";
        }
        char first = text.charAt(0);
        char last = text.charAt(len - 1);
        if (first == '{' && last != '}' || first == '(' && last != ')') {
            return "opens with " + AnchorText.show(first) + " but does not end with "
                    + AnchorText.show(first == '{' ? '}' : ')');
        }
        if (len == 24 && text.charAt(22) == '=' && text.charAt(23) == '=') {
            return "is an ImmutableID (Base64), not GUID text; read it with Anchors.objectGuid or "
                    + "ImmutableId.toObjectGuid";
        }
        boolean urn = AnchorText.startsWithAsciiIgnoreCase(text, URN_PREFIX);
        if (!urn && len == 45 && hasHyphenShape(text, 9)) {
            return "has 9 characters before its 8-4-4-4-12 digits that are not urn:uuid: (ASCII letters, any case)";
        }
        int digits = 0;
        int hyphens = 0;
        for (int i = urn ? URN_PREFIX.length() : 0; i < len; i++) {
            char c = text.charAt(i);
            if (Codec.hexValue(c) >= 0) {
                digits++;
            } else if (c == '-') {
                hyphens++;
            }
        }
        if (hyphens > 0 && hyphens != 4) {
            return "has " + hyphens + " hyphens, a GUID has 4 (8-4-4-4-12 hex digits)";
        }
        if (hyphens == 4 && digits == 32) {
            return "has its hyphens in the wrong places, a GUID has 8-4-4-4-12 hex digits";
        }
        if (digits != 32) {
            return "has " + digits + " hex digits, a GUID has 32";
        }
        return "is not in a GUID form (8-4-4-4-12 hex digits, optionally in {} or (), or 32 digits, or urn:uuid:)";
    }

    /** Whether the 36 characters at {@code offset} have hyphens where the 8-4-4-4-12 form has them. */
    static boolean hasHyphenShape(CharSequence text, int offset) {
        return text.length() >= offset + 36 && text.charAt(offset + 8) == '-' && text.charAt(offset + 13) == '-'
                && text.charAt(offset + 18) == '-' && text.charAt(offset + 23) == '-';
    }

    /** Names the first character that is not a hex digit in the 32 (or 36 with hyphens) from {@code offset}. */
    private static String describeBadDigit(CharSequence text, int offset, boolean hyphenated) {
        int end = offset + (hyphenated ? 36 : 32);
        for (int i = offset; i < end; i++) {
            int at = i - offset;
            boolean hyphenSlot = hyphenated && (at == 8 || at == 13 || at == 18 || at == 23);
            if (!hyphenSlot && Codec.hexValue(text.charAt(i)) < 0) {
                return "has " + AnchorText.show(text.charAt(i)) + " at position " + (i + 1) + ", where a hex digit belongs";
            }
        }
        return "is not in a GUID form";
    }
}
