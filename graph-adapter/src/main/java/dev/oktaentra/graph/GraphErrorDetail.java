package dev.oktaentra.graph;

import java.io.Serializable;

/**
 * One entry of a Graph error's {@code details}, e.g. {@code ObjectConflict} on target {@code onPremisesImmutableId},
 * or {@code ConflictingObjects} on target {@code User_<id>} naming the object that already holds a value.
 *
 * @param code the detail's code, or {@code null}
 * @param target the property or object it concerns, or {@code null}
 * @param message the detail's text, or {@code null}
 * @serial exclude
 */
// Serializable only because a GraphException holds a list of these. Left off the Javadoc's serialized-form page:
// there JDK 17's javadoc wants a comment on each component's field, which the @param tags above already are.
public record GraphErrorDetail(String code, String target, String message) implements Serializable {
}
