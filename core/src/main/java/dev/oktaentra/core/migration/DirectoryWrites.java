package dev.oktaentra.core.migration;

import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.directory.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How the directory kinds write: a group of changes becomes one call of a {@link DirectoryWriter} (one Graph
 * {@code $batch}), each change's text turned into the value the writer takes and the writer's answer back into
 * text. The writer is compare-and-set and reads a write whose answer was lost back itself before it answers
 * ({@link DirectoryWriter}'s contract), so the directory kinds need no read of their own.
 */
final class DirectoryWrites {

    /**
     * Directory changes go to their writer in groups this size: a Graph {@code $batch} holds 20, and one request per
     * change would make a large remediation take hours.
     */
    static final int GROUP = 20;

    private DirectoryWrites() {
    }

    /**
     * Writes a group through a writer.
     *
     * @param writer the writer
     * @param group the changes
     * @param toValue a change's text as the value the writer takes ({@code null} stays {@code null})
     * @param toText a value the writer observed as the change's text
     * @return one result per change, in order
     * @throws IllegalStateException when the writer answers for a different number of writes
     */
    static List<ChangeResult> write(DirectoryWriter writer, List<Change> group, Function<String, AttributeValue> toValue,
            Function<AttributeValue, String> toText) {
        List<AttributeWrite> writes = group.stream().map(c -> new AttributeWrite(c.target(), c.attribute(),
                value(toValue, c.before()), value(toValue, c.after()))).toList();
        List<WriteResult> results = writer.write(writes);
        if (results.size() != writes.size()) {
            throw new IllegalStateException(writer.name() + " answered " + results.size() + " results for "
                    + writes.size() + " writes");
        }
        List<ChangeResult> outcomes = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            WriteResult result = results.get(i);
            AttributeValue observed = result.observed();
            outcomes.add(new ChangeResult(group.get(i), result.status(), observed == null ? null : toText.apply(observed),
                    result.message()));
        }
        return outcomes;
    }

    private static AttributeValue value(Function<String, AttributeValue> toValue, String text) {
        return text == null ? null : toValue.apply(text);
    }

    /** A text attribute's value as the journal writes it. */
    static String text(AttributeValue value) {
        return value.isText() ? value.asString() : value.toString();
    }
}
