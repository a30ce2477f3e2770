package dev.oktaentra.core.anchor;

import java.util.List;
import java.util.Objects;

/**
 * Every form of one anchor that applies, as {@link Anchors#convert(String)} computes them ({@link AnchorFormat} is the
 * form the converted text was written in). A form that does not apply is {@code null}: a string anchor has no GUID
 * and no hex form, bytes other than 16 have no GUID.
 *
 * @param input the text that was converted, unchanged
 * @param format the form the input was recognised in
 * @param objectGuid the GUID, when the anchor is 16 bytes
 * @param immutableId the ImmutableID Entra holds for this anchor
 * @param hex lower-case hex of the anchor's bytes in stored (AD) order, for binary anchors
 * @param ldapFilterValue the value escaped for an LDAP equality filter (every byte escaped for binary anchors)
 * @param connectorSpaceDn the object's DN in Entra Connect's AAD connector space
 * @param warnings what a person should check although the input was read, e.g. that 32 bare hex digits were read
 *        as GUID text and not as stored bytes; never null, immutable, empty when there is nothing to check
 */
public record AnchorConversion(
        String input,
        AnchorFormat format,
        ObjectGuid objectGuid,
        ImmutableId immutableId,
        String hex,
        String ldapFilterValue,
        String connectorSpaceDn,
        List<String> warnings) {

    /**
     * Keeps an immutable copy of the warnings.
     *
     * @param input the text that was converted, unchanged
     * @param format the form the input was recognised in
     * @param objectGuid the GUID, or {@code null}
     * @param immutableId the ImmutableID
     * @param hex lower-case hex of the bytes in stored order, or {@code null}
     * @param ldapFilterValue the value escaped for an LDAP equality filter
     * @param connectorSpaceDn the connector-space DN
     * @param warnings what to check although the input was read; copied
     * @throws NullPointerException when {@code warnings} or one of them is null
     */
    public AnchorConversion {
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }

    /**
     * The forms of a text taken as a string anchor, as it is, without trying the binary forms: for a value that
     * {@link Anchors#convert(String)} refuses because it looks like a mistyped GUID or ImmutableID but really is,
     * say, an employeeID.
     *
     * @param value the string anchor
     * @return its ImmutableID (the value), LDAP filter value and connector-space DN, without warnings
     * @throws InvalidAnchorException when the value is null or empty, or holds an unpaired surrogate
     */
    public static AnchorConversion ofStringAnchor(String value) {
        ImmutableId id = ImmutableId.ofString(value);
        return new AnchorConversion(value, AnchorFormat.STRING, null, id, null, AnchorParser.escapeFilterValue(value),
                id.toConnectorSpaceDn(), List.of());
    }
}
