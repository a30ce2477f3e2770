package dev.oktaentra.core.migration;

import dev.oktaentra.core.tenant.MatchBlocks;

/**
 * The attribute names and value forms that {@link Change}s outside the two directories use, so that steps (yours
 * included) plan what the change applier can write.
 */
public final class ChangeAttributes {

    /** An identity-provider app's provisioning state; values are {@code ProvisioningState} names. */
    public static final String PROVISIONING = "provisioning";
    /** The tenant's matching guards; values from {@link #matchBlocks(MatchBlocks)}. Target: {@code tenant}. */
    public static final String MATCH_BLOCKS = "matchBlocks";
    /** A cloud sync job's run state; target the job id, after {@link #JOB_ACTIVE} (start) or {@link #JOB_RESTARTED}. */
    public static final String CLOUD_SYNC_JOB = "cloudSyncJob";
    /** A cloud sync job that runs. */
    public static final String JOB_ACTIVE = "Active";
    /** A cloud sync job restarted with a full reset. */
    public static final String JOB_RESTARTED = "Restarted";
    /** The target of tenant-wide changes. */
    public static final String TENANT = "tenant";

    private ChangeAttributes() {
    }

    /**
     * The text form of the matching guards in a change.
     *
     * @param blocks the guards
     * @return e.g. {@code blockSoftMatchEnabled=true,blockCloudObjectTakeoverThroughHardMatchEnabled=true}
     */
    public static String matchBlocks(MatchBlocks blocks) {
        return "blockSoftMatchEnabled=" + blocks.blockSoftMatchEnabled()
                + ",blockCloudObjectTakeoverThroughHardMatchEnabled="
                + blocks.blockCloudObjectTakeoverThroughHardMatchEnabled();
    }
}
