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
 * guess a code page), CRLF line ends, RFC 4180 quoting, and no cell from which a spreadsheet could run a function or
 * a DDE link, while every anchor arrives byte for byte.
 *
 * <h2>The formula rule</h2>
 * A cell is <em>dangerous</em> when a spreadsheet would evaluate it as a formula that calls something: a function
 * ({@code =HYPERLINK(…)}, {@code =WEBSERVICE(…)}), a DDE link ({@code =cmd|' /C calc'!A0}) or a reference to another
 * sheet, workbook or address. A dangerous cell is written with a single quote in front, the neutralisation OWASP
 * recommends ("CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection; OWASP ASVS 5.0 requirement
 * 1.2.10 lists the same starters and NUL), so that it arrives in the sheet as text. Precisely, a non-empty cell gets
 * the quote when
 * <ul>
 *   <li>its first character is {@code =}, {@code @}, a tab, a carriage return, a line feed or NUL, or one of the
 *       full-width forms {@code ＝ ＋ － ＠} (U+FF1D, U+FF0B, U+FF0D, U+FF20), which some East Asian spreadsheet
 *       set-ups take for their ASCII counterparts; none of these starts any value a report holds as data; or</li>
 *   <li>its first character is {@code +} or {@code -} and some character after it is not an ASCII letter, digit, or
 *       one of {@code + / = - . _}.</li>
 * </ul>
 * A value that starts with a {@code '} of its own gets one more in front, so that every cell can be read back to
 * its value ({@link #restore(String)} removes one leading quote): without it {@code '=1+1} and {@code =1+1} would
 * give the same cell. Every other cell is written exactly as given. A cell that starts with {@code +} or {@code -} and holds only those
 * characters is data, not a formula that can call anything: a function call needs {@code (}, DDE needs {@code |},
 * a reference to another sheet, workbook, file or URL needs {@code !}, {@code [}, {@code #}, {@code :} or a quote,
 * and none of these (nor a space, {@code &} or {@code ,}) is in that alphabet. At worst a spreadsheet adds, divides
 * or compares numbers and cells of the same sheet ({@code +1+2} shows 3), which runs nothing and reaches nothing.
 * A deny-list of dangerous expressions would be a rule to get round; this is an allow-list of characters.
 *
 * <h2>Anchors are byte-exact</h2>
 * The alphabet covers standard Base64 ({@code A–Z a–z 0–9 + / =}), URL-safe Base64 ({@code - _}) and numbers
 * ({@code -12}, {@code -1.5}), and GUID text, hex and LDAP escapes never start with a starter. So every
 * ImmutableID, objectGUID, consistency GUID and source anchor in every report (one Base64 ImmutableID in 64 starts
 * with {@code +}) is written byte for byte, and a script that reads the CSV to fix anchors reads the true values.
 * The one exception is deliberate: Entra stores any text as {@code onPremisesImmutableId}, so a cloud value that
 * is not Base64 and is dangerous by the rule above (say {@code =cmd|' /C calc'!A0}) gets the quote like any text.
 * Such a value cannot be the Base64 of an objectGUID or consistency GUID, so it is never an anchor to copy back (no
 * on-prem anchor matches it, so the validation reports it), and the JSON reports carry it verbatim; a CSV that a
 * person opens is the wrong place to carry it raw.
 *
 * <p>Excel opening the file directly may still show a {@code +}-led Base64 cell as {@code #NAME?}, because it tries
 * it as a formula and fails; the file holds the exact value, which Excel shows when the column is imported as
 * Text (Data › From Text/CSV).
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

    /** The characters that may follow a {@code +} or {@code -} in a cell written as it is. */
    private static final boolean[] INERT = new boolean[256];

    static {
        for (int c = 0; c < 128; c++) {
            INERT[c] = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "+/=-._".indexOf(c) >= 0;
        }
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
        boolean prefix = dangerous(utf8, from, length);
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
     * Whether a non-empty cell, as UTF-8, is dangerous by the class's formula rule; {@link #neutralise(String)} applies
     * the same rule to a string.
     */
    private static boolean dangerous(byte[] utf8, int from, int length) {
        int first = utf8[from] & 0xff;
        if (first == '+' || first == '-') {
            for (int i = from + 1, end = from + length; i < end; i++) {
                if (!INERT[utf8[i] & 0xff]) {
                    return true;
                }
            }
            return false;
        }
        if (first == 0xEF) {  // U+FF0B, U+FF0D, U+FF1D and U+FF20 are EF BC 8B, EF BC 8D, EF BC 9D and EF BC A0
            if (length < 3 || (utf8[from + 1] & 0xff) != 0xBC) {
                return false;
            }
            int last = utf8[from + 2] & 0xff;
            return last == 0x8B || last == 0x8D || last == 0x9D || last == 0xA0;
        }
        return alwaysStartsFormula(first);
    }

    /**
     * A first character that starts a formula whatever follows, and starts no value a report holds as data; or the
     * quote itself, which is doubled so that the prefix can be undone.
     */
    private static boolean alwaysStartsFormula(int first) {
        return first == '\'' || first == '=' || first == '@' || first == '\t' || first == '\r' || first == '\n' || first == 0
                || first == '\uff1d' || first == '\uff0b' || first == '\uff0d' || first == '\uff20';
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
     * Makes a cell value safe from spreadsheet formula injection, by the rule the class describes: a value a
     * spreadsheet could run something from gets a {@code '} in front; anchors, GUIDs, Base64 and numbers stay as
     * they are.
     *
     * @param value the value
     * @return the value, prefixed with {@code '} when it is dangerous
     */
    public static String neutralise(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (first == '+' || first == '-') {
            for (int i = 1; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= 0x80 || !INERT[c]) {
                    return "'" + value;
                }
            }
            return value;
        }
        return alwaysStartsFormula(first) ? "'" + value : value;
    }

    /**
     * The value a cell was written from: {@link #neutralise(String)} undone. A cell that starts with {@code '} had
     * one put in front (a dangerous value, or one that started with a quote itself), so exactly that one is removed;
     * any other cell is the value. Scripts and the project's readers of its own CSV reports use this rule.
     *
     * @param cell the cell's text, as a CSV parser gives it (unquoted)
     * @return the value
     */
    public static String restore(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
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
