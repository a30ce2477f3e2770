package dev.oktaentra.core.staging;

import dev.oktaentra.core.anchor.ImmutableId;
import java.util.Objects;

/**
 * Something in the pending exports that needs a person's attention before leaving staging mode, with what to do.
 *
 * @param kind what the finding is about; never null
 * @param csDn the connector-space DN of the object, or {@code null} for an unreadable one
 * @param objectType the object type, or {@code null}
 * @param userPrincipalName the object's UPN, or {@code null}
 * @param sourceAnchor the object's sourceAnchor, or {@code null}
 * @param attribute the attribute concerned, or {@code null} for an object-level finding
 * @param match the known user the object was tied to, or {@code null}
 * @param detail the facts, for a person, e.g. which ImmutableID the cloud user holds; never null
 * @param recommendedAction what to do, one sentence; never null
 * @param location where the object is in its file, e.g. {@code line 42}, or {@code null}
 */
public record Finding(FindingKind kind, String csDn, String objectType, String userPrincipalName,
        ImmutableId sourceAnchor, String attribute, UserMatch match, String detail, String recommendedAction,
        String location) {

    /**
     * Checks the required components.
     *
     * @param kind what the finding is about; never null
     * @param csDn the connector-space DN of the object, or {@code null} for an unreadable one
     * @param objectType the object type, or {@code null}
     * @param userPrincipalName the object's UPN, or {@code null}
     * @param sourceAnchor the object's sourceAnchor, or {@code null}
     * @param attribute the attribute concerned, or {@code null} for an object-level finding
     * @param match the known user the object was tied to, or {@code null}
     * @param detail the facts, for a person, e.g. which ImmutableID the cloud user holds; never null
     * @param recommendedAction what to do, one sentence; never null
     * @param location where the object is in its file, e.g. {@code line 42}, or {@code null}
     */
    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(recommendedAction, "recommendedAction");
    }
}
