package dev.oktaentra.core.report;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a CSV report a person can open in Excel without surprises: UTF-8 with a byte-order mark (so Excel does not
 * guess a code page), CRLF line ends, RFC 4180 quoting, and no cell that Excel would run as a formula.
 *
 * <p>A value that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed
 * with a single quote, the neutralisation OWASP recommends against CSV injection: a display name such as
 * {@code =HYPERLINK(…)} arrives in the sheet as text. That holds for a negative number too ({@code -12} arrives as
 * the text {@code '-12}): Excel evaluates {@code -2+3}, and telling a harmless number from an expression is a rule
 * an attacker only needs to get round once. Report cells are names, GUIDs and anchors, so nothing is lost.
 *
 * <p>Quoting follows RFC 4180: a cell holding a comma, a quote or a line break is quoted and its quotes doubled.
 * Writing is done here rather than through a CSV library's printer because reports run to millions of rows and
 * the rule is this short; files are read back with Commons CSV in the tests.
 */
public final class ExcelSafeCsv implements Closeable, Flushable {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] NO_BYTES = {};
    /** Byte classes: a byte that makes a cell need quotes, and the quote itself (which is also doubled). */
    private static final int NEEDS_QUOTES = 1;
    private static final int QUOTE = 2;
    private static final byte[] CLASS = new byte[256];

    static {
        CLASS[','] = NEEDS_QUOTES;
        CLASS['\n'] = NEEDS_QUOTES;
        CLASS['\r'] = NEEDS_QUOTES;
        CLASS['"'] = NEEDS_QUOTES | QUOTE;
    }

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    private final int columns;
    private int cellsInRow;

    private ExcelSafeCsv(OutputStream out, String[] header) throws IOException {
        this(out, header.length);
        write(BOM);
        row((Object[]) header);
    }

    private ExcelSafeCsv(OutputStream out, int columns) {
        this.out = out;
        this.columns = columns;
    }

    /**
     * Creates (or replaces) a CSV file and writes its header row.
     *
     * @param file the file
     * @param header the column names
     * @return the writer; close it to flush the file
     * @throws UncheckedIOException when the file cannot be written
     */
    public static ExcelSafeCsv create(Path file, String... header) {
        try {
            return open(Files.newOutputStream(file), header);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the CSV report " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a CSV to a stream and writes its header row. Closing the writer closes the stream.
     *
     * @param out the stream
     * @param header the column names
     * @return the writer
     */
    public static ExcelSafeCsv open(OutputStream out, String... header) {
        try {
            return new ExcelSafeCsv(out, header);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a CSV report: " + e.getMessage(), e);
        }
    }

    /**
     * A writer of rows only (no byte-order mark, no header) into memory, for a report whose rows are formatted by
     * several threads: each formats its share into one of these, and the file's writer {@link #append}s them in order.
     *
     * @param columns the number of cells a row has
     * @return the writer
     */
    public static ExcelSafeCsv rowsInMemory(int columns) {
        return new ExcelSafeCsv(new Chunks(), columns);
    }

    /**
     * Appends the rows that a {@link #rowsInMemory} writer holds, and empties it.
     *
     * @param rows the writer of rows
     * @throws IllegalArgumentException when {@code rows} is not an in-memory writer or has other columns
     */
    public void append(ExcelSafeCsv rows) {
        if (!(rows.out instanceof Chunks chunks) || rows.columns != columns) {
            throw new IllegalArgumentException("Only rows written by rowsInMemory(" + columns + ") can be appended");
        }
        try {
            rows.flushBuffer();
            for (byte[] chunk : chunks.full) {
                write(chunk, 0, chunk.length);
            }
            chunks.full.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write CSV rows: " + e.getMessage(), e);
        }
    }

    /** Rows in memory, as chunks of at most the buffer's size (large arrays cost the garbage collector more). */
    private static final class Chunks extends OutputStream {
        private final List<byte[]> full = new ArrayList<>();

        @Override
        public void write(int b) {
            full.add(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            full.add(Arrays.copyOfRange(bytes, offset, offset + length));
        }
    }

    /**
     * Writes one row; {@code null} becomes an empty cell and every value goes through {@link #neutralise(String)}.
     *
     * @param values one value per header column, in order
     * @throws IllegalArgumentException when the number of values differs from the header's
     */
    public void row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("A row needs " + columns + " values, got " + values.length);
        }
        for (Object value : values) {
            cell(value == null ? null : value.toString());
        }
        endRow();
    }

    /**
     * Writes the next cell of the current row, for writers that build rows cell by cell; {@link #endRow()} ends the
     * row. The value is neutralised and quoted as {@link #row(Object...)} does.
     *
     * @param value the value, or {@code null} for an empty cell
     * @return this writer
     */
    public ExcelSafeCsv cell(String value) {
        if (value == null || value.isEmpty()) {
            return cell(NO_BYTES, 0, 0);
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return cell(utf8, 0, utf8.length);
    }

    /**
     * Writes the next cell of the current row from its UTF-8 bytes, neutralised and quoted exactly as the same text
     * given as a string would be; for reports that hold their texts as bytes.
     *
     * @param utf8 an array holding the value
     * @param from where the value starts
     * @param length how many bytes it has; 0 for an empty cell
     * @return this writer
     */
    public ExcelSafeCsv cell(byte[] utf8, int from, int length) {
        try {
            if (cellsInRow++ > 0) {
                write(',');
            }
            if (length > 0) {
                encoded(utf8, from, length);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a CSV row: " + e.getMessage(), e);
        }
    }

    /**
     * Ends the row the cells since the last row belong to.
     *
     * @throws IllegalStateException when the row has a different number of cells than the header
     */
    public void endRow() {
        if (cellsInRow != columns) {
            int cells = cellsInRow;
            cellsInRow = 0;
            throw new IllegalStateException("A row needs " + columns + " cells, got " + cells);
        }
        cellsInRow = 0;
        try {
            write(CRLF);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a CSV row: " + e.getMessage(), e);
        }
    }

    /**
     * One non-empty cell: the formula prefix when it needs one, quotes when it holds a comma, a quote or a line
     * break (RFC 4180), with its quotes doubled. The bytes are classified through a table and the classes OR-ed
     * together, without a branch a byte: DNs are full of commas at unpredictable places.
     */
    private void encoded(byte[] utf8, int from, int length) throws IOException {
        int classes = 0;
        for (int i = from, end = from + length; i < end; i++) {
            classes |= CLASS[utf8[i] & 0xff];
        }
        boolean prefix = startsFormula(utf8[from]);
        if (classes == 0) {
            if (prefix) {
                write('\'');
            }
            write(utf8, from, length);
            return;
        }
        write('"');
        if (prefix) {
            write('\'');
        }
        if ((classes & QUOTE) == 0) {
            write(utf8, from, length);  // the common case, a DN: nothing to double
        } else {
            int start = from;
            for (int i = from, end = from + length; i < end; i++) {
                if (utf8[i] == '"') {
                    write(utf8, start, i + 1 - start);
                    write('"');
                    start = i + 1;
                }
            }
            write(utf8, start, from + length - start);
        }
        write('"');
    }

    /**
     * Whether a non-empty value whose first UTF-8 byte is {@code first} would start a formula in Excel: it starts with {@code = + - @}, a tab or a
     * carriage return. The one rule for {@link #neutralise(String)} and for every cell.
     */
    private static boolean startsFormula(byte first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private void write(int b) throws IOException {
        if (used == buffer.length) {
            flushBuffer();
        }
        buffer[used++] = (byte) b;
    }

    private void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - used) {
            flushBuffer();
            if (length > buffer.length) {
                out.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, used, length);
        used += length;
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    /**
     * Makes a cell value safe from spreadsheet formula injection.
     *
     * @param value the value
     * @return the value, prefixed with {@code '} when it would start a formula
     */
    public static String neutralise(String value) {
        if (value.isEmpty()) {
            return value;
        }
        // Every formula starter is ASCII, so a first character is its own first UTF-8 byte or cannot start one.
        char first = value.charAt(0);
        return first < 0x80 && startsFormula((byte) first) ? "'" + value : value;
    }

    @Override
    public void flush() {
        try {
            flushBuffer();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot flush a CSV report: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            flushBuffer();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close a CSV report: " + e.getMessage(), e);
        }
    }
}
