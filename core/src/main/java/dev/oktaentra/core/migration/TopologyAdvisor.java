package dev.oktaentra.core.migration;

import dev.oktaentra.core.report.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Chooses between an Entra Connect server and cloud sync from stated needs, with reasons. Cloud sync is the lighter
 * choice and wins unless a need only the server meets is present. The rules, each from its source:
 *
 * <ul>
 *   <li>Objects: "Cloud Sync currently supports up to 150,000 objects per domain" (Microsoft Learn, "Migrate from
 *       Microsoft Entra Connect to Cloud Sync: Decision Guide",
 *       https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/connect-to-cloud-sync-decision-guide, table
 *       row "Scale Limits per Domain"). The limit is per AD domain; without per-domain counts the total stands for
 *       one domain, the reading that cannot wrongly choose cloud sync.</li>
 *   <li>Groups: "Connect supports larger groups; Cloud Sync limited to 50,000 members" (same table, "Large Group
 *       Support": 250K for Connect). Connect's own default rules sync a group only when it "Must have less than
 *       250,000 members" (https://learn.microsoft.com/entra/identity/hybrid/connect/concept-azure-ad-connect-sync-default-configuration),
 *       so a larger group is a blocker for either.</li>
 *   <li>Writeback: password writeback and group writeback v1 work with both; device writeback only with Connect
 *       (same table: "Password Writeback", "Group Writeback V1", "Device Writeback", "Exchange Hybrid Attributes").
 *       A writeback of a kind not named is taken for device writeback: that reading cannot wrongly choose cloud
 *       sync.</li>
 *   <li>Devices: cloud sync's device sync is in preview (https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/device-sync,
 *       "Device sync with Microsoft Entra Cloud Sync is in preview", 21 July 2026); a production cutover keeps hybrid
 *       join on a Connect server, as Microsoft's Okta migration tutorial says
 *       (https://learn.microsoft.com/entra/identity/enterprise-apps/migrate-okta-sync-provisioning: "use a Microsoft
 *       Entra Connect server if your organization needs … Device synchronization").</li>
 *   <li>Pass-through authentication: the same tutorial names it among the needs of a Connect server (the decision
 *       guide marks PTA configuration as not part of cloud sync).</li>
 *   <li>Agents: "The cloud provisioning agents are lightweight. You can install them on, or near, domain controllers
 *       like the Okta directory sync agents. Don't install them on the same server." (same tutorial): a planned
 *       provisioning agent on an Okta agent's server is a blocker for cloud sync.</li>
 * </ul>
 */
public final class TopologyAdvisor {

    /** The objects of one AD domain cloud sync supports (decision guide, "Scale Limits per Domain"). */
    public static final long CLOUD_SYNC_MAX_OBJECTS = 150_000;

    /** The largest group cloud sync synchronises (decision guide, "Large Group Support"). */
    public static final long CLOUD_SYNC_MAX_GROUP_MEMBERS = 50_000;

    /** Connect's default rules sync groups with fewer members than this (default configuration, group rules). */
    public static final long CONNECT_GROUP_MEMBER_LIMIT = 250_000;

    private TopologyAdvisor() {
    }

    /**
     * Advises.
     *
     * @param needs the organisation's needs
     * @return the topology, every reason that decided it, and what blocks installing it
     */
    public static TopologyAdvice advise(TopologyNeeds needs) {
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> blockers = new ArrayList<>();
        if (needs.deviceSyncOrHybridJoin()) {
            reasons.add("Devices are synchronised (hybrid join or Windows Hello for Business): a Connect server syncs "
                    + "them; cloud sync's device sync is in preview only.");
        }
        if (needs.passThroughAuthentication()) {
            reasons.add("Pass-through authentication needs a Connect server.");
        }
        objects(needs, reasons, notes);
        if (needs.largestGroupMembers() > CLOUD_SYNC_MAX_GROUP_MEMBERS) {
            reasons.add(String.format(Locale.ROOT, "The largest group has %,d members; cloud sync synchronises "
                    + "groups of up to %,d.", needs.largestGroupMembers(), CLOUD_SYNC_MAX_GROUP_MEMBERS));
        }
        if (needs.largestGroupMembers() >= CONNECT_GROUP_MEMBER_LIMIT) {
            blockers.add(String.format(Locale.ROOT, "The largest group has %,d members; Connect's default rules "
                    + "sync only groups of fewer than %,d, and cloud sync none above %,d: split the group before the "
                    + "cutover.", needs.largestGroupMembers(), CONNECT_GROUP_MEMBER_LIMIT,
                    CLOUD_SYNC_MAX_GROUP_MEMBERS));
        }
        if (needs.writebacks().contains(TopologyNeeds.Writeback.DEVICE)) {
            reasons.add("Device writeback needs a Connect server.");
        } else if (needs.writeback() && needs.writebacks().isEmpty()) {
            reasons.add("Writeback of a kind not named is taken for device writeback, which needs a Connect server; "
                    + "password, group and Exchange hybrid writeback work with cloud sync too: name the kinds "
                    + "(TopologyNeeds.withWritebacks).");
        }
        if (!reasons.isEmpty()) {
            return new TopologyAdvice(Topology.CONNECT_SERVER, reasons, blockers);
        }
        reasons.addAll(notes);
        reasons.add(String.format(Locale.ROOT, "No device sync, no pass-through authentication, no device writeback "
                + "and %s: cloud sync suffices and needs no server.",
                Counts.of(needs.objectCount(), "object", "objects")));
        if (!needs.writebacks().isEmpty()) {
            reasons.add("Cloud sync writes back " + needs.writebacks() + " as a Connect server would.");
        }
        TreeSet<String> shared = new TreeSet<>(needs.oktaAgentServers());
        shared.retainAll(needs.cloudSyncAgentServers());
        if (!shared.isEmpty()) {
            blockers.add("The provisioning agents are planned on " + shared + ", which run Okta's AD agents: "
                    + "Microsoft's Okta migration tutorial says not to install them on the same server; choose "
                    + "other servers.");
        }
        return new TopologyAdvice(Topology.CLOUD_SYNC, reasons, blockers);
    }

    /** Per AD domain, as the limit is; the total alone stands for one domain. */
    private static void objects(TopologyNeeds needs, List<String> reasons, List<String> notes) {
        Map<String, Long> domains = needs.objectsPerDomain();
        if (domains.isEmpty()) {
            if (needs.objectCount() > CLOUD_SYNC_MAX_OBJECTS) {
                reasons.add(String.format(Locale.ROOT, "%,d objects and no count per AD domain: cloud sync supports "
                        + "up to %,d objects per AD domain, so the total is taken for one domain; give the count of "
                        + "each domain (TopologyNeeds.withObjectsPerDomain).", needs.objectCount(),
                        CLOUD_SYNC_MAX_OBJECTS));
            }
            return;
        }
        boolean over = false;
        for (Map.Entry<String, Long> domain : domains.entrySet()) {
            if (domain.getValue() > CLOUD_SYNC_MAX_OBJECTS) {
                over = true;
                reasons.add(String.format(Locale.ROOT, "The AD domain %s holds %,d objects; cloud sync supports up "
                        + "to %,d objects per AD domain.", domain.getKey(), domain.getValue(),
                        CLOUD_SYNC_MAX_OBJECTS));
            }
        }
        if (!over) {
            notes.add(String.format(Locale.ROOT, "Every AD domain holds at most %,d objects, within cloud sync's "
                    + "limit of %,d per AD domain.", domains.values().stream().mapToLong(Long::longValue).max()
                    .orElse(0), CLOUD_SYNC_MAX_OBJECTS));
        }
    }
}
