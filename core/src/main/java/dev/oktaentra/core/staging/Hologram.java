package dev.oktaentra.core.staging;

import java.util.ArrayList;
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
 * <p>Attribute names are case-insensitive; {@code dn-attr} values are the referenced DNs. Immutable. Held as two
 * small arrays rather than a map: an entry has a dozen attributes, and a reader builds hundreds of thousands.
 */
public final class Hologram {

    /** A hologram with no DN and no attributes. */
    public static final Hologram EMPTY = new Hologram("", new String[0], new Object[0]);

    private final String dn;
    private final String[] names;
    private final Object[] values;

    private Hologram(String dn, String[] names, Object[] values) {
        this.dn = dn;
        this.names = names;
        this.values = values;
    }

    /**
     * A hologram from its DN and attribute values; the lists are copied, names differing only in case merged.
     *
     * @param dn the entry's {@code dn}, or {@code null} when absent (kept as empty)
     * @param attributes attribute name to values; an attribute with no values is dropped
     * @return the hologram
     */
    public static Hologram of(String dn, Map<String, List<String>> attributes) {
        Builder builder = new Builder(dn);
        attributes.forEach((name, list) -> builder.add(Objects.requireNonNull(name, "attribute name"),
                List.copyOf(list)));
        return builder.build();
    }

    /** Collects an entry's attributes for a reader; the value lists handed over must be immutable. */
    static final class Builder {
        private final String dn;
        private final ArrayList<String> names = new ArrayList<>(16);
        private final ArrayList<List<String>> values = new ArrayList<>(16);

        Builder(String dn) {
            this.dn = dn == null ? "" : dn;
        }

        void add(String name, List<String> list) {
            if (list.isEmpty()) {
                return;
            }
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(name)) {
                    values.set(i, concat(values.get(i), list));
                    return;
                }
            }
            names.add(name);
            values.add(list);
        }

        Hologram build() {
            return new Hologram(dn, names.toArray(new String[0]), values.toArray());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
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

    @SuppressWarnings("unchecked")
    private List<String> find(String name) {
        // Callers nearly always spell the name as the connector does: try the exact spelling first.
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return (List<String>) values[i];
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return (List<String>) values[i];
            }
        }
        return null;
    }

    /**
     * Every value of an attribute.
     *
     * @param name the attribute name, any case
     * @return the values, empty when the attribute is absent
     */
    public List<String> values(String name) {
        List<String> found = find(name);
        return found == null ? List.of() : found;
    }

    /**
     * The first value of an attribute.
     *
     * @param name the attribute name, any case
     * @return the value, or {@code null} when the attribute is absent
     */
    public String first(String name) {
        List<String> found = find(name);
        return found == null ? null : found.get(0);
    }

    /**
     * Whether the hologram holds the attribute.
     *
     * @param name the attribute name, any case
     * @return true when it has at least one value
     */
    public boolean has(String name) {
        return find(name) != null;
    }

    /**
     * The attribute names, in case-insensitive order.
     *
     * @return the names
     */
    public Set<String> names() {
        return attributes().keySet();
    }

    /**
     * All attributes.
     *
     * @return an unmodifiable, case-insensitive map of name to values, in name order
     */
    @SuppressWarnings("unchecked")
    public Map<String, List<String>> attributes() {
        TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], (List<String>) values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hologram that && dn.equals(that.dn) && attributes().equals(that.attributes());
    }

    @Override
    public int hashCode() {
        // Like Map.hashCode, but over lower-cased names, so that holograms equal by equals() hash alike.
        int h = 0;
        for (int i = 0; i < names.length; i++) {
            h += names[i].toLowerCase(java.util.Locale.ROOT).hashCode() ^ values[i].hashCode();
        }
        return dn.hashCode() * 31 + h;
    }

    @Override
    public String toString() {
        return "Hologram[" + dn + ", " + attributes() + "]";
    }
}
