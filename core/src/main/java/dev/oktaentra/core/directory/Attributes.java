package dev.oktaentra.core.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Extra attributes of a user, for custom anchors and match rules: names are case-insensitive, as in Active
 * Directory and Graph; each name has one or more values. Immutable.
 */
public final class Attributes {

    /** No attributes. */
    public static final Attributes NONE = new Attributes(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final Map<String, List<AttributeValue>> values;

    private Attributes(TreeMap<String, List<AttributeValue>> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * A builder, for adapters and test fixtures.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The first value of an attribute.
     *
     * @param name the attribute name, any case
     * @return the value, or empty when the attribute is absent
     */
    public Optional<AttributeValue> first(String name) {
        List<AttributeValue> all = values.get(name);
        return all == null ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * Every value of an attribute.
     *
     * @param name the attribute name, any case
     * @return the values, empty when the attribute is absent
     */
    public List<AttributeValue> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /**
     * The attribute names present, in case-insensitive order.
     *
     * @return the names
     */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * Whether no attribute is present.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attributes that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects attribute values; names are case-insensitive and later values of a name are appended. */
    public static final class Builder {

        private final TreeMap<String, List<AttributeValue>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {
        }

        /**
         * Adds a value.
         *
         * @param name the attribute name
         * @param value the value
         * @return this builder
         */
        public Builder add(String name, AttributeValue value) {
            values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            return this;
        }

        /**
         * Adds a text value.
         *
         * @param name the attribute name
         * @param value the text
         * @return this builder
         */
        public Builder add(String name, String value) {
            return add(name, AttributeValue.ofString(value));
        }

        /**
         * Adds a binary value.
         *
         * @param name the attribute name
         * @param value the bytes; copied
         * @return this builder
         */
        public Builder add(String name, byte[] value) {
            return add(name, AttributeValue.ofBytes(value));
        }

        /**
         * The attributes; {@link #NONE} when nothing was added.
         *
         * @return the immutable attributes
         */
        public Attributes build() {
            if (values.isEmpty()) {
                return NONE;
            }
            TreeMap<String, List<AttributeValue>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
            return new Attributes(copy);
        }
    }
}
