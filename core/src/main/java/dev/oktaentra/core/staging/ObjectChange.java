package dev.oktaentra.core.staging;

import dev.oktaentra.core.anchor.ImmutableId;
import java.util.List;
import java.util.Objects;

/**
 * One object's pending export as the report shows it.
 *
 * @param csDn the connector-space DN; never null
 * @param objectType the object type, e.g. {@code user}; never null
 * @param operation what the export does to the object; never null
 * @param newDn the DN after a rename, or {@code null}
 * @param userPrincipalName the UPN (after the export, else before), or {@code null}
 * @param sourceAnchor the sourceAnchor from a hologram or decoded from the DN, or {@code null}
 * @param attributes each attribute change, in file order; never null
 * @param exportError the last export's error, or {@code null}
 * @param match the known user the object was tied to, or {@code null}
 * @param findings what needs attention on this object; never null
 * @param location where the object starts in its file; never null
 */
public record ObjectChange(String csDn, String objectType, DeltaOperation operation, String newDn,
        String userPrincipalName, ImmutableId sourceAnchor, List<AttributeChange> attributes, ExportError exportError,
        UserMatch match, List<Finding> findings, String location) {

    /**
     * Checks the required components and freezes the lists.
     *
     * @param csDn the connector-space DN; never null
     * @param objectType the object type, e.g. {@code user}; never null
     * @param operation what the export does to the object; never null
     * @param newDn the DN after a rename, or {@code null}
     * @param userPrincipalName the UPN (after the export, else before), or {@code null}
     * @param sourceAnchor the sourceAnchor from a hologram or decoded from the DN, or {@code null}
     * @param attributes each attribute change, in file order; never null
     * @param exportError the last export's error, or {@code null}
     * @param match the known user the object was tied to, or {@code null}
     * @param findings what needs attention on this object; never null
     * @param location where the object starts in its file; never null
     */
    public ObjectChange {
        Objects.requireNonNull(csDn, "csDn");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(location, "location");
        attributes = List.copyOf(attributes);
        findings = List.copyOf(findings);
    }

    /**
     * The attribute changes that delete a value with nothing in its place.
     *
     * @return the deletions, in file order
     */
    public List<AttributeChange> attributeDeletions() {
        return attributes.stream().filter(AttributeChange::deletion).toList();
    }
}
