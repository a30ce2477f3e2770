package dev.oktaentra.core.tenant;

/**
 * Entra ID's tenant-wide matching guards ({@code onPremisesSynchronization.features}). Microsoft advises keeping
 * both on and switching them off only for the matching window of a migration.
 *
 * @param blockSoftMatchEnabled {@code blockSoftMatchEnabled}: no matching on UPN or primary SMTP address
 * @param blockCloudObjectTakeoverThroughHardMatchEnabled {@code blockCloudObjectTakeoverThroughHardMatchEnabled}:
 *        a cloud-managed user cannot be taken over by ImmutableID
 */
public record MatchBlocks(boolean blockSoftMatchEnabled, boolean blockCloudObjectTakeoverThroughHardMatchEnabled) {

    /** Both guards off: the state the matching window needs. */
    public static final MatchBlocks OPEN = new MatchBlocks(false, false);

    /** Both guards on: Microsoft's recommended state outside a migration. */
    public static final MatchBlocks CLOSED = new MatchBlocks(true, true);
}
