/**
 * The Entra tenant's synchronisation controls as a port: sync state, matching guards, cloud sync jobs and the
 * provisioning log, the tenant's domains and what a failed match leaves on users, groups and contacts
 * ({@link dev.oktaentra.core.tenant.TenantSync}), and the directory audit log
 * ({@link dev.oktaentra.core.tenant.DirectoryAuditLog}); a user provisioned on demand and what the answer means
 * ({@link dev.oktaentra.core.tenant.OnDemandProvisioning}, {@link dev.oktaentra.core.tenant.OnDemandOutcome}).
 */
package dev.oktaentra.core.tenant;
