package dev.oktaentra.core.report;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a CSV report a person can open in Excel without surprises: UTF-8 with a byte-order mark (so Excel does not
 * guess a code page), CRLF line ends, RFC 4180 quoting, and no cell that Excel would run as a formula.
 *
 * <p>A value that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed
 * with a single quote, the neutralisation OWASP recommends against CSV injection: a display name such as
 * {@code =HYPERLINK(…)} arrives in the sheet as text. A leading {@code -} of a plain number is left alone, so that
 * negative figures stay numbers.
 *
 * <p>Quoting follows RFC 4180: a cell holding a comma, a quote or a line break is quoted and its quotes doubled.
 * Writing is done here rather than through a CSV library's printer because reports run to millions of rows and
 * the rule is this short; files are read back with Commons CSV in the tests.
 */
public final class ExcelSafeCsv implements Closeable, Flushable {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    private final int columns;

    private ExcelSafeCsv(OutputStream out, String[] header) throws IOException {
        this.out = out;
        this.columns = header.length;
        write(BOM);
        row((Object[]) header);
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
     * Writes one row; {@code null} becomes an empty cell and every value goes through {@link #neutralise(String)}.
     *
     * @param values one value per header column, in order
     * @throws IllegalArgumentException when the number of values differs from the header's
     */
    public void row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("A row needs " + columns + " values, got " + values.length);
        }
        try {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    write(',');
                }
                if (values[i] != null) {
                    cell(neutralise(values[i].toString()));
                }
            }
            write(CRLF);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a CSV row: " + e.getMessage(), e);
        }
    }

    /**
     * One cell, as UTF-8. The searches for characters that need quoting and the encoding of an ASCII string are
     * vectorised by the JDK; a byte-by-byte loop here cost more than everything else in a million-row report.
     */
    private void cell(String value) throws IOException {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (quote) {
            quoted(value, utf8);
        } else {
            write(utf8);
        }
    }

    /** A cell in quotes with its quotes doubled (RFC 4180); DNs always need this, for their commas. */
    private void quoted(String value, byte[] utf8) throws IOException {
        write('"');
        if (value.indexOf('"') < 0) {
            write(utf8);  // the common case, a DN: nothing to double
        } else {
            int from = 0;
            for (int i = 0; i < utf8.length; i++) {
                if (utf8[i] == '"') {
                    write(utf8, from, i + 1 - from);
                    write('"');
                    from = i + 1;
                }
            }
            write(utf8, from, utf8.length - from);
        }
        write('"');
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
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r'
                || first == '-' && !isPlainNumber(value);
        return formula ? "'" + value : value;
    }

    private static boolean isPlainNumber(String value) {
        if (value.length() < 2) {
            return false;
        }
        boolean dot = false;
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.' && !dot) {
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
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
