package dev.oktaentra.core.directory;

import java.util.Objects;

/**
 * One compare-and-set write of one attribute of one object: it may happen only while the attribute still holds
 * {@code before}, the value the plan saw.
 *
 * @param target the object: a DN on-premises, an object id in Entra ID
 * @param attribute the attribute, e.g. {@code mS-DS-ConsistencyGuid}, {@code mail}, {@code onPremisesImmutableId}
 * @param before the value the plan saw, or {@code null} when the attribute was empty
 * @param after the value to write, or {@code null} to clear the attribute (only rollbacks do that)
 */
public record AttributeWrite(String target, String attribute, AttributeValue before, AttributeValue after) {

    /**
     * Checks the required components.
     *
     * @param target the object: a DN on-premises, an object id in Entra ID
     * @param attribute the attribute, e.g. {@code mS-DS-ConsistencyGuid}, {@code mail}, {@code onPremisesImmutableId}
     * @param before the value the plan saw, or {@code null} when the attribute was empty
     * @param after the value to write, or {@code null} to clear the attribute (only rollbacks do that)
     */
    public AttributeWrite {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(attribute, "attribute");
        if (Objects.equals(before, after)) {
            throw new IllegalArgumentException("A write of " + attribute + " on " + target
                    + " must change the value; before and after are both " + before);
        }
    }

    /**
     * The write that undoes this one: from {@code after} back to {@code before}.
     *
     * @return the inverse write
     */
    public AttributeWrite inverse() {
        return new AttributeWrite(target, attribute, after, before);
    }
}
