package dev.oktaentra.graph;

import java.util.List;

/** The Microsoft Graph permissions the migration runbook needs, for {@link GraphTenantSync#missingPermissions}. */
public final class GraphPermissions {

    /**
     * Everything the runbook does: read and fix users' ImmutableIDs (and UPNs, for the opt-in UPN swap of users in
     * federated domains), read roles, service principals, groups and contacts, read the tenant's domains (which are
     * federated: {@code Domain.Read.All}, the List domains permission, https://learn.microsoft.com/graph/api/domain-list),
     * switch the matching guards, drive cloud sync jobs, read the provisioning log.
     */
    public static final List<String> RUNBOOK = List.of("User.ReadWrite.All", "Directory.Read.All",
            "OnPremDirectorySynchronization.ReadWrite.All", "Synchronization.ReadWrite.All", "AuditLog.Read.All",
            "Domain.Read.All");

    /** A read-only assessment: users, roles, domains, sync state, jobs and the provisioning log, no writes. */
    public static final List<String> READ_ONLY = List.of("User.Read.All", "Directory.Read.All",
            "OnPremDirectorySynchronization.Read.All", "Synchronization.Read.All", "AuditLog.Read.All",
            "Domain.Read.All");

    private GraphPermissions() {
    }
}
