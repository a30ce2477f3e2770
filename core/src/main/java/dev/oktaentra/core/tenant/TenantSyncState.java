package dev.oktaentra.core.tenant;

import java.time.Instant;

/**
 * The tenant's directory-synchronisation settings and status, as Graph's {@code organization} and
 * {@code directory/onPremisesSynchronization} show them.
 *
 * @param onPremisesSyncEnabled whether directory sync is on for the tenant; {@code null} when it never was
 * @param onPremisesLastSyncDateTime when a sync engine last exported, or {@code null}
 * @param matchBlocks the tenant-wide switches that block soft matching and hard-match takeover
 */
public record TenantSyncState(Boolean onPremisesSyncEnabled, Instant onPremisesLastSyncDateTime,
        MatchBlocks matchBlocks) {
}
