package dev.oktaentra.graph;

import java.util.List;
import java.util.Map;

/**
 * The Microsoft Graph permissions the migration runbook needs, for {@link GraphTenantSync#missingPermissions}.
 *
 * <p>Besides users ({@code User.*}), roles and group members ({@code Directory.Read.All}), the tenant's sync settings,
 * jobs and log, the reads behind the 2026 hard-match protections need:
 * <ul>
 *   <li>{@code RoleEligibilitySchedule.Read.Directory}: PIM eligibility, {@code GET
 *       /roleManagement/directory/roleEligibilitySchedules} (its least privileged permission, application and
 *       delegated; {@code Directory.Read.All} is not among those it accepts:
 *       https://learn.microsoft.com/graph/api/rbacapplication-list-roleeligibilityschedules);</li>
 *   <li>{@code User-OnPremisesSyncBehavior.ReadWrite.All}: {@code GET /users/{id}/onPremisesSyncBehavior}, whose
 *       only permission it is, even to read ("User | Application | User-OnPremisesSyncBehavior.ReadWrite.All | Not
 *       available.", https://learn.microsoft.com/graph/api/onpremisessyncbehavior-get), so even the read-only
 *       assessment asks for it.</li>
 * </ul>
 * {@code onPremisesObjectIdentifier} is a user property read from Graph beta with {@code User.Read.All}.
 */
public final class GraphPermissions {

    /**
     * Everything the runbook does: read and fix users' ImmutableIDs, read roles (active and PIM-eligible) and service
     * principals, read users' source of authority, switch the matching guards, drive cloud sync jobs, read the
     * provisioning log; read the tenant's domains (which are federated: {@code Domain.Read.All}, the List domains
     * permission, https://learn.microsoft.com/graph/api/domain-list) and update UPNs for the opt-in UPN swap; read the directory
     * audit log ({@code auditLogs/directoryAudits}: {@code AuditLog.Read.All} and {@code Directory.Read.All}, as the
     * Graph reference's permission table for List directoryAudits lists them; {@code verify-cutover} reads it for
     * changes Okta's app still makes).
     */
    public static final List<String> RUNBOOK = List.of("User.ReadWrite.All", "Directory.Read.All",
            "RoleEligibilitySchedule.Read.Directory", "User-OnPremisesSyncBehavior.ReadWrite.All",
            "OnPremDirectorySynchronization.ReadWrite.All", "Synchronization.ReadWrite.All", "AuditLog.Read.All",
            "Domain.Read.All");

    /**
     * A read-only assessment: users, roles (active and eligible), users' source of authority, sync state, jobs,
     * domains, the provisioning and directory audit logs, no writes;
     * {@code User-OnPremisesSyncBehavior.ReadWrite.All} because Graph has no read-only permission for
     * {@code onPremisesSyncBehavior}.
     */
    public static final List<String> READ_ONLY = List.of("User.Read.All", "Directory.Read.All",
            "RoleEligibilitySchedule.Read.Directory", "User-OnPremisesSyncBehavior.ReadWrite.All",
            "OnPremDirectorySynchronization.Read.All", "Synchronization.Read.All", "AuditLog.Read.All",
            "Domain.Read.All");

    /**
     * What the opt-in {@code MigrationOptions.removeRoleHolders} needs beside {@link #RUNBOOK}: release-role-holders
     * deletes active assignments ({@code DELETE /roleManagement/directory/roleAssignments/{id}}, application
     * permission "RoleManagement.ReadWrite.Directory", https://learn.microsoft.com/graph/api/unifiedroleassignment-delete)
     * and removes eligibilities ({@code POST /roleManagement/directory/roleEligibilityScheduleRequests} with
     * {@code adminRemove}, application "RoleEligibilitySchedule.ReadWrite.Directory, RoleManagement.ReadWrite.Directory",
     * https://learn.microsoft.com/graph/api/rbacapplication-post-roleeligibilityschedulerequests); restore-role-holders
     * assigns both again (POST roleAssignments, {@code adminAssign}). The one permission both accept. Kept out of
     * {@link #RUNBOOK} and {@link #READ_ONLY}: without the opt-in the runbook only lists the role holders.
     */
    public static final List<String> REMOVE_ROLE_HOLDERS = List.of("RoleManagement.ReadWrite.Directory");

    /**
     * Other permissions Graph accepts for the same read, by the permission named in {@link #RUNBOOK} and
     * {@link #READ_ONLY}; a token holding any of them (or its {@code ReadWrite} form) lacks nothing. The eligibility
     * list's: "RoleEligibilitySchedule.Read.Directory, RoleManagement.Read.Directory, RoleManagement.Read.All,
     * RoleEligibilitySchedule.ReadWrite.Directory, RoleManagement.ReadWrite.Directory"
     * (https://learn.microsoft.com/graph/api/rbacapplication-list-roleeligibilityschedules, Permissions).
     */
    static final Map<String, List<String>> ALSO_GRANTED_BY = Map.of("RoleEligibilitySchedule.Read.Directory",
            List.of("RoleManagement.Read.Directory", "RoleManagement.Read.All"));

    private GraphPermissions() {
    }
}
