package dev.oktaentra.core.tenant;

import java.time.Instant;
import java.util.Objects;

/**
 * The tenant's directory-synchronisation settings and status, as Graph's {@code organization} and
 * {@code directory/onPremisesSynchronization} show them.
 *
 * @param onPremisesSyncEnabled whether directory sync is on for the tenant; {@code null} when it never was
 * @param onPremisesLastSyncDateTime when a sync engine last exported, or {@code null}
 * @param features the synchronisation features that decide how Entra ID matches ({@code features} of
 *        {@code onPremisesSynchronization}): the two matching guards, UPN soft matching and the temporary
 *        {@code onPremisesObjectIdentifier} allowance
 */
public record TenantSyncState(Boolean onPremisesSyncEnabled, Instant onPremisesLastSyncDateTime,
        SyncFeatures features) {

    /**
     * Checks the features are present.
     *
     * @param onPremisesSyncEnabled whether directory sync is on for the tenant; {@code null} when it never was
     * @param onPremisesLastSyncDateTime when a sync engine last exported, or {@code null}
     * @param features the synchronisation features that decide how Entra ID matches; never null
     */
    public TenantSyncState {
        Objects.requireNonNull(features, "features");
    }

    /**
     * A state known only by its matching guards (a source that reads no other feature); the other two features are
     * taken as {@link SyncFeatures#DEFAULTS} has them.
     *
     * @param onPremisesSyncEnabled whether directory sync is on for the tenant; {@code null} when it never was
     * @param onPremisesLastSyncDateTime when a sync engine last exported, or {@code null}
     * @param matchBlocks the tenant-wide switches that block soft matching and hard-match takeover
     */
    public TenantSyncState(Boolean onPremisesSyncEnabled, Instant onPremisesLastSyncDateTime,
            MatchBlocks matchBlocks) {
        this(onPremisesSyncEnabled, onPremisesLastSyncDateTime,
                SyncFeatures.DEFAULTS.with(Objects.requireNonNull(matchBlocks, "matchBlocks")));
    }

    /**
     * The tenant-wide switches that block soft matching and hard-match takeover.
     *
     * @return the two guards among {@link #features()}
     */
    public MatchBlocks matchBlocks() {
        return features.matchBlocks();
    }
}
