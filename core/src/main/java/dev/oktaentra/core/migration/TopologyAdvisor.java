package dev.oktaentra.core.migration;

import dev.oktaentra.core.report.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses between an Entra Connect server and cloud sync from stated needs, with reasons. Cloud sync is the
 * lighter choice and wins unless a need only the server meets is present.
 */
public final class TopologyAdvisor {

    /** Above this many objects Microsoft recommends a Connect server. */
    public static final long CLOUD_SYNC_MAX_OBJECTS = 150_000;

    private TopologyAdvisor() {
    }

    /**
     * Advises.
     *
     * @param needs the organisation's needs
     * @return the topology and every reason that decided it
     */
    public static TopologyAdvice advise(TopologyNeeds needs) {
        List<String> reasons = new ArrayList<>();
        if (needs.deviceSyncOrHybridJoin()) {
            reasons.add("Devices are synchronised (hybrid join or Windows Hello for Business): only a Connect server "
                    + "syncs devices.");
        }
        if (needs.passThroughAuthentication()) {
            reasons.add("Pass-through authentication needs a Connect server.");
        }
        if (needs.objectCount() > CLOUD_SYNC_MAX_OBJECTS) {
            reasons.add(String.format(Locale.ROOT, "%,d objects is more than the %,d Microsoft recommends for cloud "
                    + "sync.", needs.objectCount(), CLOUD_SYNC_MAX_OBJECTS));
        }
        if (needs.writeback()) {
            reasons.add("Writeback (password, group or device) needs a Connect server.");
        }
        if (!reasons.isEmpty()) {
            return new TopologyAdvice(Topology.CONNECT_SERVER, reasons);
        }
        reasons.add(String.format(Locale.ROOT, "No device sync, no pass-through authentication, no writeback and "
                + "%s: cloud sync suffices and needs no server.",
                Counts.of(needs.objectCount(), "object", "objects")));
        return new TopologyAdvice(Topology.CLOUD_SYNC, reasons);
    }
}
