package dev.oktaentra.core.tenant;

import java.time.Instant;

/**
 * One entry of Entra's provisioning log ({@code auditLogs/provisioning}).
 *
 * @param id the entry id
 * @param activityDateTime when it happened
 * @param jobId the provisioning job
 * @param action {@code create}, {@code update}, {@code delete}, {@code disable}, {@code other}, …
 * @param status {@code success}, {@code failure}, {@code skipped}, {@code warning}
 * @param errorCode the error code for a failure, or {@code null}
 * @param reason the error text for a failure, or {@code null}
 * @param sourceId the source object's id (on-prem), or {@code null}
 * @param sourceName the source object's display name, or {@code null}
 * @param targetId the target object's id (Entra), or {@code null}
 * @param targetName the target object's display name, or {@code null}
 */
public record ProvisioningEvent(
        String id,
        Instant activityDateTime,
        String jobId,
        String action,
        String status,
        String errorCode,
        String reason,
        String sourceId,
        String sourceName,
        String targetId,
        String targetName) {

    /**
     * Whether the entry is a failure.
     *
     * @return true when {@code status} is {@code failure}, in any case
     */
    public boolean failed() {
        return "failure".equalsIgnoreCase(status);
    }
}
