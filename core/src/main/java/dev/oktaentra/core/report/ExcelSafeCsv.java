package dev.oktaentra.core.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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

    private static final char BOM = '\ufeff';

    private final Writer out;
    private final int columns;

    private ExcelSafeCsv(Writer out, String[] header) throws IOException {
        this.out = out;
        this.columns = header.length;
        out.write(BOM);
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
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            return new ExcelSafeCsv(writer, header);
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
                    out.write(',');
                }
                if (values[i] != null) {
                    cell(neutralise(values[i].toString()));
                }
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a CSV row: " + e.getMessage(), e);
        }
    }

    private void cell(String value) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                out.write('"');
                out.write(value.replace("\"", "\"\""));
                out.write('"');
                return;
            }
        }
        out.write(value);
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
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot flush a CSV report: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close a CSV report: " + e.getMessage(), e);
        }
    }
}
