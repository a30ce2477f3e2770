package dev.oktaentra.core.anchor;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The text Entra ID keeps in a user's {@code onPremisesImmutableId}, and Entra Connect calls the sourceAnchor.
 *
 * <p>For a binary source attribute (objectGUID, mS-DS-ConsistencyGuid, any octet string) it is the standard Base64
 * of the bytes: RFC 4648 alphabet with {@code +} and {@code /}, {@code =} padding, never URL-safe. For a string
 * source attribute such as {@code employeeID} Entra Connect uses the value as it is, without Base64. Both are held
 * here as the exact text; comparison is case-sensitive because Entra's is ({@code JohnDoe} is not {@code johndoe}).
 *
 * @param value the exact text, never empty
 */
public record ImmutableId(String value) implements Comparable<ImmutableId> {

    private static final String WHAT = "Not an ImmutableID";
    private static final String DN_WHAT = "Not an Entra connector-space DN";
    private static final String DN_PREFIX = "CN={";

    /**
     * Checks that the value is present. This constructor, which the library's encoders use for the Base64 they
     * write, checks nothing else; {@link #of(String)} and {@link #ofString(String)} also refuse a text that UTF-8
     * cannot encode, and are the way to build an ImmutableID from a text read elsewhere.
     *
     * @param value the exact text
     * @throws InvalidAnchorException when {@code value} is null or empty
     */
    public ImmutableId {
        if (value == null || value.isEmpty()) {
            throw new InvalidAnchorException(WHAT, value, value == null ? "(no value)" : "is empty");
        }
    }

    /** For this package's encoders, whose output is never empty. */
    static ImmutableId trusted(String value) {
        return new ImmutableId(value);
    }

    /**
     * The ImmutableID exactly as a cloud user carries it, binary or string; nothing is trimmed or re-encoded.
     *
     * @param value the cloud's {@code onPremisesImmutableId}
     * @return the ImmutableID
     * @throws InvalidAnchorException when {@code value} is null or empty, or holds an unpaired surrogate (half of a
     *         UTF-16 pair, which UTF-8 and so Entra cannot store)
     */
    public static ImmutableId of(String value) {
        return new ImmutableId(requireEncodable(value));
    }

    /**
     * The ImmutableID of a GUID-valued anchor (objectGUID, or mS-DS-ConsistencyGuid holding a GUID).
     *
     * @param guid the GUID
     * @return Base64 of the GUID's AD byte order
     * @throws NullPointerException when {@code guid} is null
     */
    public static ImmutableId ofObjectGuid(ObjectGuid guid) {
        return Objects.requireNonNull(guid, "guid").toImmutableId();
    }

