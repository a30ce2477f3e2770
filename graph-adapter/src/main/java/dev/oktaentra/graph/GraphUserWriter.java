package dev.oktaentra.graph;

import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cloud writer the runbook needs: {@code onPremisesImmutableId} through {@link ImmutableIdWriter}
 * ({@code $batch}) and {@code userPrincipalName} through {@link UserPrincipalNameWriter} (the UPN swap of users in
 * federated domains). Each write goes to the writer of its attribute, results in the order given; any other attribute
 * is refused.
 *
 * <pre>{@code
 * MigrationContext.builder().cloud(entra).cloudWriter(GraphUserWriter.of(entra)).tenant(entra.tenantSync())…
 * }</pre>
 */
public final class GraphUserWriter implements DirectoryWriter {

    private final ImmutableIdWriter immutableIds;
    private final UserPrincipalNameWriter upns;

    private GraphUserWriter(ImmutableIdWriter immutableIds, UserPrincipalNameWriter upns) {
        this.immutableIds = immutableIds;
        this.upns = upns;
    }

    /**
     * Both writers over a directory's client.
     *
     * @param entra the directory
     * @return the writer
     */
    public static GraphUserWriter of(GraphDirectory entra) {
        Objects.requireNonNull(entra, "entra");
        return new GraphUserWriter(entra.writer(), UserPrincipalNameWriter.of(entra));
    }

    /**
     * Applies the writes in order, each through the writer of its attribute: consecutive writes of one attribute go
     * in one call (ImmutableIDs still in {@code $batch}es), and a run is written only after the runs before it, so
     * that a UPN moved away is moved before the ImmutableID that needs it.
     *
     * @param writes the writes
     * @return one result per write, in the order given
     */
    @Override
    public List<WriteResult> write(List<AttributeWrite> writes) {
        Objects.requireNonNull(writes, "writes");
        List<WriteResult> results = new ArrayList<>(writes.size());
        int from = 0;
        while (from < writes.size()) {
            DirectoryWriter writer = writerOf(Objects.requireNonNull(writes.get(from), "write " + from));
            int to = from + 1;
            while (to < writes.size() && writerOf(Objects.requireNonNull(writes.get(to), "write " + to)) == writer) {
                to++;
            }
            List<AttributeWrite> run = writes.subList(from, to);
            if (writer == null) {
                run.forEach(w -> results.add(new WriteResult(w, WriteStatus.REFUSED, null, "Graph's user writer "
                        + "writes " + writableAttributes() + ", not " + OktaEntraException.quote(w.attribute()))));
            } else {
                results.addAll(writer.write(List.copyOf(run)));
            }
            from = to;
        }
        return List.copyOf(results);
    }

    /** The writer of a write's attribute, or {@code null} for an attribute neither writes. */
    private DirectoryWriter writerOf(AttributeWrite w) {
        if (ImmutableIdWriter.ATTRIBUTE.equalsIgnoreCase(w.attribute())) {
            return immutableIds;
        }
        return UserPrincipalNameWriter.ATTRIBUTE.equalsIgnoreCase(w.attribute()) ? upns : null;
    }

    /**
     * The attributes written.
     *
     * @return {@code [onPremisesImmutableId, userPrincipalName]}
     */
    @Override
    public List<String> writableAttributes() {
        return List.of(ImmutableIdWriter.ATTRIBUTE, UserPrincipalNameWriter.ATTRIBUTE);
    }

    /**
     * What this writer writes to.
     *
     * @return e.g. {@code users on graph.microsoft.com (tenant …)}
     */
    @Override
    public String name() {
        return upns.name().replace(UserPrincipalNameWriter.ATTRIBUTE + " on ", "users on ");
    }
}
