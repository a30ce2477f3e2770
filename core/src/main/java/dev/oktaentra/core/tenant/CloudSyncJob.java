package dev.oktaentra.core.tenant;

import java.time.Instant;

/**
 * An Entra cloud sync (AD to Entra ID provisioning agent) job, a synchronization job of template
 * {@code AD2AADProvisioning} on the cloud-sync service principal of one AD domain.
 *
 * @param servicePrincipalId the service principal that owns the job
 * @param servicePrincipalName its display name, usually the AD domain
 * @param jobId the job id, e.g. {@code AD2AADProvisioning.fc96887f…}
 * @param templateId the job template, {@code AD2AADProvisioning}
 * @param status the job's status code: {@code Active}, {@code Paused}, {@code Quarantine}, {@code NotRun}, …
 * @param scheduleState the schedule's state: {@code Active}, {@code Disabled}, {@code Paused}
 * @param lastExecutionState the last run's state, e.g. {@code Succeeded}, or {@code null}
 * @param lastExecutionEnded when the last run ended, or {@code null}
 */
public record CloudSyncJob(
        String servicePrincipalId,
        String servicePrincipalName,
        String jobId,
        String templateId,
        String status,
        String scheduleState,
        String lastExecutionState,
        Instant lastExecutionEnded) {
}
