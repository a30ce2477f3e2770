package dev.oktaentra.core.staging;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An object's full state in one tower of the connector space: the {@code <entry>} of a
 * {@code synchronized-hologram} (last confirmed state), {@code unapplied-export-hologram} (state once the pending
 * export is applied) or {@code pending-import-hologram} (state last imported, not yet synchronized).
 *
 * <p>Attribute names are case-insensitive; {@code dn-attr} values are the referenced DNs. Immutable.
 */
public final class Hologram {

    /** A hologram with no DN and no attributes. */
    public static final Hologram EMPTY = new Hologram("", new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final String dn;
    private final Map<String, List<String>> attributes;

    private Hologram(String dn, TreeMap<String, List<String>> attributes) {
        this.dn = dn;
        this.attributes = Collections.unmodifiableMap(attributes);
    }

    /**
     * A hologram from its DN and attribute values; the map and lists are copied.
     *
     * @param dn the entry's {@code dn}, or {@code null} when absent (kept as empty)
     * @param attributes attribute name to values; an attribute with no values is dropped
     * @return the hologram
     */
    public static Hologram of(String dn, Map<String, List<String>> attributes) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        attributes.forEach((name, values) -> {
            Objects.requireNonNull(name, "attribute name");
            if (!values.isEmpty()) {
                copy.merge(name, List.copyOf(values), Hologram::concat);
            }
        });
        return new Hologram(dn == null ? "" : dn, copy);
    }

    /** For the readers, which build a fresh case-insensitive map of frozen lists and hand it over. */
    static Hologram trusted(String dn, TreeMap<String, List<String>> attributes) {
        return new Hologram(dn == null ? "" : dn, attributes);
    }

    static List<String> concat(List<String> a, List<String> b) {
        String[] all = new String[a.size() + b.size()];
        int i = 0;
        for (String s : a) {
            all[i++] = s;
        }
        for (String s : b) {
            all[i++] = s;
        }
        return List.of(all);
    }

    /**
     * The entry's DN.
     *
     * @return the DN, empty when the file gave none
     */
    public String dn() {
        return dn;
    }

    /**
     * Every value of an attribute.
     *
     * @param name the attribute name, any case
     * @return the values, empty when the attribute is absent
     */
    public List<String> values(String name) {
        return attributes.getOrDefault(name, List.of());
    }

    /**
     * The first value of an attribute.
     *
     * @param name the attribute name, any case
     * @return the value, or {@code null} when the attribute is absent
     */
    public String first(String name) {
        List<String> values = attributes.get(name);
        return values == null ? null : values.get(0);
    }

    /**
     * Whether the hologram holds the attribute.
     *
     * @param name the attribute name, any case
     * @return true when it has at least one value
     */
    public boolean has(String name) {
        return attributes.containsKey(name);
    }

    /**
     * The attribute names, in case-insensitive order.
     *
     * @return the names
     */
    public Set<String> names() {
        return attributes.keySet();
    }

    /**
     * All attributes.
     *
     * @return an unmodifiable, case-insensitive map of name to values
     */
    public Map<String, List<String>> attributes() {
        return attributes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hologram that && dn.equals(that.dn) && attributes.equals(that.attributes);
    }

    @Override
    public int hashCode() {
        return dn.hashCode() * 31 + attributes.hashCode();
    }

    @Override
    public String toString() {
        return "Hologram[" + dn + ", " + attributes + "]";
    }
}
