package dev.oktaentra.core.export;

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
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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

    /** Empty lines are skipped here rather than by the parser, which would count them into the next row's line. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .get();

    private final Path file;
    private final String fileName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<Column, Integer> columns;
    private final Map<String, Integer> otherColumns;
    private final int headerSize;
    private final ExportKind kind;
    private final String expectedCommand;
    /** Lines before the CSV parser's first line: the {@code #TYPE} line, when present. */
    private final long lineOffset;
    /** The line the parser's next record starts on, unless empty lines come first. */
    private long nextLine;
    /** The line the last record {@link #nextNonEmpty()} returned starts on. */
    private long recordLine;

    private CsvSource(Path file, ExportKind kind) {
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.kind = kind;
        this.expectedCommand = kind.command();
        List<Column> required = kind.required();
        BufferedReader reader = open(file, expectedCommand);
        try {
            this.lineOffset = skipTypeLine(reader) ? 1 : 0;
            this.nextLine = 1 + lineOffset;
            this.parser = CSVParser.builder().setReader(CsvLimits.guard(reader, ',', nextLine)).setFormat(FORMAT)
                    .get();
            this.records = parser.iterator();
            CSVRecord header = nextNonEmpty();
            if (header == null) {
                throw new ExportFileException(file, "is empty; expected a header row such as "
                        + required.stream().map(Column::canonical).collect(Collectors.joining(","))
                        + ". Export it with:\n" + expectedCommand);
            }
            this.headerSize = header.size();
            this.columns = new EnumMap<>(Column.class);
            this.otherColumns = new LinkedHashMap<>();
            mapHeader(header, required);
        } catch (IOException e) {
            close(reader);
            throw translate(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            close(reader);
            throw translate(e);
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
    private void mapHeader(CSVRecord header, List<Column> required) {
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
    private String looksLikeTheOther(CSVRecord header, Map<String, Column> byName) {
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
            CSVRecord record = nextNonEmpty();
            if (record == null) {
                return null;
            }
            Row row = new Row(record, recordLine);
            row.checkTypeNames();
            return row;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** The next record that is not an empty line, with its first line in {@link #recordLine}; null at the end. */
    private CSVRecord nextNonEmpty() {
        while (records.hasNext()) {
            CSVRecord record = records.next();
            long line = nextLine;
            nextLine = parser.getCurrentLineNumber() + 1 + lineOffset;
            if (record.size() != 1 || !record.get(0).isEmpty()) {
                recordLine = line;
                return record;
            }
        }
        return null;
    }

    String fileName() {
        return fileName;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One data row and the line it starts on. */
    final class Row {
        private final CSVRecord record;
        private final long line;

        private Row(CSVRecord record, long line) {
            this.record = record;
            this.line = line;
        }

        long line() {
            return line;
        }

        /** Whether the row has as many values as the header. */
        boolean complete() {
            return record.size() == headerSize;
        }

        int size() {
            return record.size();
        }

        int headerSize() {
            return headerSize;
        }

        /** The value of a known column, or {@code null} when the column is absent or the cell empty. */
        String get(Column column) {
            Integer index = columns.get(column);
            return index == null || index >= record.size() ? null : emptyToNull(record.get(index));
        }

        /** The value of any column by index, or {@code null} when empty. */
        String get(int index) {
            return index >= record.size() ? null : emptyToNull(record.get(index));
        }

        private void checkTypeNames() {
            for (int i = 0; i < record.size(); i++) {
                String value = record.get(i);
                if (isTypeName(value)) {
                    throw new ExportFileException(file, "line " + line + " holds the PowerShell type name '"
                            + value + "' instead of values, because Export-Csv cannot write arrays or bytes. "
                            + "Flatten them in Select-Object, for example:\n" + expectedCommand);
                }
            }
        }
    }

    /** Cheap tests first: this runs on every cell of a million-row file. */
    private static boolean isTypeName(String value) {
        if (value.length() < 13 || value.charAt(value.length() - 1) != ']' && value.charAt(0) != 'M') {
            return false;
        }
        return (value.startsWith("System.") || value.startsWith("Microsoft.")) && TYPE_NAMES.contains(value);
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private RuntimeException translate(RuntimeException e) {
        if (e instanceof ExportFileException) {
            return e;
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
        long line = parser == null ? lineOffset + 1 : parser.getCurrentLineNumber() + 1 + lineOffset;
        String message = cause instanceof IOException ? cause.getMessage() : e.getMessage();
        return new ExportFileException(file, "is not a well-formed CSV near line " + line + ": " + message, e);
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
            Charset charset = detect(file, head, expectedCommand);
            int bomLength = charset == StandardCharsets.UTF_8 ? (startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0) : 2;
            in.skipNBytes(bomLength);
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
        if (startsWith(head, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            throw new ExportFileException(file, "is a ZIP archive, probably an Excel workbook (.xlsx), not a CSV; "
                    + "save it as 'CSV UTF-8' or use the Export-Csv output directly. Export it with:\n"
                    + expectedCommand);
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
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

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
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
