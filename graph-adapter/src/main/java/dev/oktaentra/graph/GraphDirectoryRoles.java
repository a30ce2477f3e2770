package dev.oktaentra.graph;

import com.microsoft.graph.models.ExpirationPattern;
import com.microsoft.graph.models.ExpirationPatternType;
import com.microsoft.graph.models.RequestSchedule;
import com.microsoft.graph.models.UnifiedRoleAssignment;
import com.microsoft.graph.models.UnifiedRoleAssignmentCollectionResponse;
import com.microsoft.graph.models.UnifiedRoleEligibilitySchedule;
import com.microsoft.graph.models.UnifiedRoleEligibilityScheduleCollectionResponse;
import com.microsoft.graph.models.UnifiedRoleEligibilityScheduleRequest;
import com.microsoft.graph.models.UnifiedRoleScheduleRequestActions;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.oktaentra.core.tenant.DirectoryRoles;
import dev.oktaentra.core.tenant.RoleAssignment;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's directory roles over Graph ({@link DirectoryRoles}): the role holders the 2026 hard-match protections
 * block, removed for the matching window and assigned again after it when the operator opts in.
 *
 * <ul>
 *   <li>Read: {@code GET /roleManagement/directory/roleAssignments?$filter=principalId eq '…'} and
 *       {@code GET /roleManagement/directory/roleEligibilitySchedules?$filter=principalId eq '…'}
 *       (https://learn.microsoft.com/graph/api/rbacapplication-list-roleeligibilityschedules: "supports the
 *       {@code $select}, {@code $filter}, and {@code $expand} OData query parameters"), each with
 *       {@code $expand=roleDefinition} for the role's name. A tenant without PIM's licence answers
 *       {@code AadPremiumLicenseRequired}: it has no eligibility to list.</li>
 *   <li>Active: {@code DELETE /roleManagement/directory/roleAssignments/{id}} ("204 No Content",
 *       https://learn.microsoft.com/graph/api/unifiedroleassignment-delete) and {@code POST
 *       /roleManagement/directory/roleAssignments} with {@code roleDefinitionId}, {@code principalId},
 *       {@code directoryScopeId} ("201 Created", with a new id,
 *       https://learn.microsoft.com/graph/api/rbacapplication-post-roleassignments).</li>
 *   <li>Eligible: {@code POST /roleManagement/directory/roleEligibilityScheduleRequests} with {@code action}
 *       {@code adminRemove} ("For administrators to remove eligible roles from principals") or {@code adminAssign}
 *       with a justification and the eligibility's {@code scheduleInfo.expiration} as it was
 *       (https://learn.microsoft.com/graph/api/rbacapplication-post-roleeligibilityschedulerequests).</li>
 * </ul>
 * Permission: {@code RoleManagement.ReadWrite.Directory} for the writes ({@code RoleManagement.Read.Directory} to
 * read).
 */
final class GraphDirectoryRoles implements DirectoryRoles {

    private static final Logger LOG = LoggerFactory.getLogger(GraphDirectoryRoles.class);

    private final GraphServiceClient graph;
    private final GraphSettings settings;
    private final Clock clock;

    GraphDirectoryRoles(GraphServiceClient graph, GraphSettings settings, Clock clock) {
        this.graph = graph;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<RoleAssignment> of(String userId) {
        Objects.requireNonNull(userId, "userId");
        String filter = "principalId eq '" + userId.replace("'", "''") + "'";
        List<RoleAssignment> roles = new ArrayList<>();
        var assignments = graph.roleManagement().directory().roleAssignments();
        Pages.<UnifiedRoleAssignmentCollectionResponse, UnifiedRoleAssignment, UnifiedRoleAssignment>stream(
                "role assignments of " + userId,
                link -> Calls.call("Reading the role assignments of " + userId + " (needs"
                        + " RoleManagement.Read.Directory)", () -> link == null
                        ? assignments.get(rc -> {
                            rc.queryParameters.filter = filter;
                            rc.queryParameters.expand = new String[] {"roleDefinition"};
                            Calls.retry(rc, settings);
                        })
                        : assignments.withUrl(link).get(rc -> Calls.retry(rc, settings))),
                UnifiedRoleAssignmentCollectionResponse::getValue,
                UnifiedRoleAssignmentCollectionResponse::getOdataNextLink, (a, page, index) -> a)
                .filter(a -> userId.equals(a.getPrincipalId()))
                .forEach(a -> roles.add(new RoleAssignment(RoleAssignment.Kind.ACTIVE, a.getId(), userId,
                        a.getRoleDefinitionId(), a.getRoleDefinition() == null ? null
                                : a.getRoleDefinition().getDisplayName(), a.getDirectoryScopeId(), null)));
        var schedules = graph.roleManagement().directory().roleEligibilitySchedules();
        try {
            Pages.<UnifiedRoleEligibilityScheduleCollectionResponse, UnifiedRoleEligibilitySchedule,
                    UnifiedRoleEligibilitySchedule>stream("role eligibility schedules of " + userId,
                    link -> Calls.call("Reading the PIM role eligibility of " + userId + " (needs"
                            + " RoleEligibilitySchedule.Read.Directory or RoleManagement.Read.Directory)",
                            () -> link == null
                                    ? schedules.get(rc -> {
                                        rc.queryParameters.filter = filter;
                                        rc.queryParameters.expand = new String[] {"roleDefinition"};
                                        Calls.retry(rc, settings);
                                    })
                                    : schedules.withUrl(link).get(rc -> Calls.retry(rc, settings))),
                    UnifiedRoleEligibilityScheduleCollectionResponse::getValue,
                    UnifiedRoleEligibilityScheduleCollectionResponse::getOdataNextLink, (s, page, index) -> s)
                    .filter(s -> userId.equals(s.getPrincipalId()))
                    .forEach(s -> roles.add(new RoleAssignment(RoleAssignment.Kind.ELIGIBLE, s.getId(), userId,
                            s.getRoleDefinitionId(), s.getRoleDefinition() == null ? null
                                    : s.getRoleDefinition().getDisplayName(), s.getDirectoryScopeId(), end(s))));
        } catch (GraphException e) {
            if (!EligibleRoleHolders.LICENSE_REQUIRED.equalsIgnoreCase(e.errorCode())) {
                throw e;
            }
        }
        return roles;
    }

    private static java.time.Instant end(UnifiedRoleEligibilitySchedule s) {
        RequestSchedule info = s.getScheduleInfo();
        ExpirationPattern expiration = info == null ? null : info.getExpiration();
        return expiration == null || expiration.getEndDateTime() == null ? null
                : expiration.getEndDateTime().toInstant();
    }

    @Override
    public void remove(RoleAssignment assignment) {
        if (assignment.kind() == RoleAssignment.Kind.ACTIVE) {
            Calls.run("Removing " + assignment.describe() + " from " + assignment.principalId()
                    + " (needs RoleManagement.ReadWrite.Directory)",
                    () -> graph.roleManagement().directory().roleAssignments()
                            .byUnifiedRoleAssignmentId(assignment.id()).delete(rc -> Calls.retry(rc, settings)));
        } else {
            UnifiedRoleEligibilityScheduleRequest request = request(assignment,
                    UnifiedRoleScheduleRequestActions.AdminRemove);
            Calls.call("Removing " + assignment.describe() + " from " + assignment.principalId()
                    + " (needs RoleManagement.ReadWrite.Directory)",
                    () -> graph.roleManagement().directory().roleEligibilityScheduleRequests().post(request,
                            rc -> Calls.retry(rc, settings)));
        }
        LOG.info("Removed {} from {} for the matching window", assignment.describe(), assignment.principalId());
    }

    @Override
    public void assign(RoleAssignment assignment) {
        if (assignment.kind() == RoleAssignment.Kind.ACTIVE) {
            UnifiedRoleAssignment body = new UnifiedRoleAssignment();
            body.setOdataType("#microsoft.graph.unifiedRoleAssignment");
            body.setRoleDefinitionId(assignment.roleDefinitionId());
            body.setPrincipalId(assignment.principalId());
            body.setDirectoryScopeId(assignment.directoryScopeId());
            Calls.call("Assigning " + assignment.describe() + " to " + assignment.principalId()
                    + " again (needs RoleManagement.ReadWrite.Directory)",
                    () -> graph.roleManagement().directory().roleAssignments().post(body,
                            rc -> Calls.retry(rc, settings)));
        } else {
            UnifiedRoleEligibilityScheduleRequest request = request(assignment,
                    UnifiedRoleScheduleRequestActions.AdminAssign);
            request.setJustification("Restored after the Okta to Entra sync cutover (removed for the matching window)");
            RequestSchedule schedule = new RequestSchedule();
            schedule.setStartDateTime(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
            ExpirationPattern expiration = new ExpirationPattern();
            if (assignment.end() == null) {
                expiration.setType(ExpirationPatternType.NoExpiration);
            } else {
                expiration.setType(ExpirationPatternType.AfterDateTime);
                expiration.setEndDateTime(assignment.end().atOffset(ZoneOffset.UTC));
            }
            schedule.setExpiration(expiration);
            request.setScheduleInfo(schedule);
            Calls.call("Making " + assignment.principalId() + " " + assignment.describe() + " again (needs"
                    + " RoleManagement.ReadWrite.Directory)",
                    () -> graph.roleManagement().directory().roleEligibilityScheduleRequests().post(request,
                            rc -> Calls.retry(rc, settings)));
        }
        LOG.info("Assigned {} to {} again", assignment.describe(), assignment.principalId());
    }

    private static UnifiedRoleEligibilityScheduleRequest request(RoleAssignment assignment,
            UnifiedRoleScheduleRequestActions action) {
        UnifiedRoleEligibilityScheduleRequest request = new UnifiedRoleEligibilityScheduleRequest();
        request.setAction(action);
        request.setPrincipalId(assignment.principalId());
        request.setRoleDefinitionId(assignment.roleDefinitionId());
        request.setDirectoryScopeId(assignment.directoryScopeId());
        return request;
    }
}
