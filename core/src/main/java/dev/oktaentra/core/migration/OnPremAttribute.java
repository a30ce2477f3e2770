package dev.oktaentra.core.migration;

/**
 * A text attribute of an on-prem object (e.g. {@code mail}, {@code extensionAttribute1}), written through the
 * context's on-prem {@link dev.oktaentra.core.directory.DirectoryWriter} in groups of up to 20, compare-and-set.
 * Undone by writing the before-value back (clearing the attribute when it was empty).
 */
public final class OnPremAttribute extends DirectoryKind {

    /** The kind. */
    public static final OnPremAttribute KIND = new OnPremAttribute();

    private OnPremAttribute() {
        super("onPremAttribute", TargetSystem.ON_PREM, NamedKind::onPremWriter);
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
}
