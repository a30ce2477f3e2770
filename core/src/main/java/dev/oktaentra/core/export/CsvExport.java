package dev.oktaentra.core.export;

import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.UserField;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * What the two export readers share: the file, its required columns and the command that produces it; the header
 * is checked when the reader is made, and every stream opens the file afresh.
 *
 * @param <U> the user type
 */
abstract class CsvExport<U> {

    private final Path file;
    private final ExportKind kind;
    private final List<Column> missingOptional;

    CsvExport(Path file, ExportKind kind) {
        this.file = Objects.requireNonNull(file, "file");
        this.kind = kind;
        try (CsvSource header = CsvSource.open(file, kind)) {
            this.missingOptional = header.missingOptional();
        }
    }

    /** A lazy stream of the file's rows as records; closing it closes the file. */
    final Stream<DirectoryRecord<U>> stream(BiFunction<CsvSource, CsvSource.Row, DirectoryRecord<U>> mapper) {
        return Rows.stream(CsvSource.open(file, kind), mapper);
    }

    /**
     * The optional columns the export lacks, e.g. {@code mS-DS-ConsistencyGuid} in an export made before the
     * command asked for it. Every user is read as having no value in such a column, and {@code unreadFields()} names
     * the fields this leaves unknown, for the report's warnings.
     *
     * @return the canonical header names, in the order the reader documents them; empty when none is missing
     */
    public List<String> missingOptionalColumns() {
        return missingOptional.stream().map(Column::canonical).toList();
    }

    /**
     * The fields the missing optional columns leave unknown for every user.
     *
     * @return the fields; empty when the export has every optional column
     */
    public Set<UserField> unreadFields() {
        EnumSet<UserField> fields = EnumSet.noneOf(UserField.class);
        missingOptional.stream().map(Column::field).filter(f -> f != null).forEach(fields::add);
        return Set.copyOf(fields);
    }

    /**
     * The file's name.
     *
     * @return e.g. {@code adusers.csv}
     */
    public String name() {
        return file.getFileName().toString();
    }

    /** Nothing to release: each stream owns its file handle. */
    public void close() {
        // each stream owns its file handle
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + file + "]";
    }
}
