package dev.oktaentra.graph.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.tenant.ProvisioningEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenant-wide endpoints: organization, onPremisesSynchronization, service principals and synchronization jobs, and
 * the provisioning log. Roles are {@link RoleRoutes}'.
 */
final class TenantRoutes {

    private static final Pattern TEMPLATE_FILTER = Pattern.compile("\\s*applicationTemplateId\\s+eq\\s+'([^']*)'\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOG_CLAUSE = Pattern.compile("\\s*(activityDateTime)\\s+(ge|gt|le|lt)\\s+(\\S+)\\s*"
            + "|\\s*jobId\\s+eq\\s+'((?:[^']|'')*)'\\s*", Pattern.CASE_INSENSITIVE);
    private static final Set<String> RESET_SCOPES = Set.of("None", "ConnectorDataStore", "Escrows", "Watermark",
            "QuarantineState", "Full", "ForceDeletes");

    private final FakeTenant tenant;
    private final String baseUrl;

    TenantRoutes(FakeTenant tenant, String baseUrl) {
        this.tenant = tenant;
        this.baseUrl = baseUrl;
    }

    Reply organization() {
        ObjectNode root = Json.object();
        ObjectNode org = root.putArray("value").addObject();
        org.put("id", tenant.tenantId);
        org.put("displayName", "Fake Contoso");
        if (tenant.onPremisesSyncEnabled == null) {
            org.putNull("onPremisesSyncEnabled");
        } else {
            org.put("onPremisesSyncEnabled", tenant.onPremisesSyncEnabled);
        }
        org.put("onPremisesLastSyncDateTime", tenant.onPremisesLastSyncDateTime == null ? null
                : tenant.onPremisesLastSyncDateTime.toString());
        return Reply.ok(root);
    }

    Reply synchronization() {
        ObjectNode root = Json.object();
        ObjectNode sync = root.putArray("value").addObject();
        sync.put("id", tenant.tenantId);
        ObjectNode configuration = sync.putObject("configuration");
        configuration.putObject("accidentalDeletionPrevention").put("synchronizationPreventionType",
                "enabledForCount").put("alertThreshold", 500);
        ObjectNode features = sync.putObject("features");
        tenant.features.forEach(features::put);
        return Reply.ok(root);
    }

    Reply patchSynchronization(FakeRequest req, String id) {
        if (!id.equalsIgnoreCase(tenant.tenantId)) {
            return Reply.error(404, "Request_ResourceNotFound", "Resource '" + id + "' does not exist.");
        }
        JsonNode body = Json.parse(req.body());
        JsonNode features = body == null ? null : body.get("features");
        if (features == null || !features.isObject()) {
            return Reply.error(400, "Request_BadRequest", "The request needs a 'features' object.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = features.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().startsWith("@odata")) {
                continue;
            }
            if (!f.getValue().isBoolean()) {
                return Reply.error(400, "Request_BadRequest", "Feature '" + f.getKey() + "' must be true or false.");
            }
            tenant.features.put(f.getKey(), f.getValue().asBoolean());
        }
        return Reply.noContent();
    }

    Reply servicePrincipals(FakeRequest req) {
        String filter = req.param("$filter");
        Predicate<FakeTenant.ServicePrincipal> keep = sp -> true;
        if (filter != null) {
            Matcher m = TEMPLATE_FILTER.matcher(filter);
            if (!m.matches()) {
                return Reply.error(400, "Request_UnsupportedQuery", "The fake Graph server filters service principals"
                        + " only on applicationTemplateId eq '…', not '" + filter + "'.");
            }
            String template = m.group(1);
            keep = sp -> template.equalsIgnoreCase(sp.applicationTemplateId());
        }
        List<ObjectNode> items = new ArrayList<>();
        for (FakeTenant.ServicePrincipal sp : tenant.servicePrincipals.values()) {
            if (keep.test(sp)) {
                items.add(Json.object().put("id", sp.id()).put("displayName", sp.displayName())
                        .put("appId", sp.appId()).put("applicationTemplateId", sp.applicationTemplateId()));
            }
        }
        return Reply.ok(Paging.page(baseUrl, req, items, 100, 999));
    }

