package dev.oktaentra.core.provisioning;

/**
 * A group an identity-provider app pushes into Entra ID (Okta: a group push mapping of the Office 365 app).
 *
 * @param mappingId the mapping's id in the provider
 * @param sourceGroupId the group in the provider
 * @param targetGroupId the group in Entra ID the provider writes, or {@code null} before the first push
 * @param status the mapping's status, e.g. {@code ACTIVE}, {@code INACTIVE} or {@code ERROR}
 * @param errorSummary why the last push failed, or {@code null}
 */
public record PushedGroup(String mappingId, String sourceGroupId, String targetGroupId, String status,
        String errorSummary) {

    /**
     * Whether the provider still pushes this group.
     *
     * @return true unless the mapping is {@code INACTIVE}
     */
    public boolean active() {
        return !"INACTIVE".equalsIgnoreCase(status);
    }
}
