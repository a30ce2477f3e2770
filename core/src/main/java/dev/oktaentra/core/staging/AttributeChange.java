package dev.oktaentra.core.staging;

import java.util.List;
import java.util.Objects;

/**
 * One attribute of a pending export, as the report shows it: the values Entra ID holds now and the values it would
 * hold after the export.
 *
 * @param name the attribute name; never null
 * @param operation how the delta changes it; never null
 * @param oldValues the values before (pending-import or synchronized hologram); never null
 * @param newValues the values after (unapplied-export hologram, or computed); never null
 * @param addedValues the values the delta puts in; never null
 * @param removedValues the values the delta explicitly takes out; never null
 * @param deletion true when a value is removed and nothing replaces it (see {@link AttributeDelta#isDeletion()})
 */
public record AttributeChange(String name, AttributeOperation operation, List<String> oldValues,
        List<String> newValues, List<String> addedValues, List<String> removedValues, boolean deletion) {

    /**
     * Checks the components and freezes the lists.
     *
     * @param name the attribute name; never null
     * @param operation how the delta changes it; never null
     * @param oldValues the values before (pending-import or synchronized hologram); never null
     * @param newValues the values after (unapplied-export hologram, or computed); never null
     * @param addedValues the values the delta puts in; never null
     * @param removedValues the values the delta explicitly takes out; never null
     * @param deletion true when a value is removed and nothing replaces it (see {@link AttributeDelta#isDeletion()})
     */
    public AttributeChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operation, "operation");
        oldValues = List.copyOf(oldValues);
        newValues = List.copyOf(newValues);
        addedValues = List.copyOf(addedValues);
        removedValues = List.copyOf(removedValues);
    }
}
