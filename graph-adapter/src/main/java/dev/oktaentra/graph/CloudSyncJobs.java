package dev.oktaentra.graph;

import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.ServicePrincipalCollectionResponse;
import com.microsoft.graph.models.SynchronizationJob;
import com.microsoft.graph.models.SynchronizationJobCollectionResponse;
import com.microsoft.graph.models.SynchronizationSchedule;
import com.microsoft.graph.models.SynchronizationStatus;
import com.microsoft.graph.models.SynchronizationTaskExecution;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.serialization.ValuedEnum;
import dev.oktaentra.core.tenant.CloudSyncJob;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds Entra cloud sync (AD to Entra ID) jobs: the service principals created from cloud sync's application
 * template, then their synchronization jobs of template {@code AD2AADProvisioning} and, where password hash sync is
 * configured, {@code AD2AADPasswordHash} ("You will need 2 calls if you want to create both",
 * https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/how-to-inbound-synch-ms-graph): enabling cloud sync
 * starts both, so both are listed.
 */
final class CloudSyncJobs {

    /** The application template every cloud sync service principal is created from (one per AD domain). */
    public static final String CLOUD_SYNC_APPLICATION_TEMPLATE_ID = "1a4721b3-e57f-4451-ae87-ef078703ec94";
    /** The job template of user and group provisioning from AD. */
    public static final String AD_TO_ENTRA_TEMPLATE = CloudSyncJob.PROVISIONING_TEMPLATE;

    private CloudSyncJobs() {
    }

    /**
     * Every AD-to-Entra cloud sync job of the tenant.
     *
     * @param graph the client
     * @param settings the retry policy
     * @return the jobs; empty when cloud sync is not configured
     */
    public static List<CloudSyncJob> find(GraphServiceClient graph, GraphSettings settings) {
        List<ServicePrincipal> principals = new ArrayList<>();
        Pages.<ServicePrincipalCollectionResponse, ServicePrincipal, ServicePrincipal>stream(
                "cloud sync service principals",
                link -> Calls.call("Finding cloud sync service principals (needs Directory.Read.All)",
                        () -> link == null
                        ? graph.servicePrincipals().get(rc -> {
                            rc.queryParameters.filter = "applicationTemplateId eq '"
                                    + CLOUD_SYNC_APPLICATION_TEMPLATE_ID + "'";
                            rc.queryParameters.select = new String[] {"id", "displayName", "appId",
                                "applicationTemplateId"};
                            rc.queryParameters.count = true;
                            Calls.advancedQuery(rc);
                            Calls.retry(rc, settings);
                        })
                        : graph.servicePrincipals().withUrl(link).get(rc -> {
                            Calls.advancedQuery(rc);
                            Calls.retry(rc, settings);
                        })),
                ServicePrincipalCollectionResponse::getValue, ServicePrincipalCollectionResponse::getOdataNextLink,
                (sp, page, index) -> sp)
                .filter(sp -> sp.getId() != null)
                .forEach(principals::add);
        List<CloudSyncJob> jobs = new ArrayList<>();
        for (ServicePrincipal sp : principals) {
            var builder = graph.servicePrincipals().byServicePrincipalId(sp.getId()).synchronization().jobs();
            String action = "Reading synchronization jobs of service principal " + sp.getId()
                    + " (needs Synchronization.Read.All)";
            Pages.<SynchronizationJobCollectionResponse, SynchronizationJob, SynchronizationJob>stream(
                    "synchronization jobs of " + sp.getId(),
                    link -> Calls.call(action, () -> link == null
                            ? builder.get(rc -> Calls.retry(rc, settings))
                            : builder.withUrl(link).get(rc -> Calls.retry(rc, settings))),
                    SynchronizationJobCollectionResponse::getValue,
                    SynchronizationJobCollectionResponse::getOdataNextLink, (job, page, index) -> job)
                    .filter(CloudSyncJobs::isAdToEntra)
                    .forEach(job -> jobs.add(toJob(sp, job)));
        }
        return jobs;
    }

    private static boolean isAdToEntra(SynchronizationJob job) {
        // Microsoft's own sample shows an AD2AADProvisioning.<id> job with another templateId, so accept either.
        CloudSyncJob seen = new CloudSyncJob(null, null, job.getId(), job.getTemplateId(), null, null, null, null);
        return seen.isProvisioning() || seen.isPasswordHashSync();
    }

    private static CloudSyncJob toJob(ServicePrincipal sp, SynchronizationJob job) {
        SynchronizationStatus status = job.getStatus();
        SynchronizationSchedule schedule = job.getSchedule();
        SynchronizationTaskExecution last = status == null ? null : status.getLastExecution();
        return new CloudSyncJob(sp.getId(), sp.getDisplayName(), job.getId(), job.getTemplateId(),
                status == null ? null : value(status.getCode()),
                schedule == null ? null : value(schedule.getState()),
                last == null ? null : value(last.getState()),
                last == null || last.getTimeEnded() == null ? null : last.getTimeEnded().toInstant());
    }

    private static String value(ValuedEnum e) {
        return e == null ? null : e.getValue();
    }
}
