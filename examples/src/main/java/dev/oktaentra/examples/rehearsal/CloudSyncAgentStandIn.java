package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.ProvisioningEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the cloud sync provisioning agent once {@code enable-cloud-sync} has started its job: a first cycle that
 * Entra ID records as a sync of the tenant and as successful entries in the provisioning log.
 */
final class CloudSyncAgentStandIn {

    /** Log entries written per cycle: enough to read back, few enough to stay quick. */
    static final int LOGGED_USERS = 50;

    private final EmbeddedEnvironment env;

    CloudSyncAgentStandIn(EmbeddedEnvironment env) {
        this.env = env;
    }

    /**
     * One successful cycle of every job ending at {@code at}.
     *
     * @param jobs the started jobs
     * @param at when the cycle ends
     * @return how many log entries were written
     */
    int firstCycle(List<CloudSyncJob> jobs, Instant at) {
        List<ProvisioningEvent> events = new ArrayList<>();
        for (CloudSyncJob job : jobs) {
            if (!job.isProvisioning()) {
                continue;   // the password hash job provisions no user
            }
            int n = 0;
            for (CloudUser user : env.graph().users()) {
                if (user.immutableId() == null || n >= LOGGED_USERS) {
                    continue;
                }
                n++;
                events.add(new ProvisioningEvent(job.jobId() + "-" + n, at.minusMillis(LOGGED_USERS - n),
                        job.jobId(), "update", "success", null, null, user.immutableId().value(),
                        user.userPrincipalName(), user.id(), user.userPrincipalName()));
            }
        }
        env.graph().addProvisioningEvents(events);
        env.graph().setOrganization(Boolean.TRUE, at);
        return events.size();
    }
}
