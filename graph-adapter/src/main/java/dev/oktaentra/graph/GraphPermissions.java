package dev.oktaentra.graph;

import java.util.List;

/** The Microsoft Graph permissions the migration runbook needs, for {@link GraphTenantSync#missingPermissions}. */
public final class GraphPermissions {

    /**
     * Everything the runbook does: read and fix users' ImmutableIDs, read roles and service principals, switch the
     * matching guards, drive cloud sync jobs, read the provisioning log and the directory audit log
     * ({@code auditLogs/directoryAudits}: {@code AuditLog.Read.All} and {@code Directory.Read.All}, as the Graph
     * reference's permission table for List directoryAudits lists them; {@code verify-cutover} reads it for changes
     * Okta's app still makes).
     */
    public static final List<String> RUNBOOK = List.of("User.ReadWrite.All", "Directory.Read.All",
            "OnPremDirectorySynchronization.ReadWrite.All", "Synchronization.ReadWrite.All", "AuditLog.Read.All");

    /** A read-only assessment: users, roles, sync state, jobs, the provisioning and directory audit logs, no writes. */
    public static final List<String> READ_ONLY = List.of("User.Read.All", "Directory.Read.All",
            "OnPremDirectorySynchronization.Read.All", "Synchronization.Read.All", "AuditLog.Read.All");

    private GraphPermissions() {
    }
}
