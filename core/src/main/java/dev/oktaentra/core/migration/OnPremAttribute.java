package dev.oktaentra.core.migration;

import dev.oktaentra.core.directory.AttributeValue;
import java.util.List;

/**
 * A text attribute of an on-prem object (e.g. {@code mail}, {@code extensionAttribute1}), written through the
 * context's on-prem {@link dev.oktaentra.core.directory.DirectoryWriter} in groups of up to 20, compare-and-set.
 * Undone by writing the before-value back (clearing the attribute when it was empty).
 */
public final class OnPremAttribute implements ChangeKind {

    /** The kind. */
    public static final OnPremAttribute KIND = new OnPremAttribute();

    private OnPremAttribute() {
    }

    /**
     * A change of a text attribute of an on-prem object.
     *
     * @param dn the object's distinguished name
     * @param attribute the attribute, e.g. {@code mail}
     * @param before the value the plan saw, or {@code null} when empty
     * @param after the value to write, or {@code null} to clear
     * @param reason why, for people
     * @return the change
     */
    public static Change change(String dn, String attribute, String before, String after, String reason) {
        return Change.of(KIND, dn, attribute, before, after, reason);
    }

    @Override
    public String name() {
        return "onPremAttribute";
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
                AttributeValue::ofString, DirectoryWrites::text);
    }

    @Override
    public String toString() {
        return name();
    }
}
