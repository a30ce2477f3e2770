package dev.oktaentra.graph;

import com.microsoft.graph.models.UnifiedRoleEligibilitySchedule;
import com.microsoft.graph.models.UnifiedRoleEligibilityScheduleCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the users eligible (Privileged Identity Management) for a directory role, whom Entra ID's 2026 protections
 * will not take over by hard match: "The cloud account is eligible for a privileged Microsoft Entra role."
 * (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant, "Hard match
 * security protections"). Which roles are "privileged" the page does not say, and message center MC1262584 speaks of
 * any Entra role, so every eligibility counts.
 *
 * <p>One paged query of {@code GET /roleManagement/directory/roleEligibilitySchedules?$expand=principal}
 * (https://learn.microsoft.com/graph/api/rbacapplication-list-roleeligibilityschedules: "supports the {@code $select},
 * {@code $filter}, and {@code $expand} OData query parameters"), plus the members of each role-assignable group made
 * eligible. Schedules rather than their instances: a schedule also covers eligibility that starts later, the safer
 * superset. A tenant without Entra ID P2 answers {@code 400 AadPremiumLicenseRequired} ("The tenant needs to have
 * Microsoft Entra ID P2 or Microsoft Entra ID Governance license.", as maester365/maester#1421 shows it): the
 * eligibility is then unknown, not "none", and the caller says so. Permission:
 * {@code RoleEligibilitySchedule.Read.Directory} (or {@code RoleManagement.Read.Directory}).
 */
final class EligibleRoleHolders {

    /** Graph's error code for a tenant whose licences do not include PIM. */
    static final String LICENSE_REQUIRED = "AadPremiumLicenseRequired";

    private static final Logger LOG = LoggerFactory.getLogger(EligibleRoleHolders.class);

    /**
     * What the read found.
     *
     * @param userIds the object ids of eligible users; empty when {@code unknown}
     * @param unknown why eligibility could not be read, or {@code null} when it was
     */
    record Result(Set<String> userIds, String unknown) {
    }

    private EligibleRoleHolders() {
    }

    /**
     * Reads the eligible users.
     *
     * @param graph the client
     * @param settings the retry policy
     * @return the users, or why they are unknown (a tenant without PIM)
     * @throws GraphException when Graph refuses for another reason, e.g. a missing permission
     */
    static Result read(GraphServiceClient graph, GraphSettings settings) {
        RolePrincipals principals = new RolePrincipals();
        var schedules = graph.roleManagement().directory().roleEligibilitySchedules();
        try {
            Pages.<UnifiedRoleEligibilityScheduleCollectionResponse, UnifiedRoleEligibilitySchedule,
                    UnifiedRoleEligibilitySchedule>stream("role eligibility schedules",
                    link -> Calls.call("Reading PIM role eligibility schedules (needs"
                            + " RoleEligibilitySchedule.Read.Directory or RoleManagement.Read.Directory)",
                            () -> link == null
                                    ? schedules.get(rc -> {
                                        rc.queryParameters.expand = new String[] {"principal"};
                                        Calls.retry(rc, settings);
                                    })
                                    : schedules.withUrl(link).get(rc -> Calls.retry(rc, settings))),
                    UnifiedRoleEligibilityScheduleCollectionResponse::getValue,
                    UnifiedRoleEligibilityScheduleCollectionResponse::getOdataNextLink, (s, page, index) -> s)
                    .forEach(s -> principals.add(s.getPrincipalId(), s.getPrincipal()));
        } catch (GraphException e) {
            if (LICENSE_REQUIRED.equalsIgnoreCase(e.errorCode())) {
                LOG.warn("PIM role eligibility could not be read: {}", e.graphMessage());
                return new Result(Set.of(), "Graph answered " + LICENSE_REQUIRED + " (" + e.graphMessage()
                        + "): without the licence PIM eligibility cannot be listed, so whether a user is eligible for"
                        + " a role is unknown");
            }
            throw e;
        }
        Set<String> users = principals.userIds(graph, settings);
        LOG.debug("{} users are eligible for a directory role, directly or through {} role-assignable groups",
                users.size(), principals.groupCount());
        return new Result(users, null);
    }
}
