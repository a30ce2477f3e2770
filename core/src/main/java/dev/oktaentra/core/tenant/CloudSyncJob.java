package dev.oktaentra.core.tenant;

import java.time.Instant;

/**
 * An Entra cloud sync (AD to Entra ID provisioning agent) job on the cloud-sync service principal of one AD domain:
 * of template {@value #PROVISIONING_TEMPLATE} (users and groups) or, where password hash sync is configured,
 * {@value #PASSWORD_HASH_TEMPLATE} ("{@code { "templateId":"AD2AADProvisioning" }}" and
 * "{@code { "templateId":"AD2AADPasswordHash" }}" ... "You will need 2 calls if you want to create both.",
 * https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/how-to-inbound-synch-ms-graph).
 *
 * @param servicePrincipalId the service principal that owns the job
 * @param servicePrincipalName its display name, usually the AD domain
 * @param jobId the job id, e.g. {@code AD2AADProvisioning.fc96887f…}
 * @param templateId the job template, {@code AD2AADProvisioning} or {@code AD2AADPasswordHash}
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

    /** The template of the job that provisions users and groups from AD. */
    public static final String PROVISIONING_TEMPLATE = "AD2AADProvisioning";

    /** The template of the job that synchronises password hashes from AD. */
    public static final String PASSWORD_HASH_TEMPLATE = "AD2AADPasswordHash";

    /**
     * Whether this is the password hash sync job. Microsoft's own sample shows a job whose id starts with its
     * template while its {@code templateId} says otherwise, so the id's prefix counts too.
     *
     * @return true for an {@value #PASSWORD_HASH_TEMPLATE} job
     */
    public boolean isPasswordHashSync() {
        return is(PASSWORD_HASH_TEMPLATE);
    }

    /**
     * Whether this is the job that provisions users and groups, the one whose matching the cutover is about.
     *
     * @return true for an {@value #PROVISIONING_TEMPLATE} job
     */
    public boolean isProvisioning() {
        return is(PROVISIONING_TEMPLATE);
    }

    private boolean is(String template) {
        return template.equals(templateId) || jobId != null && jobId.startsWith(template + ".");
    }
}
