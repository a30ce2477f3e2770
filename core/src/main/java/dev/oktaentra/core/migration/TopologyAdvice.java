package dev.oktaentra.core.migration;

import java.util.List;

/**
 * The {@link TopologyAdvisor}'s answer.
 *
 * @param topology the recommended topology
 * @param reasons why, one sentence each
 */
public record TopologyAdvice(Topology topology, List<String> reasons) {

    /**
     * Freezes the list.
     *
     * @param topology the recommended topology
     * @param reasons why, one sentence each
     */
    public TopologyAdvice {
        reasons = List.copyOf(reasons);
    }
}
