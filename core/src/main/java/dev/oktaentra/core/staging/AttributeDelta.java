package dev.oktaentra.core.staging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One {@code <attr>} or {@code <dn-attr>} of a pending export's delta: an attribute and how its values change.
 *
 * @param name the attribute name as the connector writes it, e.g. {@code proxyAddresses}; never null
 * @param dnValued true for a {@code <dn-attr>} (a reference such as {@code manager}), whose values are DNs
 * @param multivalued the {@code multivalued} flag
 * @param type the {@code type} attribute (e.g. {@code string}, {@code binary}), or {@code null} when absent
 * @param operation how the attribute changes; never null
 * @param values the listed values in file order, each with its own operation; never null
 */
public record AttributeDelta(String name, boolean dnValued, boolean multivalued, String type,
        AttributeOperation operation, List<ValueDelta> values) {

    /**
     * Checks the components and freezes the values.
     *
     * @param name the attribute name as the connector writes it, e.g. {@code proxyAddresses}; never null
     * @param dnValued true for a {@code <dn-attr>} (a reference such as {@code manager}), whose values are DNs
     * @param multivalued the {@code multivalued} flag
     * @param type the {@code type} attribute (e.g. {@code string}, {@code binary}), or {@code null} when absent
     * @param operation how the attribute changes; never null
     * @param values the listed values in file order, each with its own operation; never null
     */
    public AttributeDelta {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operation, "operation");
        values = List.copyOf(values);
    }

    /**
     * The values this change puts in: added ones, and for {@code add} and {@code replace} the listed set.
     *
     * @return the values, in file order
     */
    public List<String> addedValues() {
        return select(false);
    }

    /**
     * The values this change explicitly takes out ({@code <value operation="delete">}).
     *
     * @return the values, in file order
     */
    public List<String> removedValues() {
        return select(true);
    }

    private List<String> select(boolean removed) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(values.size());
        for (ValueDelta v : values) {
            if ((v.operation() == ValueOperation.DELETE) == removed) {
                out.add(v.value());
            }
        }
        return out.isEmpty() ? List.of() : List.copyOf(out);
    }

    /**
     * The attribute's values after this change, given its values before.
     *
     * @param before the values before the change; never null
     * @return the values after, in a stable order (kept values first, then added ones)
     */
    public List<String> apply(List<String> before) {
        switch (operation) {
            case REPLACE:
                return addedValues();
            case DELETE:
                if (values.isEmpty()) {
                    return List.of();
                }
                break;
            default:
                break;
        }
        LinkedHashSet<String> after = new LinkedHashSet<>(before);
        for (ValueDelta v : values) {
            if (v.operation() == ValueOperation.DELETE) {
                after.remove(v.value());
            } else if (!multivalued && operation == AttributeOperation.ADD) {
                after.clear();
                after.add(v.value());
            } else {
                after.add(v.value());
            }
        }
        return List.copyOf(after);
    }

    /**
     * Whether this change takes a value out and puts nothing in its place: the attribute is deleted, replaced by
     * nothing, or only loses values. This is the case the migration procedure warns about: a {@code mail} that
     * Okta stamped in the cloud but that Active Directory lacks would be cleared in Entra ID.
     *
     * @return true for an attribute deletion
     */
    public boolean isDeletion() {
        switch (operation) {
            case DELETE:
                return true;
            case REPLACE:
                for (ValueDelta v : values) {
                    if (v.operation() != ValueOperation.DELETE) {
                        return false;
                    }
                }
                return true;
            case UPDATE:
                boolean removes = false;
                for (ValueDelta v : values) {
                    if (v.operation() != ValueOperation.DELETE) {
                        return false;
                    }
                    removes = true;
                }
                return removes;
            default:
                return false;
        }
    }
}
