package dev.oktaentra.core.match;

import dev.oktaentra.core.anchor.AnchorForms;
import dev.oktaentra.core.anchor.AnchorFormat;
import dev.oktaentra.core.anchor.Anchors;
import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.InvalidAnchorException;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.OnPremUser;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How an on-prem user yields the ImmutableID it should have in Entra ID.
 *
 * <ul>
 *   <li>{@link #objectGuid()}: Base64 of objectGUID, Okta's default and the DirSync legacy.</li>
 *   <li>{@link #consistencyGuid()}: mS-DS-ConsistencyGuid, falling back to objectGUID when it is empty, which is what
 *       Entra Connect does (it writes objectGUID back into mS-DS-ConsistencyGuid on first export).</li>
 *   <li>{@link #binaryAttribute(String)}: Base64 of any binary attribute.</li>
 *   <li>{@link #stringAttribute(String)}: a string attribute such as employeeID, used as it is.</li>
 * </ul>
 *
 * @param kind which rule applies
 * @param attribute the attribute read, e.g. {@code objectGUID} or {@code employeeID}
 */
public record SourceAnchor(Kind kind, String attribute) {

    /** The attribute names as the Entra Connect wizard shows them. */
    public static final String OBJECT_GUID = "objectGUID";
    /** The attribute names as the Entra Connect wizard shows them. */
    public static final String CONSISTENCY_GUID = "mS-DS-ConsistencyGuid";

    /** How the anchor is computed. */
    public enum Kind {
        /** Base64 of objectGUID. */
        OBJECT_GUID,
        /** Base64 of mS-DS-ConsistencyGuid, else of objectGUID. */
        CONSISTENCY_GUID,
        /** Base64 of a binary attribute. */
        BINARY_ATTRIBUTE,
        /** A string attribute as it is. */
        STRING_ATTRIBUTE
    }

    /**
     * Checks the components.
     *
     * @param kind which rule applies
     * @param attribute the attribute read, e.g. {@code objectGUID} or {@code employeeID}
     */
    public SourceAnchor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attribute, "attribute");
        if (attribute.isBlank()) {
            throw new IllegalArgumentException("A source anchor needs an attribute name");
        }
    }

    /**
     * objectGUID, Okta's default source of ImmutableID.
     *
     * @return the anchor
     */
    public static SourceAnchor objectGuid() {
        return new SourceAnchor(Kind.OBJECT_GUID, OBJECT_GUID);
    }

    /**
     * mS-DS-ConsistencyGuid, falling back to objectGUID when empty.
     *
     * @return the anchor
     */
    public static SourceAnchor consistencyGuid() {
        return new SourceAnchor(Kind.CONSISTENCY_GUID, CONSISTENCY_GUID);
    }

    /**
     * Base64 of a binary attribute. In a CSV export the value may be written as GUID text, Base64, hex or LDAP
     * escapes; it is decoded to bytes first.
     *
     * @param attribute the attribute name
     * @return the anchor
     */
    public static SourceAnchor binaryAttribute(String attribute) {
        return new SourceAnchor(Kind.BINARY_ATTRIBUTE, attribute);
    }

    /**
     * A string attribute, used as it is (Entra Connect does not Base64-encode string anchors).
     *
     * @param attribute the attribute name, e.g. {@code employeeID}
     * @return the anchor
     */
    public static SourceAnchor stringAttribute(String attribute) {
        return new SourceAnchor(Kind.STRING_ATTRIBUTE, attribute);
    }

    /**
     * Reads the command-line form: {@code objectGUID}, {@code mS-DS-ConsistencyGuid} (any case),
     * {@code attr:NAME} for a string attribute, {@code binary:NAME} for a binary one.
     *
     * @param text the form
     * @return the anchor
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static SourceAnchor parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equalsIgnoreCase(OBJECT_GUID)) {
            return objectGuid();
        }
        if (t.equalsIgnoreCase(CONSISTENCY_GUID)) {
            return consistencyGuid();
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("attr:") && t.length() > 5) {
            return stringAttribute(t.substring(5));
        }
        if (lower.startsWith("binary:") && t.length() > 7) {
            return binaryAttribute(t.substring(7));
        }
        throw new IllegalArgumentException("Unknown source anchor '" + text
                + "': use objectGUID, mS-DS-ConsistencyGuid, attr:NAME (string) or binary:NAME");
    }

    /**
     * The ImmutableID this user should have in Entra ID.
     *
     * @param user the on-prem user
     * @return the ImmutableID, or empty when the attribute is absent (never for objectGUID)
     * @throws InvalidAnchorException when a binary attribute's text is not a binary form
     */
    public Optional<ImmutableId> expected(OnPremUser user) {
        switch (kind) {
            case OBJECT_GUID:
            case CONSISTENCY_GUID:
                return Optional.of(guid(user).orElseThrow().toImmutableId());
            case BINARY_ATTRIBUTE:
                return user.attributes().first(attribute).map(SourceAnchor::binary);
            case STRING_ATTRIBUTE:
                return user.attributes().first(attribute).map(AttributeValue::asString).filter(s -> !s.isEmpty())
                        .map(ImmutableId::ofString);
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /**
     * The GUID whose ImmutableID this anchor gives, for the GUID-valued anchors: the objectGUID, or the
     * mS-DS-ConsistencyGuid falling back to the objectGUID when it is empty, as Entra Connect does.
     *
     * @param user the on-prem user
     * @return the GUID; empty for a binary or string attribute anchor, whose value need not be a GUID
     */
    public Optional<ObjectGuid> guid(OnPremUser user) {
        return switch (kind) {
            case OBJECT_GUID -> Optional.of(user.objectGuid());
            case CONSISTENCY_GUID -> Optional.of(user.consistencyGuid() != null ? user.consistencyGuid()
                    : user.objectGuid());
            case BINARY_ATTRIBUTE, STRING_ATTRIBUTE -> Optional.empty();
        };
    }

    private static ImmutableId binary(AttributeValue value) {
        if (!value.isText()) {
            return ImmutableId.ofBytes(value.bytes());
        }
        AnchorForms forms;
        try {
            forms = Anchors.convert(value.asString());
        } catch (InvalidAnchorException e) {
            // A mistyped GUID: objectGuid says what is off without convert's hint about string anchors, which
            // cannot apply to a binary attribute.
            Anchors.objectGuid(value.asString());
            throw e;
        }
        if (forms.format() == AnchorFormat.STRING) {
            return ImmutableId.ofBytes(Anchors.objectGuid(value.asString()).bytes());  // throws with the reason
        }
        return forms.immutableId();
    }

    /**
     * The command-line form: {@code objectGUID}, {@code mS-DS-ConsistencyGuid}, {@code attr:NAME} or
     * {@code binary:NAME}.
     *
     * @return the name
     */
    public String name() {
        return switch (kind) {
            case OBJECT_GUID, CONSISTENCY_GUID -> attribute;
            case STRING_ATTRIBUTE -> "attr:" + attribute;
            case BINARY_ATTRIBUTE -> "binary:" + attribute;
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
