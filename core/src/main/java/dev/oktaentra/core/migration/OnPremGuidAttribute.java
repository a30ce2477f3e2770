package dev.oktaentra.core.migration;

import dev.oktaentra.core.anchor.Anchors;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.match.SourceAnchor;
import java.util.List;

/**
 * A GUID-valued attribute of an on-prem object, above all {@code mS-DS-ConsistencyGuid}: planned and journaled as
 * GUID text, written as its 16 bytes in AD's order through the context's on-prem
 * {@link dev.oktaentra.core.directory.DirectoryWriter}, in groups of up to 20, compare-and-set. Undone by writing the
 * before-value back (clearing the attribute when it was empty).
 */
public final class OnPremGuidAttribute implements ChangeKind {

    /** The kind. */
    public static final OnPremGuidAttribute KIND = new OnPremGuidAttribute();

    private OnPremGuidAttribute() {
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

    @Override
    public String name() {
        return "onPremGuidAttribute";
    }

    @Override
    public TargetSystem system() {
        return TargetSystem.ON_PREM;
    }

    @Override
    public int groupSize() {
        return DirectoryWrites.GROUP;
    }

    @Override
    public List<ChangeResult> apply(MigrationContext ctx, String step, List<Change> group) {
        return DirectoryWrites.write(MigrationContext.require(ctx.onPremWriter(), "an on-prem writer", step), group,
                text -> AttributeValue.ofBytes(Anchors.objectGuid(text).bytes()), OnPremGuidAttribute::text);
    }

    /** GUID text for a 16-byte value; anything else as a text attribute's (the writer's message says why). */
    private static String text(AttributeValue value) {
        return value.length() == ObjectGuid.LENGTH ? ObjectGuid.of(value.bytes()).toString()
                : DirectoryWrites.text(value);
    }

    @Override
    public String toString() {
        return name();
    }
}
