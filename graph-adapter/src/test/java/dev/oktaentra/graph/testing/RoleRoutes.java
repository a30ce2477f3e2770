package dev.oktaentra.graph.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.directory.CloudUser;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Directory roles: active assignments ({@code roleManagement/directory/roleAssignments}), PIM eligibility schedules
 * ({@code roleManagement/directory/roleEligibilitySchedules}) and the user members of role-assignable groups, with
 * {@code $expand=principal} as Graph serves it (the principal typed by {@code @odata.type}).
 */
final class RoleRoutes {

    private final FakeTenant tenant;
    private final String baseUrl;

    RoleRoutes(FakeTenant tenant, String baseUrl) {
        this.tenant = tenant;
        this.baseUrl = baseUrl;
    }

    Reply roleAssignments(FakeRequest req) {
        boolean principal = expandsPrincipal(req);
        String only = principalFilter(req);
        List<ObjectNode> items = new ArrayList<>();
        for (FakeTenant.RoleAssignment a : tenant.roleAssignments) {
            if (only != null && !only.equals(a.principalId())) {
                continue;
            }
            ObjectNode item = Json.object();
            item.put("id", a.id());
            item.put("principalId", a.principalId());
            item.put("roleDefinitionId", a.roleDefinitionId());
            item.put("directoryScopeId", "/");
            if (principal) {
                item.set("principal", principal(a.principalId()));
            }
            items.add(item);
        }
        return Reply.ok(Paging.page(baseUrl, req, items, 100, 999));
    }

    /**
     * The eligibility schedules, each shaped as the sample of
     * https://learn.microsoft.com/graph/api/rbacapplication-list-roleeligibilityschedules: {@code status}
     * "Provisioned", {@code memberType} "Direct", tenant-wide scope, no expiration.
     */
    Reply roleEligibilitySchedules(FakeRequest req) {
        boolean principal = expandsPrincipal(req);
        String only = principalFilter(req);
        List<ObjectNode> items = new ArrayList<>();
        for (FakeTenant.Eligibility e : tenant.eligibilities) {
            if (only != null && !only.equals(e.principalId())) {
                continue;
            }
            ObjectNode item = Json.object();
            item.put("id", e.id());
            item.put("principalId", e.principalId());
            item.put("roleDefinitionId", e.roleDefinitionId());
            item.put("directoryScopeId", "/");
            item.putNull("appScopeId");
            item.put("createdUsing", e.id());
            item.put("createdDateTime", e.start().toString());
            item.putNull("modifiedDateTime");
            item.put("status", "Provisioned");
            item.put("memberType", "Direct");
            ObjectNode schedule = item.putObject("scheduleInfo");
            schedule.put("startDateTime", e.start().toString());
            schedule.putNull("recurrence");
            if (e.end() == null) {
                schedule.putObject("expiration").put("type", "noExpiration").putNull("endDateTime").putNull("duration");
            } else {
                schedule.putObject("expiration").put("type", "afterDateTime").put("endDateTime", e.end().toString())
                        .putNull("duration");
            }
            if (principal) {
                item.set("principal", principal(e.principalId()));
            }
            items.add(item);
        }
        return Reply.ok(Paging.page(baseUrl, req, items, 100, 999));
    }

    Reply groupUsers(FakeRequest req, String groupId) {
        List<String> members = tenant.groupMembers.get(groupId);
        if (members == null) {
            return Reply.error(404, "Request_ResourceNotFound", "Resource '" + groupId + "' does not exist.");
        }
        List<ObjectNode> items = new ArrayList<>();
        for (String member : members) {
            int index = tenant.find(member);
            if (index >= 0) {
                items.add(Json.object().put("@odata.type", "#microsoft.graph.user").put("id", member));
            }
        }
        return Reply.ok(Paging.page(baseUrl, req, items, 100, 999));
    }

    private static boolean expandsPrincipal(FakeRequest req) {
        String expand = req.param("$expand");
        return expand != null && expand.toLowerCase(Locale.ROOT).contains("principal");
    }

    private ObjectNode principal(String id) {
        int index = tenant.find(id);
        if (index >= 0) {
            CloudUser u = tenant.users.get(index);
            return Json.object().put("@odata.type", "#microsoft.graph.user").put("id", u.id())
                    .put("userPrincipalName", u.userPrincipalName());
        }
        if (tenant.groupMembers.containsKey(id)) {
            return Json.object().put("@odata.type", "#microsoft.graph.group").put("id", id)
                    .put("displayName", "Role-assignable group " + id);
        }
        return Json.object().put("@odata.type", "#microsoft.graph.servicePrincipal").put("id", id);
    }

