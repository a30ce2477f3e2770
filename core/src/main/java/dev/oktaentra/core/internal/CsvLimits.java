package dev.oktaentra.core.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/**
 * The limits every CSV this library reads is held to. {@link CsvRows} applies them as it parses: the first field or
 * row past a limit stops the read with the line its row starts on, before the parser has buffered more than the one
 * field.
 *
 * <p>A CSV parser builds each field in memory until the field ends, so one huge field (a 60 MB cell, or a quote
 * that is never closed, which turns the rest of the file into one field) would exhaust the heap instead of failing
 * with the line it is on. No directory export comes near these limits: a user's longest attribute is a few
 * kilobytes, and a spreadsheet has 16,384 columns.
 */
public final class CsvLimits {

    /**
     * The most characters a field's value may hold: 1 MiB (1,048,576), a doubled quote inside quotes counting as one.
     * As written, with its quotes, a field may take about 24,000 characters more; past that it is refused too, as
     * the parser's buffer is capped there.
     */
    public static final int MAX_FIELD_CHARS = 1 << 20;

    /** The most fields a row may have: 16,384, as many as a spreadsheet has columns. */
    public static final int MAX_FIELDS = 16_384;

    private CsvLimits() {
    }

    /**
     * Skips the rest of a line that is not CSV (such as PowerShell's {@code #TYPE} line), refusing a line longer than
     * a field may be rather than reading it whole.
     *
     * @param in the text, somewhere in the line
     * @param line the line's number, for the message
     * @throws Exceeded when the line is longer than {@link #MAX_FIELD_CHARS}
     * @throws IOException when {@code in} fails
     */
    public static void skipLine(Reader in, long line) throws IOException {
        for (long read = 0; ; read++) {
            int c = in.read();
            if (c < 0 || c == '\n') {
                return;
            }
            if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                return;
            }
            if (read >= MAX_FIELD_CHARS) {
                throw new Exceeded(line, "the line is longer than " + count(MAX_FIELD_CHARS) + " characters");
            }
        }
    }

    /** A field or a row past a limit, or a line too long to skip; the message says which. */
    public static final class Exceeded extends IOException {

        private static final long serialVersionUID = 1L;

        private final long line;

        Exceeded(long line, String message) {
            super(message);
            this.line = line;
        }

        /**
         * The line the row past a limit starts on, or the line too long to skip.
         *
         * @return a line number, from 1
         */
        public long line() {
            return line;
        }
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
