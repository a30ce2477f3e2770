package dev.oktaentra.core.migration;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the organisation needs from synchronisation, as far as it decides between an Entra Connect server and Entra
 * cloud sync ({@link TopologyAdvisor} says which rule comes from which source).
 *
 * <pre>{@code
 * TopologyNeeds needs = new TopologyNeeds(false, false, false, 260_000)
 *         .withObjectsPerDomain(Map.of("emea.contoso.com", 130_000L, "amer.contoso.com", 130_000L))
 *         .withLargestGroupMembers(12_000)
 *         .withWritebacks(Set.of(TopologyNeeds.Writeback.PASSWORD))
 *         .withAgentServers(Set.of("okta-agent1"), Set.of("sync1", "sync2"));
 * }</pre>
 *
 * @param deviceSyncOrHybridJoin devices are synchronised (hybrid Entra join) or Windows Hello for Business relies
 *        on them
 * @param passThroughAuthentication pass-through authentication is used
 * @param writeback some writeback is needed; when {@code writebacks} is empty its kind is unknown, which the advisor
 *        treats as device writeback, the one kind only a Connect server offers
 * @param objectCount how many objects will be synchronised, all domains together
 * @param objectsPerDomain the objects of each AD domain (domain name to count); empty when not known, and then
 *        {@code objectCount} stands for one domain
 * @param largestGroupMembers the members of the largest group to synchronise, 0 when not known
 * @param writebacks the kinds of writeback needed; empty when none or not named
 * @param oktaAgentServers the servers that run Okta's AD agents (host names, any case)
 * @param cloudSyncAgentServers the servers planned for the Entra provisioning agents (host names, any case)
 */
public record TopologyNeeds(boolean deviceSyncOrHybridJoin, boolean passThroughAuthentication, boolean writeback,
        long objectCount, Map<String, Long> objectsPerDomain, long largestGroupMembers, Set<Writeback> writebacks,
        Set<String> oktaAgentServers, Set<String> cloudSyncAgentServers) {

    /** A kind of writeback from Entra ID to AD. */
    public enum Writeback {
        /** Self-service password reset written back to AD. */
        PASSWORD,
        /** Group writeback (v1) of cloud groups to AD. */
        GROUP,
        /** Device writeback (Windows Hello for Business key trust, AD FS conditional access). */
        DEVICE,
        /** The Exchange hybrid attributes written back to AD. */
        EXCHANGE_HYBRID
    }

    /**
     * Checks the counts and freezes the collections; host names are kept in lower case.
     *
     * @param deviceSyncOrHybridJoin devices are synchronised or Windows Hello for Business relies on them
     * @param passThroughAuthentication pass-through authentication is used
     * @param writeback some writeback is needed
     * @param objectCount how many objects will be synchronised, all domains together
     * @param objectsPerDomain the objects of each AD domain; {@code null} or empty when not known
     * @param largestGroupMembers the members of the largest group, 0 when not known
     * @param writebacks the kinds of writeback needed; {@code null} for none named
     * @param oktaAgentServers the servers of Okta's AD agents; {@code null} for none named
     * @param cloudSyncAgentServers the servers planned for the provisioning agents; {@code null} for none named
     * @throws IllegalArgumentException when a count is negative or a domain has no name
     */
    public TopologyNeeds {
        if (objectCount < 0) {
            throw new IllegalArgumentException("objectCount cannot be negative: " + objectCount);
        }
        if (largestGroupMembers < 0) {
            throw new IllegalArgumentException("largestGroupMembers cannot be negative: " + largestGroupMembers);
        }
        Map<String, Long> domains = new LinkedHashMap<>();
        if (objectsPerDomain != null) {
            objectsPerDomain.forEach((domain, count) -> {
                if (domain == null || domain.isBlank()) {
                    throw new IllegalArgumentException("objectsPerDomain holds a domain without a name");
                }
                if (count == null || count < 0) {
                    throw new IllegalArgumentException("objectsPerDomain: the count of " + domain
                            + " must be 0 or more, got " + count);
                }
                domains.put(domain.strip().toLowerCase(Locale.ROOT), count);
            });
        }
        objectsPerDomain = Collections.unmodifiableMap(domains);
        writebacks = writebacks == null || writebacks.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(writebacks));
        writeback = writeback || !writebacks.isEmpty();
        oktaAgentServers = hosts(oktaAgentServers);
        cloudSyncAgentServers = hosts(cloudSyncAgentServers);
    }

    /**
     * The needs of the first releases: no per-domain counts, group sizes, writeback kinds or agent servers.
     *
     * @param deviceSyncOrHybridJoin devices are synchronised or Windows Hello for Business relies on them
     * @param passThroughAuthentication pass-through authentication is used
     * @param writeback some writeback is needed, of a kind not named
     * @param objectCount how many objects will be synchronised
     */
    public TopologyNeeds(boolean deviceSyncOrHybridJoin, boolean passThroughAuthentication, boolean writeback,
            long objectCount) {
        this(deviceSyncOrHybridJoin, passThroughAuthentication, writeback, objectCount, null, 0, null, null, null);
    }

    /**
     * A copy with the objects of each AD domain.
     *
     * @param value domain name to object count
     * @return a copy with them
     */
    public TopologyNeeds withObjectsPerDomain(Map<String, Long> value) {
        return new TopologyNeeds(deviceSyncOrHybridJoin, passThroughAuthentication, writeback, objectCount, value,
                largestGroupMembers, writebacks, oktaAgentServers, cloudSyncAgentServers);
    }

    /**
     * A copy with the size of the largest group.
     *
     * @param value its members
     * @return a copy with it
     */
    public TopologyNeeds withLargestGroupMembers(long value) {
        return new TopologyNeeds(deviceSyncOrHybridJoin, passThroughAuthentication, writeback, objectCount,
                objectsPerDomain, value, writebacks, oktaAgentServers, cloudSyncAgentServers);
    }

    /**
     * A copy with the kinds of writeback needed.
     *
     * @param value the kinds
     * @return a copy with them
     */
    public TopologyNeeds withWritebacks(Set<Writeback> value) {
        return new TopologyNeeds(deviceSyncOrHybridJoin, passThroughAuthentication, writeback, objectCount,
                objectsPerDomain, largestGroupMembers, value, oktaAgentServers, cloudSyncAgentServers);
    }

    /**
     * A copy with the servers of Okta's AD agents and those planned for the Entra provisioning agents.
     *
     * @param okta the servers that run Okta's AD agents
     * @param cloudSync the servers planned for the provisioning agents
     * @return a copy with them
     */
    public TopologyNeeds withAgentServers(Set<String> okta, Set<String> cloudSync) {
        return new TopologyNeeds(deviceSyncOrHybridJoin, passThroughAuthentication, writeback, objectCount,
                objectsPerDomain, largestGroupMembers, writebacks, okta, cloudSync);
    }

    private static Set<String> hosts(Set<String> names) {
        if (names == null) {
            return Set.of();
        }
        Set<String> hosts = new TreeSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A server name is blank");
            }
            hosts.add(name.strip().toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableSet(hosts);
    }
}
