/**
 * The Entra tenant's synchronisation controls as a port: sync state, matching guards, cloud sync jobs and the
 * provisioning log ({@link dev.oktaentra.core.tenant.TenantSync}), and the directory audit log
 * ({@link dev.oktaentra.core.tenant.DirectoryAuditLog}).
 */
package dev.oktaentra.core.tenant;
