package dev.oktaentra.core.anchor;

import java.util.Objects;

/**
 * One-liners for anchors, made for JShell and scripts: convert, recognise and diagnose without building anything.
 *
 * <pre>{@code
 * Anchors.immutableId("3ab39606-c642-489b-84b6-58c038d3ef39")   // "BpazOkLGm0iEtljAONPvOQ=="
 * Anchors.objectGuid("BpazOkLGm0iEtljAONPvOQ==")               // 3ab39606-c642-489b-84b6-58c038d3ef39
 * Anchors.detect("CN={514635484D4B376E38307176645973555049486139513D3D}")   // CONNECTOR_SPACE_DN
 * Anchors.convert("\\06\\96\\b3\\3a\\42\\c6\\9b\\48\\84\\b6\\58\\c0\\38\\d3\\ef\\39")  // every form
 * Anchors.explainMismatch(guid, "OrOWBsZCSJuEtljAONPvOQ==")     // BYTE_ORDER
 * }</pre>
 *
 * <p>Every method throws {@link InvalidAnchorException}, and nothing else, for a text it cannot read, a null text
 * included; a null {@link ObjectGuid} or {@link ImmutableId} argument throws {@link NullPointerException} naming the
 * parameter.
 */
public final class Anchors {

    private Anchors() {
    }

    /**
     * The ImmutableID of a GUID given in any form {@link #objectGuid(String)} reads.
     *
     * @param guidInAnyForm e.g. {@code 3ab39606-c642-489b-84b6-58c038d3ef39}
     * @return the ImmutableID text, e.g. {@code BpazOkLGm0iEtljAONPvOQ==}
     * @throws InvalidAnchorException when the text is not a 16-byte anchor in any known form
     */
    public static String immutableId(String guidInAnyForm) {
        return objectGuid(guidInAnyForm).toImmutableId().value();
    }

    /**
     * The GUID behind a text: GUID text in any {@link ObjectGuid#parse form}, an ImmutableID, 16 bytes as
     * {@code 0x}-prefixed or separated hex or as LDAP escapes, or a connector-space DN whose ImmutableID is a GUID's.
     *
     * <p><strong>32 bare hex digits are read as GUID text</strong> (.NET's "N" format,
     * {@code 3ab39606c642489b84b658c038d3ef39}), <strong>not as the stored bytes</strong> that
     * {@link ObjectGuid#toHex()} and LDAP tools print: {@code objectGuid(guid.toHex())} is a different, byte-swapped
     * GUID. Give stored bytes as {@code "0x" + guid.toHex()} or {@link ObjectGuid#toLdapFilterValue()};
     * {@link #convert(String)} adds a warning to every 32-digit input.
     *
     * @param text the anchor
     * @return the GUID
     * @throws InvalidAnchorException when the text does not denote 16 bytes; for a text that is nearly a GUID the
     *         message says what is off (e.g. "has 31 hex digits, a GUID has 32")
     */
    public static ObjectGuid objectGuid(String text) {
        // The two common cases skip detection: GUID text, and an ImmutableID.
        if (text != null && text.length() == 36) {
            return ObjectGuid.parse(text);
        }
        if (text != null && text.length() == 24) {
            ObjectGuid guid = Codec.guidOfBase64(text);
            if (guid != null) {
                return guid;
            }
        }
        if (text != null && AnchorParser.looksLikeGuidNearMiss(text)) {
            ObjectGuid.parse(text);  // a mistyped GUID: throws with the exact reason
        }
        AnchorConversion forms = convert(text);
        if (forms.objectGuid() != null) {
            return forms.objectGuid();
        }
        if (forms.format() == AnchorFormat.STRING) {
            ObjectGuid.parse(text);  // throws with the most specific reason
        }
        int bytes = forms.hex() == null ? 0 : forms.hex().length() / 2;
        throw new InvalidAnchorException("Not a GUID", text,
                "is " + forms.format() + (bytes > 0 ? " of " + bytes + " bytes" : "") + ", a GUID has 16 bytes");
    }

    /**
     * Recognises the form an anchor is written in; the rules and their order are documented on {@link AnchorFormat}.
     *
     * @param text the anchor
     * @return its form; {@link AnchorFormat#STRING} when no binary form fits
     * @throws InvalidAnchorException when the text is empty, has whitespace at either end, is a malformed
     *         connector-space DN or LDAP escape, or is neither a binary form nor a valid string anchor (see
     *         {@link AnchorFormat#STRING}), such as a GUID with a letter for a digit
     */
    public static AnchorFormat detect(String text) {
        return AnchorParser.detect(text);
    }

    /**
     * Every form of an anchor that applies: GUID, ImmutableID, hex, LDAP filter value and connector-space DN.
     *
     * <p>The result's {@link AnchorConversion#warnings() warnings} name what a person should check although the text
     * was read: for 32 bare hex digits, that they were read as GUID text ("N" format) and which GUID they would be
     * as stored bytes, written {@code 0x…}.
     *
     * @param text the anchor in any form {@link #detect(String)} recognises
     * @return the forms, {@code null} where one does not apply
     * @throws InvalidAnchorException when the text is empty or malformed
     */
    public static AnchorConversion convert(String text) {
        return AnchorParser.convert(text);
    }

    /**
     * Says why a cloud user's {@code onPremisesImmutableId} differs from the one its on-prem GUID gives.
     *
     * @param expected the on-prem objectGUID (or GUID-valued mS-DS-ConsistencyGuid)
     * @param cloudValue the cloud's {@code onPremisesImmutableId}, exactly as Graph returned it
     * @return the cause; {@link MismatchCause#NONE} when the values are equal
     * @throws InvalidAnchorException when {@code cloudValue} is null
     * @throws NullPointerException when {@code expected} is null
     */
    public static MismatchCause explainMismatch(ObjectGuid expected, String cloudValue) {
        Objects.requireNonNull(expected, "expected");
        return explainMismatch(expected.toImmutableId(), cloudValue);
    }

    /**
     * Says why a cloud ImmutableID differs from the expected one, for any anchor kind; the GUID-specific causes
     * apply when the expected value is the Base64 of 16 bytes.
     *
     * @param expected the ImmutableID the on-prem anchor gives
     * @param cloudValue the cloud's {@code onPremisesImmutableId}, exactly as Graph returned it
     * @return the cause; {@link MismatchCause#NONE} when the values are equal
     * @throws InvalidAnchorException when {@code cloudValue} is null
     * @throws NullPointerException when {@code expected} is null
     */
    public static MismatchCause explainMismatch(ImmutableId expected, String cloudValue) {
        Objects.requireNonNull(expected, "expected");
        if (cloudValue == null) {
            throw new InvalidAnchorException("Not an ImmutableID", null, "(no value)");
        }
        return MismatchDiagnosis.explain(expected, cloudValue);
    }
}
