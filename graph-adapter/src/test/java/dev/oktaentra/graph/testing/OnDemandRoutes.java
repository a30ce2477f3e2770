package dev.oktaentra.graph.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.SourceAnchor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;

/**
 * A cloud sync job's schema and on-demand provisioning
 * (https://learn.microsoft.com/graph/api/synchronization-synchronizationjob-provisionondemand). The schema has one
 * rule, mapping the source directory's {@code user} (and {@code group}) objects; a request naming another rule, another
 * object type or not one subject is refused with Graph's error. More than 5 requests in 10 seconds ("The rate limit
 * for this API is 5 requests per 10 seconds") are answered 429 with {@code Retry-After}.
 *
 * <p>The user is read from the agent's view of AD ({@link FakeGraphServer#agentView}) by its distinguished name and
 * provisioned as the fake plays every sync: it matches the cloud user whose ImmutableID is the user's cloud sync
 * anchor (mS-DS-ConsistencyGuid, else objectGUID: "anchor chosen automatically", entra-2026.md), and with no such user
 * it is created as {@link FakeGraphServer#syncAdd} creates a synced add (a synced add needs an ImmutableID no user
 * holds, "else it is a hard match"). A match Entra ID refuses is a {@code Failure} with {@code InvalidHardMatch}: the
 * tenant's hard-match block is on, or the cloud user holds a directory role, active or eligible (the 2026 hardening).
 * A match marks the cloud user synced, as the sync would; the answer's key and value are JSON strings, as the service
 * sends them. Soft matching is not played, as {@code syncAdd} does not play it.
 */
final class OnDemandRoutes {

    static final int REQUESTS = 5;
    static final Duration WINDOW = Duration.ofSeconds(10);

    private final FakeTenant tenant;
    private final Deque<Instant> accepted = new ArrayDeque<>();

    OnDemandRoutes(FakeTenant tenant) {
        this.tenant = tenant;
    }

