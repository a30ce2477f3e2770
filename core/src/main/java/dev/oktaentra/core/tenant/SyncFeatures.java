package dev.oktaentra.core.tenant;

/**
 * The tenant's directory-synchronisation features that decide how Entra ID matches an on-premises object to a cloud
 * user ({@code onPremisesSynchronization.features}, Graph resource {@code onPremisesDirectorySynchronizationFeature},
 * https://learn.microsoft.com/graph/api/resources/onpremisesdirectorysynchronizationfeature; the features themselves:
 * https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-syncservice-features).
 *
 * @param blockSoftMatchEnabled {@code blockSoftMatchEnabled}: "it blocks the Soft Match feature" for every object
 * @param blockCloudObjectTakeoverThroughHardMatchEnabled {@code blockCloudObjectTakeoverThroughHardMatchEnabled}: no
 *        cloud object is taken over by a hard match on its ImmutableID
 * @param softMatchOnUpnEnabled {@code softMatchOnUpnEnabled}: soft matching tries the userPrincipalName after the
 *        primary SMTP address ("on by default for newly created Microsoft Entra directories")
 * @param allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled
 *        {@code allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled}: the temporary allowance that lets a sync
 *        engine remap a user whose {@code onPremisesObjectIdentifier} is already set ("disabled by default",
 *        how-to-connect-install-existing-tenant, "Temporarily allow onPremisesObjectIdentifier updates")
 */
public record SyncFeatures(boolean blockSoftMatchEnabled, boolean blockCloudObjectTakeoverThroughHardMatchEnabled,
        boolean softMatchOnUpnEnabled, boolean allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled) {

    /**
     * A tenant as Microsoft creates it today: both blocks off, UPN soft match on, the allowance off (the sample output
     * of {@code Get-MgDirectoryOnPremiseSynchronization} in how-to-connect-syncservice-features).
     */
    public static final SyncFeatures DEFAULTS = new SyncFeatures(false, false, true, false);

    /**
     * The two matching guards among these features.
     *
     * @return the guards
     */
    public MatchBlocks matchBlocks() {
        return new MatchBlocks(blockSoftMatchEnabled, blockCloudObjectTakeoverThroughHardMatchEnabled);
    }

    /**
     * These features with the two matching guards replaced, as the matching window sets them.
     *
     * @param blocks the guards
     * @return the changed features
     */
    public SyncFeatures with(MatchBlocks blocks) {
        return new SyncFeatures(blocks.blockSoftMatchEnabled(), blocks.blockCloudObjectTakeoverThroughHardMatchEnabled(),
                softMatchOnUpnEnabled, allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled);
    }
}
