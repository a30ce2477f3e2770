package dev.oktaentra.core.anchor;

/**
 * Why a cloud {@code onPremisesImmutableId} differs from the ImmutableID an on-prem anchor should give, as
 * {@link Anchors#explainMismatch(ObjectGuid, String)} diagnoses it. Each cause is a known way tools and scripts get
 * the conversion wrong, so it points at the fix.
 */
public enum MismatchCause {

    /** The values are equal: nothing to explain. */
    NONE,

    /**
     * Base64 of the GUID's RFC 4122 big-endian bytes instead of AD's order: the {@code java.util.UUID}, Python
     * {@code uuid.bytes} and MySQL {@code UNHEX(REPLACE(guid,'-',''))} mistake.
     */
    BYTE_ORDER,

    /** Base64 of the GUID's text (as AADInternals' {@code Get-ImmutableID} computes) instead of its bytes. */
    GUID_TEXT_BASE64,

    /** URL-safe Base64 ({@code -} and {@code _}) instead of the standard alphabet ({@code +} and {@code /}). */
    URL_SAFE_BASE64,

    /** The right Base64 with its {@code =} padding dropped, both characters or one of two. */
    MISSING_PADDING,

    /** Hex digits of the anchor's bytes or the GUID's text instead of Base64. */
    HEX_INSTEAD_OF_BASE64,

    /** The right value in another letter case; Entra compares ImmutableIDs case-sensitively. */
    CASE_CHANGED,

    /**
     * The right value with whitespace around it: spaces, tabs, line breaks, no-break or other Unicode spaces, or a
     * byte-order mark ({@code U+FEFF}).
     */
    SURROUNDING_WHITESPACE,

    /** No known mistake explains the difference: the cloud user is probably tied to another on-prem object. */
    UNRELATED,

    /**
     * The on-prem object's mS-DS-ConsistencyGuid is set, to another GUID than its objectGUID, and the ImmutableID it
     * yields is not the cloud's: Entra Connect (installed with mS-DS-ConsistencyGuid) and cloud sync present that
     * attribute rather than objectGUID where it is set, so an ImmutableID Okta computed from objectGUID no longer
     * matches. Typical after ADMT, an earlier Connect server or a restored object. Never given by
     * {@link Anchors#explainMismatch}, which compares two values only; the validation gives it.
     */
    CONSISTENCY_GUID_DIFFERS
}
