package dev.oktaentra.core.migration;

import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.DirectoryWriter;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What the directory kinds share: a group of up to {@value DirectoryWrites#GROUP} changes goes to one
 * {@link DirectoryWriter} call, each change's text turned into the value the writer takes (text, unless a kind says
 * otherwise) and the writer's answer back into text. The writer reads a lost answer back itself, so these kinds have
 * no read of their own.
 */
abstract class DirectoryKind extends NamedKind {

    private final BiFunction<MigrationContext, String, DirectoryWriter> writer;

    /**
     * A kind that writes through one of the context's directory writers.
     *
     * @param writer the context's writer this kind writes through, or an error naming the step that needs it
     */
    DirectoryKind(String name, TargetSystem system, BiFunction<MigrationContext, String, DirectoryWriter> writer) {
        super(name, system);
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** A change's (non-null) text as the value the writer takes. */
    AttributeValue value(String text) {
        return AttributeValue.ofString(text);
    }

    /** A value the writer observed as the change's text. */
    String text(AttributeValue value) {
        return DirectoryWrites.text(value);
    }

    @Override
    public final int groupSize() {
        return DirectoryWrites.GROUP;
    }

    @Override
    public final List<ChangeResult> apply(MigrationContext ctx, String step, List<Change> group) {
        return DirectoryWrites.write(writer.apply(ctx, step), group, this::value, this::text);
    }
}
