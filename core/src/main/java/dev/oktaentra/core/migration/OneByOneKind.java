package dev.oktaentra.core.migration;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What the kinds written one change at a time share (group size 1: each change is journaled before the next is
 * written): the port they write through is taken from the context once per call, each change of the group is
 * written through it, and a change is read back through it.
 *
 * @param <P> the port
 */
abstract class OneByOneKind<P> extends NamedKind {

    private final BiFunction<MigrationContext, String, P> port;

    /**
     * A kind that writes its changes one by one through one of the context's ports.
     *
     * @param port the context's port this kind writes through, or an error naming the step that needs it
     */
    OneByOneKind(String name, TargetSystem system, BiFunction<MigrationContext, String, P> port) {
        super(name, system);
        this.port = Objects.requireNonNull(port, "port");
    }

    /** Writes one change through the port, compare-and-set. */
    abstract ChangeResult apply(P port, Change change);

    /** What the change's target holds now, read through the port. */
    abstract ReadBack read(P port, Change change);

    @Override
    public final List<ChangeResult> apply(MigrationContext ctx, String step, List<Change> group) {
        P to = port.apply(ctx, step);
        return group.stream().map(change -> apply(to, change)).toList();
    }

    @Override
    public final ReadBack read(MigrationContext ctx, String step, Change change) {
        return read(port.apply(ctx, step), change);
    }
}
