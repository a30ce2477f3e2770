package dev.oktaentra.core.export;

import dev.oktaentra.core.internal.ByteOrderMark;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.internal.CsvLimits;
import dev.oktaentra.core.internal.CsvRows;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One pass over a PowerShell {@code Export-Csv} file: the encoding from its byte-order mark (UTF-8 without one),
 * an optional {@code #TYPE} line, the header, then rows with the line each starts on.
 *
 * <p>Windows PowerShell 5.1 writes the {@code #TYPE} line unless told {@code -NoTypeInformation} and encodes ASCII,
 * UTF-8 with BOM or UTF-16 LE with BOM depending on {@code -Encoding}; PowerShell 7 writes UTF-8 without BOM. Bytes
 * that are not valid in the detected encoding stop the read with the line they are on, rather than turning into
 * replacement characters that would then fail to match.
 *
 * <p>A field longer than {@link CsvLimits#MAX_FIELD_CHARS} or a row of more than {@link CsvLimits#MAX_FIELDS} fields
 * stops the read with its line before the parser holds it in memory. A header that names a column twice (two
 * {@code ObjectGUID}s, or {@code UserPrincipalName} and its alias {@code UPN}) is refused naming both, rather than
 * one of them being picked.
 */
final class CsvSource implements AutoCloseable {

    /** Values PowerShell writes when it cannot flatten a property; they are never data. */
    private static final Set<String> TYPE_NAMES = Set.of(
            "System.Byte[]", "System.String[]", "System.Object[]", "System.Guid[]",
            "Microsoft.ActiveDirectory.Management.ADPropertyValueCollection",
            "System.Collections.Generic.List`1[System.String]");

    private final Path file;
    private final String fileName;
    private final CsvRows rows;
    /** The index of each known column by {@link Column#ordinal()}, -1 where the header lacks it. */
    private final int[] columnIndex = new int[Column.values().length];
    private final Map<Column, Integer> columns;
    private final Map<String, Integer> otherColumns;
    private final int headerSize;
    private final ExportKind kind;
    private final String expectedCommand;
    /** The current row: one view, moved on by {@link #next()}. */
    private final Row row = new Row();

    private CsvSource(Path file, ExportKind kind) {
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.kind = kind;
        this.expectedCommand = kind.command();
        List<Column> required = kind.required();
        BufferedReader reader = open(file, expectedCommand);
        CsvRows opened = null;
        try {
            long firstLine = skipTypeLine(reader) ? 2 : 1;
            opened = CsvRows.of(reader, ',', firstLine);
            this.rows = opened;
            if (!nextNonEmpty()) {
                throw new ExportFileException(file, "is empty; expected a header row such as "
                        + required.stream().map(Column::canonical).collect(Collectors.joining(","))
                        + ". Export it with:\n" + expectedCommand);
            }
            List<String> header = rows.toList();
            this.headerSize = header.size();
            this.columns = new EnumMap<>(Column.class);
            this.otherColumns = new LinkedHashMap<>();
            mapHeader(header, required);
            Arrays.fill(columnIndex, -1);
            columns.forEach((column, index) -> columnIndex[column.ordinal()] = index);
        } catch (IOException e) {
            close(reader);
            throw translate(new UncheckedIOException(e), opened);
        } catch (RuntimeException e) {
            close(reader);
            throw translate(e, opened);
        }
    }

    /**
     * Opens a file and checks its header has the required columns, each once.
     *
     * @throws ExportFileException when the file is missing, binary or empty, lacks a required column or has one twice
     */
    static CsvSource open(Path file, ExportKind kind) {
        return new CsvSource(file, kind);
    }

    /**
     * Which header names map to which known column; the rest become extra attributes under their own names. A column
     * named twice, in any case or by two of its aliases, is refused: which of the two holds the value is a guess.
     */
    private void mapHeader(List<String> header, List<Column> required) {
        Map<String, Column> byName = byName(kind);
        Map<Column, String> columnNames = new EnumMap<>(Column.class);
        Map<String, String> otherNames = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = i == 0 ? stripBom(header.get(i)).strip() : header.get(i).strip();
            Column column = byName.get(name.toLowerCase(Locale.ROOT));
            if (column != null) {
                if (columns.containsKey(column)) {
                    throw twice(column.canonical(), columnNames.get(column), columns.get(column), name, i);
                }
                columns.put(column, i);
                columnNames.put(column, name);
            } else if (!name.isEmpty()) {
                String key = name.toLowerCase(Locale.ROOT);
                if (otherNames.containsKey(key)) {
                    String first = otherNames.get(key);
                    throw twice(first, first, otherColumns.get(first), name, i);
                }
                otherNames.put(key, name);
                otherColumns.put(name, i);
            }
        }
        List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).map(Column::canonical).toList();
        if (!missing.isEmpty()) {
            String found = header.stream().limit(12).collect(Collectors.joining(","));
            throw new ExportFileException(file, "lacks the column(s) " + String.join(", ", missing)
                    + " (found: " + OktaEntraException.quote(found) + ")" + looksLikeTheOther(header, byName(null))
                    + ". Export it with:\n" + expectedCommand);
        }
    }

    /** The header names of a kind's columns (of every column for {@code null}), lower case. */
    private static Map<String, Column> byName(ExportKind kind) {
        Map<String, Column> byName = new LinkedHashMap<>();
        for (Column column : Column.values()) {
            if (kind != null && !kind.reads(column)) {
                continue;   // another kind's column: an attribute here, under its header name
            }
            for (String name : column.names()) {
                byName.put(name.toLowerCase(Locale.ROOT), column);
            }
        }
        return byName;
    }

    private ExportFileException twice(String what, String firstName, int first, String secondName, int second) {
        return new ExportFileException(file, "has two columns for " + what + ": "
                + OktaEntraException.quote(firstName) + " (column " + (first + 1) + ") and "
                + OktaEntraException.quote(secondName) + " (column " + (second + 1) + "); keep one and export again, "
                + "so that nothing has to guess which holds the value");
    }

    /** When the header has every column of the other kind of export: what the file looks like and who reads it. */
    private String looksLikeTheOther(List<String> header, Map<String, Column> byName) {
        ExportKind other = kind.other();
        List<Column> present = header.stream().map(h -> byName.get(stripBom(h).strip().toLowerCase(Locale.ROOT)))
                .toList();
        if (!present.containsAll(other.required())) {
            return "";
        }
        return "; this looks like " + other.description() + " (it has the columns " + other.required().stream()
                .map(Column::canonical).collect(Collectors.joining(", ")) + "), which " + other.readBy()
                + " reads: were the two exports swapped? The file wanted here is " + kind.description();
    }

    /** Whether the header mapped this column. */
    boolean has(Column column) {
        return columns.containsKey(column);
    }

    /** The kind's optional columns the header lacks, in the kind's order. */
    List<Column> missingOptional() {
        return kind.optional().stream().filter(c -> !columns.containsKey(c)).toList();
    }

    /** The extra columns, by their header name, in file order. */
    Map<String, Integer> otherColumns() {
        return otherColumns;
    }

    /**
     * Reads the next row.
     *
     * @return the row, or {@code null} at the end of the file
     * @throws ExportFileException on bytes the encoding forbids, a broken quote, or PowerShell type names
     */
    Row next() {
        try {
            if (!nextNonEmpty()) {
                return null;
            }
            row.checkTypeNames();
            return row;
        } catch (RuntimeException e) {
            throw translate(e, rows);
        }
    }

    /** Moves to the next row that is not a lone empty value (a line of {@code ""}); false at the end. */
    private boolean nextNonEmpty() {
        while (rows.next()) {
            if (rows.size() != 1 || rows.length(0) != 0) {
                return true;
            }
        }
        return false;
    }

    String fileName() {
        return fileName;
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (UncheckedIOException e) {
            throw translate(e, rows);
        }
    }

    /**
     * The current data row and the line it starts on: a view that {@link #next()} moves on, so a reader takes what
     * it needs from it before asking for the next.
     */
    final class Row {

        private Row() {
        }

        long line() {
            return rows.line();
        }

        /** Whether the row has as many values as the header. */
        boolean complete() {
            return rows.size() == headerSize;
        }

        int size() {
            return rows.size();
        }

        int headerSize() {
            return headerSize;
        }

        /** The value of a known column, or {@code null} when the column is absent or the cell empty. */
        String get(Column column) {
            return get(columnIndex[column.ordinal()]);
        }

        /** The value of any column by index, or {@code null} when absent or empty. */
        String get(int index) {
            return index < 0 || index >= rows.size() || rows.length(index) == 0 ? null : rows.get(index);
        }

        private void checkTypeNames() {
            for (int i = 0; i < rows.size(); i++) {
                if (mayBeTypeName(i)) {
                    String value = rows.get(i);
                    if (TYPE_NAMES.contains(value)) {
                        throw new ExportFileException(file, "line " + line() + " holds the PowerShell type name '"
                                + value + "' instead of values, because Export-Csv cannot write arrays or bytes. "
                                + "Flatten them in Select-Object, for example:\n" + expectedCommand);
                    }
                }
            }
        }

        /** Cheap tests first: this runs on every cell of a million-row file. */
        private boolean mayBeTypeName(int index) {
            if (rows.length(index) < 13) {
                return false;
            }
            char first = rows.first(index);
            return (rows.last(index) == ']' || first == 'M') && (first == 'S' || first == 'M');
        }
    }

    /** The exception a reader's caller gets: the file, the line and what is wrong. */
    private RuntimeException translate(RuntimeException e, CsvRows at) {
        if (e instanceof ExportFileException) {
            return e;
        }
        if (e instanceof CsvRows.Malformed malformed) {
            return new ExportFileException(file, "is not a well-formed CSV at line " + malformed.line() + ": "
                    + malformed.getMessage(), e);
        }
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e.getCause();
        if (cause instanceof CsvLimits.Exceeded exceeded) {
            return new ExportFileException(file, "line " + exceeded.line() + ": " + exceeded.getMessage()
                    + "; no directory export comes near this limit", e);
        }
        if (cause instanceof CharacterCodingException) {
            // The reader decodes ahead of the parser, so find the offending byte itself.
            return new ExportFileException(file, "has bytes that are not valid text in its encoding, "
                    + MalformedText.locate(file) + "; export with -Encoding UTF8 (or save as 'CSV UTF-8' in Excel)", e);
        }
        String where = at == null ? "" : " near line " + at.line();
        String message = cause instanceof IOException ? cause.getMessage() : e.getMessage();
        return new ExportFileException(file, "is not a well-formed CSV" + where + ": " + message, e);
    }

    private static String stripBom(String value) {
        return !value.isEmpty() && value.charAt(0) == '\ufeff' ? value.substring(1) : value;
    }

    /** Opens the file with the encoding its byte-order mark names, refusing binaries with the command that works. */
    private static BufferedReader open(Path file, String expectedCommand) {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new ExportFileException(file, "does not exist (" + file.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new ExportFileException(file, "cannot be opened: " + e.getMessage(), e);
        }
        try {
            in.mark(4096);
            byte[] head = in.readNBytes(4096);
            in.reset();
            ByteOrderMark mark = ByteOrderMark.at(head);
            // A UTF-16 mark settles it; a UTF-8 one still goes through the checks for what is no CSV at all.
            Charset charset = mark != null && !mark.charset().equals(StandardCharsets.UTF_8) ? mark.charset()
                    : detect(file, head, expectedCommand);
            in.skipNBytes(mark == null ? 0 : mark.length());
            Reader reader = new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            return new BufferedReader(reader, 1 << 16);
        } catch (IOException | RuntimeException e) {
            close(in);
            if (e instanceof ExportFileException x) {
                throw x;
            }
            throw new ExportFileException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static Charset detect(Path file, byte[] head, String expectedCommand) {
        if (ByteOrderMark.startsWith(head, 'P', 'K', 3, 4)) {
            throw new ExportFileException(file, "is a ZIP archive, probably an Excel workbook (.xlsx), not a CSV; "
                    + "save it as 'CSV UTF-8' or use the Export-Csv output directly. Export it with:\n"
                    + expectedCommand);
        }
        if (ByteOrderMark.startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new ExportFileException(file, "is a legacy Office document (.xls), not a CSV; save it as "
                    + "'CSV UTF-8' or use the Export-Csv output directly. Export it with:\n" + expectedCommand);
        }
        for (byte b : head) {
            if (b == 0) {
                throw new ExportFileException(file, "is binary (it contains NUL bytes and no UTF-16 byte-order mark), "
                        + "not a CSV text file. Export it with:\n" + expectedCommand);
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Consumes a leading {@code #TYPE …} line, refusing one past the field limit; otherwise leaves the reader be. */
    private static boolean skipTypeLine(BufferedReader reader) throws IOException {
        reader.mark(8);
        char[] head = new char[6];
        int n = 0;
        for (int read = 0; n < head.length && read >= 0; n += read) {
            read = reader.read(head, n, head.length - n);
            if (read < 0) {
                break;
            }
        }
        String start = stripBom(new String(head, 0, n));
        if (!start.startsWith("#TYPE")) {
            reader.reset();
            return false;
        }
        CsvLimits.skipLine(reader, 1);
        return true;
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already failing with a better message
        }
    }
}
