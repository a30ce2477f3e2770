package dev.oktaentra.core.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/**
 * The limits every CSV this library reads is held to, checked in one place: a reader that watches the text on its
 * way to the CSV parser and stops at the first field or row past a limit, before the parser has buffered it.
 *
 * <p>A CSV parser builds each field in memory until the field ends, so one huge field (a 60 MB cell, or a quote
 * that is never closed, which turns the rest of the file into one field) would exhaust the heap instead of failing
 * with the line it is on. No directory export comes near these limits: a user's longest attribute is a few
 * kilobytes, and a spreadsheet has 16,384 columns.
 *
 * <p>The watch is a small RFC 4180 state machine (comma or another delimiter, double quotes, doubled quotes inside
 * quotes, CR, LF or CRLF line ends), the dialect the readers give their parser.
 */
public final class CsvLimits {

    /** The most characters a field may hold: 1 MiB (1,048,576); a doubled quote counts as two. */
    public static final int MAX_FIELD_CHARS = 1 << 20;

    /** The most fields a row may have: 16,384, as many as a spreadsheet has columns. */
    public static final int MAX_FIELDS = 16_384;

    private CsvLimits() {
    }

    /**
     * Watches a CSV's text for a field or a row past the limits.
     *
     * @param in the text, positioned at the start of a row
     * @param delimiter the field delimiter
     * @param firstLine the number of the line {@code in} starts on, for the message
     * @return a reader of the same text that throws {@link Exceeded} at the first field or row past a limit
     */
    public static Reader guard(Reader in, char delimiter, long firstLine) {
        return guard(in, delimiter, firstLine, MAX_FIELD_CHARS, MAX_FIELDS);
    }

    /** With other limits, so that the tests can explore the edges with short texts. */
    static Reader guard(Reader in, char delimiter, long firstLine, int maxFieldChars, int maxFields) {
        return new Guard(in, delimiter, firstLine, maxFieldChars, maxFields);
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
         * The line the field or row starts on.
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

    /**
     * The state machine. A field's length is measured from its first character (after an opening quote) to its end,
     * at every field end and at the end of every block read, so a field past the limit is caught within one block
     * of text. Runs of ordinary characters inside a field are skipped by a loop of one or two comparisons a
     * character, because every character of a file passes through here.
     */
    private static final class Guard extends Reader {

        private static final int START = 0;
        private static final int PLAIN = 1;
        private static final int QUOTED = 2;
        private static final int QUOTE_SEEN = 3;

        private final Reader in;
        private final char delimiter;
        private final int maxFieldChars;
        private final int maxFields;
        private int state = START;
        /** How many characters were handed out before the current block. */
        private long position;
        /** Where the current field's content starts, counted as {@link #position} is. */
        private long fieldStart;
        private long fieldLine;
        private long rowLine;
        private long line;
        /** The delimiters seen in the current row. */
        private int delimiters;
        /** The last block ended in a CR, so an LF that starts the next one is the same line end. */
        private boolean pendingCr;

        Guard(Reader in, char delimiter, long firstLine, int maxFieldChars, int maxFields) {
            this.in = in;
            this.delimiter = delimiter;
            this.maxFieldChars = maxFieldChars;
            this.maxFields = maxFields;
            this.line = firstLine;
            this.fieldLine = firstLine;
            this.rowLine = firstLine;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                scan(buffer, offset, offset + n);
            }
            return n;
        }

        private void scan(char[] b, int from, int to) throws Exceeded {
            long base = position - from;  // b[i] is character base + i of the text
            int s = state;
            int i = from;
            if (pendingCr) {
                pendingCr = false;
                if (b[i] == '\n') {
                    i++;  // the LF of a CRLF split between blocks: the line was counted at the CR
                }
            }
            while (i < to) {
                if (s == QUOTED) {
                    i = skipQuoted(b, i, to);
                } else if (s == PLAIN) {
                    i = skipPlain(b, i, to, delimiter);
                }
                if (i == to) {
                    break;
                }
                char c = b[i];
                if (c == '\n' || c == '\r') {
                    long at = base + i;
                    line++;
                    if (c == '\r') {
                        if (i + 1 == to) {
                            pendingCr = true;
                        } else if (b[i + 1] == '\n') {
                            i++;
                        }
                    }
                    if (s != QUOTED) {
                        if (s != START) {
                            endField(at - (s == QUOTE_SEEN ? 1 : 0), false);
                        }
                        delimiters = 0;
                        rowLine = line;
                        s = START;
                    }
                } else if (s == QUOTED) {
                    s = QUOTE_SEEN;  // skipQuoted stops only at a quote or a line end
                } else if (c == delimiter) {
                    if (s != START) {
                        endField(base + i - (s == QUOTE_SEEN ? 1 : 0), false);
                    }
                    if (++delimiters >= maxFields) {
                        throw new Exceeded(rowLine, "a row has more than " + count(maxFields) + " fields");
                    }
                    s = START;
                } else if (s == START) {
                    fieldLine = line;
                    fieldStart = base + i + (c == '"' ? 1 : 0);
                    s = c == '"' ? QUOTED : PLAIN;
                } else if (s == QUOTE_SEEN) {
                    // A doubled quote goes on with the quoted field; anything else is malformed, which the parser
                    // reports, and is counted on as part of the field.
                    s = c == '"' ? QUOTED : PLAIN;
                }
                i++;
            }
            state = s;
            position = base + to;
            if (s != START) {
                endField(position - (s == QUOTE_SEEN ? 1 : 0), s == QUOTED);
            }
        }

        /** The index of the first quote, CR or LF from {@code i}, or {@code to}. */
        private static int skipQuoted(char[] b, int i, int to) {
            for (; i < to; i++) {
                char c = b[i];
                if (c <= '"' && (c == '"' || c == '\n' || c == '\r')) {
                    return i;
                }
            }
            return to;
        }

        /** The index of the first delimiter, CR or LF from {@code i}, or {@code to}. */
        private static int skipPlain(char[] b, int i, int to, char delimiter) {
            for (; i < to; i++) {
                char c = b[i];
                if (c == delimiter || c <= '\r' && (c == '\n' || c == '\r')) {
                    return i;
                }
            }
            return to;
        }

        /** Checks the current field's length up to {@code end}, exclusive; {@code open} when its quote is open. */
        private void endField(long end, boolean open) throws Exceeded {
            if (end - fieldStart > maxFieldChars) {
                throw new Exceeded(fieldLine, "a field is longer than " + count(maxFieldChars)
                        + " characters, the most a field may hold" + (open
                                ? "; it is quoted, so a quote that is never closed may have made the rest of the "
                                        + "file one field"
                                : ""));
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
