package dev.oktaentra.core.migration;

/**
 * What the organisation needs from synchronisation, as far as it decides between an Entra Connect server and Entra
 * cloud sync (Microsoft's comparison: device sync and hybrid join, pass-through authentication, more than 150,000
 * objects and writeback need a Connect server).
 *
 * @param deviceSyncOrHybridJoin devices are synchronised (hybrid Entra join) or Windows Hello for Business relies
 *        on them
 * @param passThroughAuthentication pass-through authentication is used
 * @param writeback password, group or device writeback is needed
 * @param objectCount how many objects will be synchronised
 */
public record TopologyNeeds(boolean deviceSyncOrHybridJoin, boolean passThroughAuthentication, boolean writeback,
        long objectCount) {

    /**
     * Checks the count.
     *
     * @param deviceSyncOrHybridJoin devices are synchronised (hybrid Entra join) or Windows Hello for Business relies
     *        on them
     * @param passThroughAuthentication pass-through authentication is used
     * @param writeback password, group or device writeback is needed
     * @param objectCount how many objects will be synchronised
     */
    public TopologyNeeds {
        if (objectCount < 0) {
            throw new IllegalArgumentException("objectCount cannot be negative: " + objectCount);
        }
    }
}
