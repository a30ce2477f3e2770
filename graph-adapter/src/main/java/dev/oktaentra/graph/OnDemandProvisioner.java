package dev.oktaentra.graph;

import com.microsoft.graph.models.ObjectMapping;
import com.microsoft.graph.models.StringKeyStringValuePair;
import com.microsoft.graph.models.SynchronizationJobApplicationParameters;
import com.microsoft.graph.models.SynchronizationJobSubject;
import com.microsoft.graph.models.SynchronizationRule;
import com.microsoft.graph.models.SynchronizationSchema;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.provisionondemand.ProvisionOnDemandPostRequestBody;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.OnDemandProvisioning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisions one AD user on demand through a cloud sync job
 * (https://learn.microsoft.com/graph/api/synchronization-synchronizationjob-provisionondemand, example 2, "Sync
 * on-demand from Active Directory to Microsoft Entra ID (Microsoft Entra Cloud Sync)"): {@code POST
 * …/jobs/{jobId}/provisionOnDemand} with {@code {"parameters":[{"ruleId":…,"subjects":[{"objectId":"<DN>",
 * "objectTypeName":"user"}]}]}}. The {@code ruleId} is the job schema's synchronization rule that maps the source
 * directory's {@code user} objects ({@code GET …/jobs/{jobId}/schema}: {@code synchronizationRules[].objectMappings[]
 * .sourceObjectName}, https://learn.microsoft.com/graph/api/resources/synchronization-synchronizationrule), read once per
 * job. Requests keep to the rate limit ({@link OnDemandRateLimit}).
 */
final class OnDemandProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(OnDemandProvisioner.class);

    private final GraphServiceClient graph;
    private final GraphSettings settings;
    private final OnDemandRateLimit limit;
    private final Map<String, String> rules = new HashMap<>();

    OnDemandProvisioner(GraphServiceClient graph, GraphSettings settings) {
        this.graph = graph;
        this.settings = settings;
        this.limit = new OnDemandRateLimit(settings.retry());
    }

    OnDemandProvisioning provision(CloudSyncJob job, String distinguishedName) {
        if (distinguishedName == null || distinguishedName.isBlank()) {
            throw new IllegalArgumentException("A user to provision on demand needs its distinguished name");
        }
        String ruleId = ruleId(job);
        SynchronizationJobSubject subject = new SynchronizationJobSubject();
        subject.setObjectId(distinguishedName);
        subject.setObjectTypeName("user");
        SynchronizationJobApplicationParameters parameters = new SynchronizationJobApplicationParameters();
        parameters.setRuleId(ruleId);
        parameters.setSubjects(List.of(subject));
        ProvisionOnDemandPostRequestBody body = new ProvisionOnDemandPostRequestBody();
        body.setParameters(List.of(parameters));
        String action = "Provisioning " + distinguishedName + " on demand through cloud sync job " + job.jobId()
                + " of " + job.servicePrincipalName() + " (needs Synchronization.ReadWrite.All)";
        limit.acquire(action);
        StringKeyStringValuePair answer = Calls.call(action, () -> jobs(job).provisionOnDemand().post(body,
                rc -> Calls.retry(rc, settings)));
        if (answer == null) {
            throw new GraphException(action + ": the answer was empty; whether the user was matched or created is "
                    + "unknown", null);
        }
        OnDemandProvisioning parsed = OnDemandAnswer.parse(job.jobId(), distinguishedName, answer.getKey(),
                answer.getValue());
        LOG.info("Provisioned {} on demand through {}: result {}, action {}", distinguishedName, job.jobId(),
                parsed.result(), parsed.action());
        return parsed;
    }

    /** The job's rule for users, read from its schema once. */
    private synchronized String ruleId(CloudSyncJob job) {
        String known = rules.get(job.jobId());
        if (known != null) {
            return known;
        }
        SynchronizationSchema schema = Calls.call("Reading the schema of cloud sync job " + job.jobId()
                + " (needs Synchronization.Read.All)", () -> jobs(job).schema().get(rc -> Calls.retry(rc, settings)));
        List<String> found = new ArrayList<>();
        List<SynchronizationRule> all = schema == null || schema.getSynchronizationRules() == null ? List.of()
                : schema.getSynchronizationRules();
        for (SynchronizationRule rule : all) {
            if (rule.getId() != null && rule.getObjectMappings() != null
                    && rule.getObjectMappings().stream().anyMatch(OnDemandProvisioner::mapsUsers)) {
                found.add(rule.getId());
            }
        }
        if (found.size() != 1) {
            throw new GraphException("Cloud sync job " + job.jobId() + " of " + job.servicePrincipalName() + " has "
                    + (found.isEmpty() ? "no synchronization rule" : found.size() + " synchronization rules "
                    + found) + " mapping the source directory's 'user' objects; on-demand provisioning needs exactly "
                    + "one (its ruleId)", null);
        }
        rules.put(job.jobId(), found.get(0));
        return found.get(0);
    }

    private static boolean mapsUsers(ObjectMapping m) {
        return "user".equalsIgnoreCase(m.getSourceObjectName()) && !Boolean.FALSE.equals(m.getEnabled());
    }

    private com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.SynchronizationJobItemRequestBuilder
            jobs(CloudSyncJob job) {
        return graph.servicePrincipals().byServicePrincipalId(job.servicePrincipalId()).synchronization().jobs()
                .bySynchronizationJobId(job.jobId());
    }
}