    /** The id of a job's rule for users: fixed per job, as the service's is. */
    static String ruleId(String jobId) {
        return UUID.nameUUIDFromBytes(("rule-" + jobId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    Reply schema(String spId, String jobId) {
        if (tenant.job(spId, jobId) == null) {
            return notFound(spId, jobId);
        }
        ObjectNode root = Json.object().put("id", jobId).put("version", "1");
        ObjectNode rule = root.putArray("synchronizationRules").addObject().put("id", ruleId(jobId))
                .put("name", "AD2AADProvisioning").put("sourceDirectoryName", "Active Directory")
                .put("targetDirectoryName", "Azure Active Directory").put("editable", true);
        ArrayNode mappings = rule.putArray("objectMappings");
        mappings.addObject().put("enabled", true).put("name", "Provision Active Directory Users")
                .put("sourceObjectName", "user").put("targetObjectName", "User");
        mappings.addObject().put("enabled", true).put("name", "Provision Active Directory Groups")
                .put("sourceObjectName", "group").put("targetObjectName", "Group");
        return Reply.ok(root);
    }

    Reply provision(FakeRequest req, String spId, String jobId) {
        if (tenant.job(spId, jobId) == null) {
            return notFound(spId, jobId);
        }
        Instant now = tenant.clock.instant();
        while (!accepted.isEmpty() && !accepted.peekFirst().plus(WINDOW).isAfter(now)) {
            accepted.removeFirst();
        }
        if (accepted.size() >= REQUESTS) {
            long wait = Math.max(1, (Duration.between(now, accepted.peekFirst().plus(WINDOW)).toMillis() + 999) / 1000);
            return Reply.error(429, "TooManyRequests", "The rate limit for this API is 5 requests per 10 seconds.")
                    .withHeader("Retry-After", Long.toString(wait));
        }
        JsonNode body = Json.parse(req.body());
        JsonNode parameters = body == null ? null : body.get("parameters");
        if (parameters == null || !parameters.isArray() || parameters.size() != 1) {
            return Reply.error(400, "BadRequest", "The request needs 'parameters' with one entry.");
        }
        JsonNode p = parameters.get(0);
        if (!ruleId(jobId).equals(p.path("ruleId").asText(null))) {
            return Reply.error(400, "BadRequest", "Rule '" + p.path("ruleId").asText("") + "' is not a rule of job '"
                    + jobId + "'.");
        }
        JsonNode subjects = p.get("subjects");
        if (subjects == null || !subjects.isArray() || subjects.size() != 1
                || !"user".equalsIgnoreCase(subjects.get(0).path("objectTypeName").asText(""))
                || subjects.get(0).path("objectId").asText("").isBlank()) {
            return Reply.error(400, "BadRequest", "The fake provisions one subject of objectTypeName 'user' with "
                    + "its distinguished name as objectId.");
        }
        accepted.addLast(now);
        String dn = subjects.get(0).get("objectId").asText();
        Optional<OnPremUser> user = tenant.agentView.apply(dn);
        if (user.isEmpty()) {
            return answer(key("Failure", null, "No object with distinguished name '" + dn + "' was found in Active "
                    + "Directory."), value(null, "Failure", null, dn, null));
        }
        return provision(user.get(), now);
    }

    private Reply provision(OnPremUser user, Instant now) {
        String upn = user.userPrincipalName();
        Optional<ImmutableId> anchor = SourceAnchor.consistencyGuid().expected(user);
        if (anchor.isEmpty()) {
            return answer(key("Failure", null, "The user has no source anchor."), value(null, "Failure", null, upn,
                    null));
        }
        String holderId = tenant.immutableIdHolder.get(anchor.get().value());
        if (holderId != null) {
            int index = tenant.find(holderId);
            CloudUser holder = tenant.users.get(index);
            boolean synced = Boolean.TRUE.equals(holder.onPremisesSyncEnabled());
            if (!synced && (tenant.matchBlocks().blockCloudObjectTakeoverThroughHardMatchEnabled()
                    || holdsRole(holderId))) {
                return answer(key("Failure", "InvalidHardMatch", "Entra ID refused to take over cloud user '"
                        + holder.userPrincipalName() + "' by hard match."),
                        value("Update", "Failure", step("EntryExportUpdate", "Failure", "Failed to update User '" + upn
                                + "' in Azure Active Directory"), upn, holderId));
            }
            tenant.replace(index, holder.toBuilder().onPremisesSyncEnabled(Boolean.TRUE)
                    .onPremisesLastSyncDateTime(now).build());
            return answer(key("Success", null, null), value("Update", "Success", step("EntryExportUpdate", "Success",
                    "User '" + upn + "' was updated in Azure Active Directory"), upn, holderId));
        }
        CloudUser created = tenant.directory.syncAdd(CloudUser.builder().id(UUID.randomUUID().toString())
                .userPrincipalName(upn).immutableId(anchor.get()).mail(user.mail())
                .proxyAddresses(user.proxyAddresses()).displayName(user.displayName()).build(), now);
        return answer(key("Success", null, null), value("Create", "Success", step("EntryExportAdd", "Success",
                "User '" + created.userPrincipalName() + "' was created in Azure Active Directory"), upn,
                created.id()));
    }

    private boolean holdsRole(String userId) {
        return tenant.roleAssignments.stream().anyMatch(r -> r.principalId().equals(userId))
                || tenant.eligibilities.stream().anyMatch(e -> e.principalId().equals(userId));
    }

    private static ObjectNode key(String result, String errorCode, String errorMessage) {
        ObjectNode key = Json.object().put("result", result);
        ObjectNode details = key.putObject("details");
        if (errorCode != null) {
            details.put("errorCode", errorCode);
        }
        if (errorMessage != null) {
            details.put("errorMessage", errorMessage);
        }
        return key;
    }

    private static ObjectNode step(String name, String status, String description) {
        return Json.object().put("name", name).put("type", "Export").put("status", status)
                .put("description", description);
    }

    private static ObjectNode value(String action, String status, ObjectNode export, String who, String targetId) {
        ObjectNode value = Json.object();
        ArrayNode steps = value.putArray("provisioningSteps");
        steps.addObject().put("name", "EntryImport").put("type", "Import").put("status", "Success")
                .put("description", "Retrieved user '" + who + "' from Active Directory");
        steps.addObject().put("name", "EntrySynchronizationScoping").put("type", "Scoping").put("status", "Success")
                .put("description", "Determine if user in scope by evaluating against each scoping filter");
        if (export != null) {
            steps.add(export);
        }
        if (action != null) {
            value.put("action", action);
        }
        value.put("reportableIdentifier", who);
        value.putObject("statusInfo").put("status", status);
        value.putObject("sourceSystem").put("name", "Active Directory");
        value.putObject("targetSystem").put("name", "Azure Active Directory");
        if (targetId != null) {
            value.putObject("targetIdentity").put("id", targetId).put("type", "User");
        }
        return value;
    }

    /** The stringKeyStringValuePair, key and value sent as JSON strings. */
    private static Reply answer(ObjectNode key, ObjectNode value) {
        ObjectNode root = Json.object();
        root.put("@odata.context", "https://syncfabric.windowsazure.com/api/$metadata#microsoft.synchronization"
                + ".stringKeyStringValuePair");
        root.put("key", key.toString());
        root.put("value", value.toString());
        return Reply.ok(root);
    }

    private static Reply notFound(String spId, String jobId) {
        return Reply.error(404, "Request_ResourceNotFound", "Job '" + jobId + "' of service principal '" + spId
                + "' does not exist.");
    }
}
