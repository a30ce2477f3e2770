package dev.oktaentra.core.staging;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <delta>} under {@code <unapplied-export>}: the change Entra Connect would export for one object.
 *
 * @param operation what happens to the object; never null
 * @param dn the object's DN, or {@code null} when absent
 * @param newDn the DN after a rename ({@code newdn}), or {@code null} when the object keeps its DN
 * @param anchor the {@code <anchor>} text (Base64 bytes), or {@code null}
 * @param primaryObjectClass the {@code <primary-objectclass>}, or {@code null}
 * @param objectClasses the {@code <objectclass>}'s {@code <oc-value>}s; never null
 * @param attributes the attribute changes, {@code <dn-attr>} and {@code <attr>} in file order; never null
 */
public record ExportDelta(DeltaOperation operation, String dn, String newDn, String anchor,
        String primaryObjectClass, List<String> objectClasses, List<AttributeDelta> attributes) {

    /**
     * Checks the components and freezes the lists.
     *
     * @param operation what happens to the object; never null
     * @param dn the object's DN, or {@code null} when absent
     * @param newDn the DN after a rename ({@code newdn}), or {@code null} when the object keeps its DN
     * @param anchor the {@code <anchor>} text (Base64 bytes), or {@code null}
     * @param primaryObjectClass the {@code <primary-objectclass>}, or {@code null}
     * @param objectClasses the {@code <objectclass>}'s {@code <oc-value>}s; never null
     * @param attributes the attribute changes, {@code <dn-attr>} and {@code <attr>} in file order; never null
     */
    public ExportDelta {
        Objects.requireNonNull(operation, "operation");
        objectClasses = objectClasses == null ? List.of() : List.copyOf(objectClasses);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /**
     * Whether the delta renames the object.
     *
     * @return true when {@code newdn} is present and differs from {@code dn}
     */
    public boolean isRename() {
        return newDn != null && !newDn.isEmpty() && !newDn.equals(dn);
    }

    /**
     * The change of one attribute.
     *
     * @param name the attribute name, any case
     * @return the change, or {@code null} when the delta does not touch the attribute
     */
    public AttributeDelta attribute(String name) {
        for (AttributeDelta a : attributes) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        return null;
    }
}