    /**
     * {@code DELETE roleAssignments/{id}}: "If successful, this method returns 204 No Content"
     * (https://learn.microsoft.com/graph/api/unifiedroleassignment-delete); an unknown id is a 404.
     */
    Reply deleteRoleAssignment(String id) {
        boolean removed = tenant.roleAssignments.removeIf(a -> a.id().equals(id));
        return removed ? Reply.noContent() : Reply.error(404, "Request_ResourceNotFound", "Resource '" + id
                + "' does not exist or one of its queried reference-property objects are not present.");
    }

    /**
     * {@code POST roleAssignments}: "201 Created" with a new id
     * (https://learn.microsoft.com/graph/api/rbacapplication-post-roleassignments).
     */
    Reply postRoleAssignment(FakeRequest req) {
        JsonNode body = Json.parse(req.body());
        String principalId = text(body, "principalId");
        String role = text(body, "roleDefinitionId");
        if (principalId == null || role == null || text(body, "directoryScopeId") == null) {
            return Reply.error(400, "Request_BadRequest", "principalId, roleDefinitionId and directoryScopeId are "
                    + "required.");
        }
        FakeTenant.RoleAssignment a = new FakeTenant.RoleAssignment(UUID.randomUUID().toString(), principalId, role);
        tenant.roleAssignments.add(a);
        return Reply.json(201, Json.object().put("id", a.id()).put("principalId", principalId)
                .put("roleDefinitionId", role).put("directoryScopeId", text(body, "directoryScopeId")));
    }

    /**
     * {@code POST roleEligibilityScheduleRequests} with {@code adminRemove} (the eligibility ends; answered "201
     * Created" with status "Revoked") or {@code adminAssign} (a new eligibility with the request's expiration,
     * status "Provisioned"), https://learn.microsoft.com/graph/api/rbacapplication-post-roleeligibilityschedulerequests.
     * Removing an eligibility the principal does not have is refused; the page gives no error text, so the fake's
     * is an assumption.
     */
    Reply postEligibilityRequest(FakeRequest req) {
        JsonNode body = Json.parse(req.body());
        String action = text(body, "action");
        String principalId = text(body, "principalId");
        String role = text(body, "roleDefinitionId");
        if (action == null || principalId == null || role == null || text(body, "directoryScopeId") == null) {
            return Reply.error(400, "Request_BadRequest", "action, principalId, roleDefinitionId and "
                    + "directoryScopeId are required.");
        }
        ObjectNode answer = Json.object().put("id", UUID.randomUUID().toString()).put("action", action)
                .put("principalId", principalId).put("roleDefinitionId", role);
        switch (action) {
            case "adminRemove" -> {
                boolean removed = tenant.eligibilities.removeIf(e -> e.principalId().equals(principalId)
                        && e.roleDefinitionId().equalsIgnoreCase(role));
                if (!removed) {
                    return Reply.error(400, "RoleAssignmentDoesNotExist", "The role assignment does not exist.");
                }
                answer.put("status", "Revoked").putNull("targetScheduleId");
            }
            case "adminAssign" -> {
                JsonNode expiration = body.path("scheduleInfo").path("expiration");
                String end = expiration.path("endDateTime").isTextual() ? expiration.path("endDateTime").asText()
                        : null;
                FakeTenant.Eligibility e = new FakeTenant.Eligibility(UUID.randomUUID().toString(), principalId,
                        role, Instant.now(), end == null ? null : OffsetDateTime.parse(end).toInstant());
                tenant.eligibilities.add(e);
                answer.put("status", "Provisioned").put("targetScheduleId", e.id());
            }
            default -> {
                return Reply.error(400, "Request_BadRequest", "The fake Graph server takes adminRemove and "
                        + "adminAssign, not '" + action + "'.");
            }
        }
        return Reply.json(201, answer);
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    private static final Pattern PRINCIPAL = Pattern.compile("\\s*principalId\\s+eq\\s+'([^']*)'\\s*");

    /** The principal a {@code $filter=principalId eq '…'} names, or null without a filter. */
    private static String principalFilter(FakeRequest req) {
        String filter = req.param("$filter");
        if (filter == null) {
            return null;
        }
        Matcher m = PRINCIPAL.matcher(filter);
        if (!m.matches()) {
            throw new Paging.Refusal(Reply.error(400, "Request_UnsupportedQuery", "The fake Graph server filters "
                    + "role assignments only on principalId eq '…', not '" + filter + "'."));
        }
        return m.group(1);
    }
}