    /**
     * The ImmutableID of any binary anchor: standard, padded Base64 of {@code bytes}.
     *
     * @param bytes the attribute's raw value, at least one byte
     * @return the ImmutableID
     * @throws InvalidAnchorException when {@code bytes} is null or empty
     */
    public static ImmutableId ofBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidAnchorException(WHAT, null, bytes == null ? "(no bytes)" : "(zero bytes)");
        }
        return new ImmutableId(Codec.base64(bytes));
    }

    /**
     * The ImmutableID of a string anchor, such as {@code employeeID}: Entra Connect uses the value as it is.
     *
     * @param value the attribute's value
     * @return the ImmutableID
     * @throws InvalidAnchorException when {@code value} is null or empty, or holds an unpaired surrogate (half of a
     *         UTF-16 pair, which UTF-8 and so Entra cannot store)
     */
    public static ImmutableId ofString(String value) {
        return new ImmutableId(requireEncodable(value));
    }

    /**
     * Refuses an unpaired surrogate, so that {@link #toConnectorSpaceDn()} and the LDAP filter value never hold the
     * {@code ?} that Java's UTF-8 encoder writes for one. The encoders' output is ASCII and skips this scan; a DN
     * decodes through a strict UTF-8 decoder, which cannot produce one.
     */
    private static String requireEncodable(String value) {
        String reason = value == null ? null : AnchorText.describeUnpairedSurrogate(value);
        if (reason != null) {
            throw new InvalidAnchorException(WHAT, value, reason);
        }
        return value;
    }

    /**
     * The ImmutableID behind an Entra connector-space DN: {@code CN={514635…3D3D}} gives
     * {@code QF5HMK7n80qvdYsUPIHa9Q==}. The hex digits may be in either case.
     *
     * @param dn the connector-space DN, as {@code csexport} and the Synchronization Service Manager show it
     * @return the ImmutableID the DN encodes
     * @throws InvalidAnchorException when {@code dn} is not {@code CN={hex}} of a UTF-8 text
     */
    public static ImmutableId fromConnectorSpaceDn(String dn) {
        if (dn == null) {
            throw new InvalidAnchorException(DN_WHAT, null, "(no value)");
        }
        if (dn.length() < DN_PREFIX.length() + 3 || !AnchorText.startsWithAsciiIgnoreCase(dn, "cn={")
                || dn.charAt(dn.length() - 1) != '}') {
            throw new InvalidAnchorException(DN_WHAT, dn, "is not of the form CN={hex digits}");
        }
        int digits = dn.length() - DN_PREFIX.length() - 1;
        if (digits % 2 != 0) {
            throw new InvalidAnchorException(DN_WHAT, dn, "has an odd number (" + digits + ") of hex digits");
        }
        byte[] bytes = new byte[digits / 2];
        for (int i = 0; i < bytes.length; i++) {
            long b = Codec.hexDigits(dn, DN_PREFIX.length() + 2 * i, 2);
            if (b < 0) {
                throw new InvalidAnchorException(DN_WHAT, dn,
                        "has a character that is not a hex digit at position " + (DN_PREFIX.length() + 2 * i + 1));
            }
            bytes[i] = (byte) b;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new ImmutableId(text);
        } catch (CharacterCodingException e) {
            throw new InvalidAnchorException(DN_WHAT, dn, "encodes bytes that are not text");
        }
    }

    /**
     * The bytes of a binary anchor: present only when the value is canonical standard Base64, i.e. encoding the
     * bytes again gives exactly this value. A string anchor can look like Base64 by chance ({@code E1234567});
     * only the caller knows which kind of source attribute is in play.
     *
     * @return the decoded bytes, or empty
     */
    public Optional<byte[]> decodeBinary() {
        return Optional.ofNullable(Codec.decodeCanonicalBase64(value));
    }

    /**
     * The GUID whose Base64 this is: present when the value is the canonical 24-character Base64 of 16 bytes.
     *
     * @return the GUID, or empty
     */
    public Optional<ObjectGuid> toObjectGuid() {
        return Optional.ofNullable(Codec.guidOfBase64(value));
    }

    /**
     * The DN of this anchor's object in Entra Connect's AAD connector space: <code>CN=&#123;</code> + upper-case hex of
     * the UTF-8 (for Base64: ASCII) bytes of the value + <code>&#125;</code>, as ADSyncTools'
     * {@code ConvertTo-ADSyncToolsAadDistinguishedName} computes it.
     *
     * @return e.g. {@code CN={514635484D4B376E38307176645973555049486139513D3D}}
     */
    public String toConnectorSpaceDn() {
        return DN_PREFIX + Codec.hex(value.getBytes(StandardCharsets.UTF_8), true) + "}";
    }

    /**
     * Orders by the exact text, case-sensitively ({@link String#compareTo(String)}), consistent with equality.
     *
     * @param other the ImmutableID to compare with
     * @return a negative number, zero or a positive number as this value sorts before, with or after {@code other}
     * @throws NullPointerException when {@code other} is null
     */
    @Override
    public int compareTo(ImmutableId other) {
        return value.compareTo(other.value);
    }

    /**
     * The value itself, so that an ImmutableID prints as Entra shows it.
     *
     * @return {@link #value()}
     */
    @Override
    public String toString() {
        return value;
    }
}
