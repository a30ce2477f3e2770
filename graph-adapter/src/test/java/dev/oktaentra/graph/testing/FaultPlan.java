package dev.oktaentra.graph.testing;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which requests {@link FakeGraphServer} answers with a {@link Fault}: each request (and each {@code $batch} item,
 * when enabled) independently with probability {@code rate}, the fault drawn from {@code faults}, using a random of
 * the given seed so that a run repeats exactly when the requests come in the same order.
 *
 * @param rate probability per request, 0 to 1
 * @param seed the random's seed
 * @param faults the faults to draw from; not empty when {@code rate > 0}
 * @param batchItems whether items inside a {@code $batch} are also faulted (as Graph throttles them one by one)
 * @param pathPrefix only requests whose path (after {@code /v1.0}) starts with this are faulted, e.g. {@code /users}
 */
public record FaultPlan(double rate, long seed, Set<Fault> faults, boolean batchItems, String pathPrefix) {

    /** No faults. */
    public static final FaultPlan NONE = new FaultPlan(0, 0, Set.of(), false, "");

    /** Checks the rate and freezes the set. */
    public FaultPlan {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("Fault rate " + rate + " is outside 0..1");
        }
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        if (rate > 0 && faults.isEmpty()) {
            throw new IllegalArgumentException("A fault rate above 0 needs at least one fault");
        }
        pathPrefix = Objects.requireNonNullElse(pathPrefix, "");
    }

    /**
     * Throttles a share of all requests and of {@code $batch} items with 429 and {@code Retry-After: 1}.
     *
     * @param rate probability per request
     * @param seed the random's seed
     * @return the plan
     */
    public static FaultPlan throttling(double rate, long seed) {
        return new FaultPlan(rate, seed, Set.of(Fault.THROTTLE), true, "");
    }

    /**
     * Any mix of faults on top-level requests.
     *
     * @param rate probability per request
     * @param seed the random's seed
     * @param faults the faults to draw from
     * @return the plan
     */
    public static FaultPlan of(double rate, long seed, Fault... faults) {
        return new FaultPlan(rate, seed, Set.copyOf(List.of(faults)), false, "");
    }

    /**
     * The same plan, also faulting {@code $batch} items.
     *
     * @param value whether to fault batch items
     * @return the plan
     */
    public FaultPlan withBatchItems(boolean value) {
        return new FaultPlan(rate, seed, faults, value, pathPrefix);
    }

    /**
     * The same plan, limited to paths starting with a prefix.
     *
     * @param prefix e.g. {@code /users} or {@code /$batch}
     * @return the plan
     */
    public FaultPlan onlyUnder(String prefix) {
        return new FaultPlan(rate, seed, faults, batchItems, prefix);
    }
}
