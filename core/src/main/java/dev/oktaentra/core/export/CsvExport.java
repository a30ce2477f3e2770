package dev.oktaentra.core.export;

import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.UserField;
import java.nio.file.Path;
import java.util.Collections;
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
    private final Set<UserField> unread;

    CsvExport(Path file, ExportKind kind) {
        this.file = Objects.requireNonNull(file, "file");
        this.kind = kind;
        try (CsvSource header = CsvSource.open(file, kind)) {
            this.unread = Collections.unmodifiableSet(OptionalColumns.unread(kind, header::has));
        }
    }

    /**
     * The optional fields the export does not provide: those whose column its header lacks, and those this reader
     * does not read. Every user read has them empty.
     *
     * @return the fields
     */
    public Set<UserField> unreadFields() {
        return unread;
    }

    /** A lazy stream of the file's rows as records; closing it closes the file. */
    final Stream<DirectoryRecord<U>> stream(BiFunction<CsvSource, CsvSource.Row, DirectoryRecord<U>> mapper) {
        return Rows.stream(CsvSource.open(file, kind), mapper);
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
