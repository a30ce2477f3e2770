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
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a CSV report a person can open in Excel without surprises: UTF-8 with a byte-order mark (so Excel does not
 * guess a code page), CRLF line ends, RFC 4180 quoting, and no cell that Excel would run as a formula.
 *
 * <p>A value that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed
 * with a single quote, the neutralisation OWASP recommends against CSV injection: a display name such as
 * {@code =HYPERLINK(…)} arrives in the sheet as text. A leading {@code -} of a plain number is left alone, so that
 * negative figures stay numbers.
 */
public final class ExcelSafeCsv implements Closeable, Flushable {

    private static final char BOM = '\ufeff';

    private final CSVPrinter printer;
    private final int columns;

    private ExcelSafeCsv(Writer out, List<String> header) throws IOException {
        this.columns = header.size();
        this.printer = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get().print(out);
        out.write(BOM);
        printer.printRecord(header.stream().map(ExcelSafeCsv::neutralise).toList());
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
            return new ExcelSafeCsv(writer, Arrays.asList(header));
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
            for (Object value : values) {
                printer.print(value == null ? "" : neutralise(value.toString()));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a CSV row: " + e.getMessage(), e);
        }
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
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot flush a CSV report: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close a CSV report: " + e.getMessage(), e);
        }
    }
}