    Reply jobs(FakeRequest req, String spId) {
        if (!tenant.servicePrincipals.containsKey(spId)) {
            return Reply.error(404, "Request_ResourceNotFound", "Resource '" + spId + "' does not exist.");
        }
        List<ObjectNode> items = new ArrayList<>();
        for (FakeTenant.Job job : tenant.jobs.getOrDefault(spId, List.of())) {
            ObjectNode item = Json.object().put("id", job.id).put("templateId", job.templateId);
            item.putObject("schedule").put("interval", "PT40M").put("state", job.scheduleState);
            ObjectNode status = item.putObject("status").put("code", job.status);
            if (job.lastExecutionState != null || job.lastExecutionEnded != null) {
                ObjectNode last = status.putObject("lastExecution").put("state", job.lastExecutionState);
                if (job.lastExecutionEnded != null) {
                    last.put("timeBegan", job.lastExecutionEnded.minusSeconds(60).toString());
                    last.put("timeEnded", job.lastExecutionEnded.toString());
                }
            }
            items.add(item);
        }
        return Reply.ok(Paging.page(baseUrl, req, items, 100, 999));
    }

    /**
     * Deletes a job as Graph documents it: "Stop the synchronization job, and permanently delete all the state
     * associated with it. Synchronized accounts are left as-is." and "If successful, returns a 204 No Content
     * response" (https://learn.microsoft.com/graph/api/synchronization-synchronizationjob-delete). The job leaves the
     * list; the users it synchronised stay as they are. An unknown service principal or job answers 404 in Graph's
     * error shape.
     */
    Reply deleteJob(String spId, String jobId) {
        FakeTenant.Job job = tenant.job(spId, jobId);
        if (job == null) {
            return Reply.error(404, "Request_ResourceNotFound", "Job '" + jobId + "' of service principal '" + spId
                    + "' does not exist.");
        }
        tenant.jobs.get(spId).remove(job);
        tenant.jobActions.add(new JobAction(spId, jobId, "delete", null));
        return Reply.noContent();
    }

    Reply jobAction(FakeRequest req, String spId, String jobId, String action) {
        FakeTenant.Job job = tenant.job(spId, jobId);
        if (job == null) {
            return Reply.error(404, "Request_ResourceNotFound", "Job '" + jobId + "' of service principal '" + spId
                    + "' does not exist.");
        }
        String scope = null;
        if (action.equals("restart")) {
            JsonNode body = Json.parse(req.body());
            JsonNode criteria = body == null ? null : body.get("criteria");
            JsonNode reset = criteria == null ? null : criteria.get("resetScope");
            if (reset != null && !reset.isNull()) {
                scope = reset.asText();
                for (String s : scope.split(",")) {
                    if (RESET_SCOPES.stream().noneMatch(s.trim()::equalsIgnoreCase)) {
                        return Reply.error(400, "Request_BadRequest", "Invalid resetScope value '" + s + "'.");
                    }
                }
            }
        }
        job.status = "Active";
        tenant.jobActions.add(new JobAction(spId, jobId, action, scope));
        return Reply.noContent();
    }

    Reply provisioningLog(FakeRequest req) {
        Predicate<ProvisioningEvent> keep = e -> true;
        String filter = req.param("$filter");
        if (filter != null) {
            for (String clause : filter.split("(?i)\\s+and\\s+")) {
                Matcher m = LOG_CLAUSE.matcher(clause);
                if (!m.matches()) {
                    return Reply.error(400, "BadRequest", "Invalid filter clause '" + clause + "'.");
                }
                keep = keep.and(m.group(1) != null ? window(m.group(2), m.group(3))
                        : e -> m.group(4).replace("''", "'").equals(e.jobId()));
            }
        }
        List<ObjectNode> items = new ArrayList<>();
        Predicate<ProvisioningEvent> selected = keep;
        tenant.events.stream().filter(selected)
                .sorted(Comparator.comparing(ProvisioningEvent::activityDateTime,
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(e -> items.add(event(e)));
        return Reply.ok(Paging.page(baseUrl, req, items, 50, 1000));
    }

    private static Predicate<ProvisioningEvent> window(String op, String value) {
        Predicate<Instant> at = Paging.dateTime(op, value);
        return e -> at.test(e.activityDateTime());
    }

    private static ObjectNode event(ProvisioningEvent e) {
        ObjectNode item = Json.object();
        item.put("id", e.id());
        item.put("activityDateTime", e.activityDateTime() == null ? null : e.activityDateTime().toString());
        item.put("jobId", e.jobId());
        item.put("cycleId", "cycle-" + e.jobId());
        item.put("changeId", "change-" + e.id());
        item.put("provisioningAction", e.action());
        ObjectNode info = item.putObject("provisioningStatusInfo").put("status", e.status());
        if (e.errorCode() != null || e.reason() != null) {
            info.putObject("errorInformation").put("errorCode", e.errorCode()).put("reason", e.reason())
                    .put("errorCategory", "nonServiceFailure");
        }
        item.putObject("sourceIdentity").put("id", e.sourceId()).put("displayName", e.sourceName())
                .put("identityType", "User");
        item.putObject("targetIdentity").put("id", e.targetId()).put("displayName", e.targetName())
                .put("identityType", "User");
        return item;
    }
}
