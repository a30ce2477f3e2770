package dev.oktaentra.core.staging;

import java.util.Objects;

/**
 * One value of an attribute in a delta. For a {@code dn-attr} the value is the referenced object's DN.
 *
 * @param value the value as the file holds it (binary values stay Base64 text); never null
 * @param operation whether it is added, removed or simply part of the new set; never null
 */
public record ValueDelta(String value, ValueOperation operation) {

    /**
     * Checks the components.
     *
     * @param value the value as the file holds it (binary values stay Base64 text); never null
     * @param operation whether it is added, removed or simply part of the new set; never null
     */
    public ValueDelta {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(operation, "operation");
    }

    /**
     * A value that is part of the attribute's new set.
     *
     * @param value the value
     * @return the value delta
     */
    public static ValueDelta set(String value) {
        return new ValueDelta(value, ValueOperation.SET);
    }

    /**
     * An added value.
     *
     * @param value the value
     * @return the value delta
     */
    public static ValueDelta add(String value) {
        return new ValueDelta(value, ValueOperation.ADD);
    }

    /**
     * A removed value.
     *
     * @param value the value
     * @return the value delta
     */
    public static ValueDelta delete(String value) {
        return new ValueDelta(value, ValueOperation.DELETE);
    }
}
