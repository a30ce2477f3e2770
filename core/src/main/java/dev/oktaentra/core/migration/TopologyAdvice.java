package dev.oktaentra.core.migration;

import java.util.List;

/**
 * The {@link TopologyAdvisor}'s answer.
 *
 * @param topology the recommended topology
 * @param reasons why, one sentence each
 * @param blockers what must change before the recommended topology can be installed (e.g. a provisioning agent
 *        planned on an Okta agent's server), one sentence each; empty when nothing does
 */
public record TopologyAdvice(Topology topology, List<String> reasons, List<String> blockers) {

    /**
     * Freezes the lists.
     *
     * @param topology the recommended topology
     * @param reasons why, one sentence each
     * @param blockers what must change before the recommended topology can be installed
     */
    public TopologyAdvice {
        reasons = List.copyOf(reasons);
        blockers = List.copyOf(blockers);
    }

    /**
     * An answer without blockers.
     *
     * @param topology the recommended topology
     * @param reasons why, one sentence each
     */
    public TopologyAdvice(Topology topology, List<String> reasons) {
        this(topology, reasons, List.of());
    }
}
