package dev.oktaentra.graph.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.directory.CloudUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        List<ObjectNode> items = new ArrayList<>();
        for (FakeTenant.RoleAssignment a : tenant.roleAssignments) {
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
        List<ObjectNode> items = new ArrayList<>();
        for (FakeTenant.Eligibility e : tenant.eligibilities) {
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
            schedule.putObject("expiration").put("type", "noExpiration").putNull("endDateTime").putNull("duration");
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
}
