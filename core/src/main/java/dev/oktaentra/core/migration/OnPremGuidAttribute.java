package dev.oktaentra.core.migration;

import dev.oktaentra.core.anchor.Anchors;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.match.SourceAnchor;

/**
 * A GUID-valued attribute of an on-prem object, above all {@code mS-DS-ConsistencyGuid}: planned and journaled as
 * GUID text, written as its 16 bytes in AD's order through the context's on-prem
 * {@link dev.oktaentra.core.directory.DirectoryWriter}, in groups of up to 20, compare-and-set. Undone by writing the
 * before-value back (clearing the attribute when it was empty).
 */
public final class OnPremGuidAttribute extends DirectoryKind {

    /** The kind. */
    public static final OnPremGuidAttribute KIND = new OnPremGuidAttribute();

    private OnPremGuidAttribute() {
        super("onPremGuidAttribute", TargetSystem.ON_PREM, NamedKind::onPremWriter);
    }

    /**
     * A change of a GUID-valued attribute of an on-prem object.
     *
     * @param dn the object's distinguished name
     * @param attribute the attribute, e.g. {@code mS-DS-ConsistencyGuid}
     * @param before the GUID the plan saw, or {@code null} when empty
     * @param after the GUID to write, or {@code null} to clear
     * @param reason why, for people
     * @return the change
     */
    public static Change change(String dn, String attribute, ObjectGuid before, ObjectGuid after, String reason) {
        return Change.of(KIND, dn, attribute, before == null ? null : before.toString(),
                after == null ? null : after.toString(), reason);
    }

    /**
     * A change of an on-prem object's {@code mS-DS-ConsistencyGuid}.
     *
     * @param dn the object's distinguished name
     * @param before the GUID the plan saw, or {@code null} when empty
     * @param after the GUID to write
     * @param reason why, for people
     * @return the change
     */
    public static Change consistencyGuid(String dn, ObjectGuid before, ObjectGuid after, String reason) {
        return change(dn, SourceAnchor.CONSISTENCY_GUID, before, after, reason);
    }

    /** The GUID's 16 bytes in AD's order. */
    @Override
    AttributeValue value(String text) {
        return AttributeValue.ofBytes(Anchors.objectGuid(text).bytes());
    }

    /** GUID text for a 16-byte value; anything else as a text attribute's (the writer's message says why). */
    @Override
    String text(AttributeValue value) {
        return value.length() == ObjectGuid.LENGTH ? ObjectGuid.of(value.bytes()).toString() : super.text(value);
    }
}
