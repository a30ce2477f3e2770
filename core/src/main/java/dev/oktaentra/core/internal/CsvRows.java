package dev.oktaentra.core.internal;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of a CSV text, one at a time, parsed by FastCSV (RFC 4180: double quotes, doubled quotes inside them, CR,
 * LF or CRLF line ends, line breaks inside quoted fields). Each row knows the line it starts on; its fields are held
 * as characters and become strings only when asked for, so that a reader pays for the fields it keeps. One row is
 * current at a time: {@link #next()} replaces it.
 *
 * <p>{@link CsvLimits} are checked as the parser hands each field over: a field longer than
 * {@link CsvLimits#MAX_FIELD_CHARS} or a row of more than {@link CsvLimits#MAX_FIELDS} fields stops the read with the
 * line its row starts on. The parser's buffer is capped, so a quote that is never closed fails there too, rather than
 * making the rest of the file one field in memory.
 *
 * <p>Empty lines are skipped, though their lines are counted. A line of spaces, or of nothing but {@code ""}, is a
 * row of one field. A quote inside an unquoted field is text. Text after a closing quote, or a quote still open at
 * the end of the text, is a {@link Malformed} naming the line its row starts on.
 */
public final class CsvRows implements AutoCloseable {

    /**
     * Room the parser's buffer has beyond the longest field: it reads 8,192 characters at a time behind the field it
     * holds, and a field's quotes count there too.
     */
    private static final int BUFFER_SLACK = 3 * 8192;
    private static final String BUFFER_EXCEEDED = "The maximum buffer size";

    private final Fields fields;
    private final CsvReader<Fields> reader;
    private final Iterator<Fields> records;

    private CsvRows(Reader in, char delimiter, long firstLine, int maxFieldChars, int maxFields) {
        // FastCSV counts lines from the first line of the text it is given.
        this.fields = new Fields(maxFieldChars, maxFields, firstLine - 1);
        // The parser holds one field at a time in its buffer: capped, a quote never closed fails there rather
        // than turning the rest of the file into one field in memory.
        this.reader = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowExtraCharsAfterClosingQuote(false).allowUnclosedQuote(false)
                .maxBufferSize(maxFieldChars + BUFFER_SLACK)
                .build(fields, in);
        this.records = reader.iterator();
    }

    /**
     * Reads a CSV text under {@link CsvLimits}.
     *
     * @param in the text, positioned at the start of a row
     * @param delimiter the field delimiter
     * @param firstLine the number of the line {@code in} starts on
     * @return the rows; close them to close {@code in}
     */
    public static CsvRows of(Reader in, char delimiter, long firstLine) {
        return of(in, delimiter, firstLine, CsvLimits.MAX_FIELD_CHARS, CsvLimits.MAX_FIELDS);
    }

    /** With other limits, so that the tests can explore the edges with short texts. */
    static CsvRows of(Reader in, char delimiter, long firstLine, int maxFieldChars, int maxFields) {
        return new CsvRows(in, delimiter, firstLine, maxFieldChars, maxFields);
    }

    /**
     * Moves to the next row that is not an empty line.
     *
     * @return false at the end of the text
     * @throws Malformed on text after a closing quote or a quote never closed
     * @throws UncheckedIOException when the text cannot be read; its cause is a {@link CsvLimits.Exceeded} for a
     *         field or row past the limits, or the decoder's {@link java.nio.charset.CharacterCodingException}
     */
    public boolean next() {
        try {
            if (!records.hasNext()) {
                return false;
            }
            records.next();
            return true;
        } catch (CsvParseException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof Error error) {
                throw error;  // FastCSV wraps whatever it catches, running out of memory included
            }
            if (cause instanceof UncheckedIOException limit) {
                throw limit;  // a limit the row broke, from the callback
            }
            if (cause.getMessage() != null && cause.getMessage().startsWith(BUFFER_EXCEEDED)) {
                throw new UncheckedIOException(new CsvLimits.Exceeded(line(), "a field is longer than "
                        + CsvLimits.count(fields.maxFieldChars) + " characters, the most a field may hold; if it is "
                        + "quoted, a quote that is never closed may have made the rest of the file one field"));
            }
            throw new Malformed(line(), describe(cause.getMessage()), e);
        }
    }

    /** FastCSV's words for the two ways a quote goes wrong, said for a person who exported the file. */
    private static String describe(String message) {
        if (message == null) {
            return "the CSV parser stopped";
        }
        if (message.startsWith("Unexpected character after closing quote")) {
            return "a quoted field has text after its closing quote (" + message.substring(
                    "Unexpected character after closing quote".length()).replaceFirst("^: ", "")
                    + "); a quote inside a quoted field must be doubled";
        }
        if (message.startsWith("Unclosed quoted field")) {
            return "a quoted field is not closed before the end of the file";
        }
        return message;
    }

    /**
     * The line the current row starts on; while a row is being read (as when {@link #next()} fails), the line it
     * starts on.
     *
     * @return a line number, from the {@code firstLine} given
     */
    public long line() {
        return fields.line();
    }

    /**
     * How many fields the current row has.
     *
     * @return at least 1
     */
    public int size() {
        return fields.count;
    }

    /**
     * A field's length.
     *
     * @param index the field, from 0, less than {@link #size()}
     * @return its length in characters, 0 when empty
     */
    public int length(int index) {
        return fields.ends[index] - start(index);
    }

    /**
     * A field's first character.
     *
     * @param index the field, from 0, less than {@link #size()}, not empty
     * @return the character
     */
    public char first(int index) {
        return fields.chars[start(index)];
    }

    /**
     * A field's last character.
     *
     * @param index the field, from 0, less than {@link #size()}, not empty
     * @return the character
     */
    public char last(int index) {
        return fields.chars[fields.ends[index] - 1];
    }

    /**
     * A field's text.
     *
     * @param index the field, from 0, less than {@link #size()}
     * @return a new string, empty for an empty field
     */
    public String get(int index) {
        int start = start(index);
        int end = fields.ends[index];
        return start == end ? "" : new String(fields.chars, start, end - start);
    }

    /**
     * Every field's text.
     *
     * @return a new list
     */
    public List<String> toList() {
        List<String> list = new ArrayList<>(fields.count);
        for (int i = 0; i < fields.count; i++) {
            list.add(get(i));
        }
        return list;
    }

    private int start(int index) {
        return index == 0 ? 0 : fields.ends[index - 1];
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text after a closing quote, or a quote never closed: the line the row starts on and what is wrong. */
    public static final class Malformed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final long line;

        Malformed(long line, String message, Throwable cause) {
            super(message, cause);
            this.line = line;
        }

        /**
         * The line the malformed row starts on.
         *
         * @return a line number
         */
        public long line() {
            return line;
        }
    }

    /**
     * FastCSV's callback: the fields of the row being read, copied end to end into one array as the parser hands
     * them over (its buffer moves on), with where each ends. The parser calls it from one thread, row by row.
     */
    private static final class Fields extends AbstractBaseCsvCallbackHandler<Fields> {
        private final int maxFieldChars;
        private final int maxFields;
        private final long lineOffset;
        private char[] chars = new char[1024];
        private int[] ends = new int[64];
        private int count;
        private long line;
        /** What FastCSV's line numbers missed so far (see {@link #handleBegin}). */
        private long correction;

        Fields(int maxFieldChars, int maxFields, long lineOffset) {
            this.maxFieldChars = maxFieldChars;
            this.maxFields = maxFields;
            this.lineOffset = lineOffset;
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            if (count > 0 && startingLineNumber - line > 1) {
                // The last row had line breaks inside quotes. FastCSV 4.3 counts a CR there, then any text, then an
                // LF as one line end (as if they were a CRLF); recount them, so that every later row keeps its line.
                correction += lineBreaks() - (startingLineNumber - line - 1);
            }
            line = startingLineNumber;
            count = 0;
        }

        /** The line ends inside the current row's fields: CR, LF, or CRLF as one. */
        private long lineBreaks() {
            long breaks = 0;
            int start = 0;
            for (int f = 0; f < count; f++) {
                char previous = 0;
                for (int i = start; i < ends[f]; i++) {
                    char c = chars[i];
                    if (c == '\r' || c == '\n' && previous != '\r') {
                        breaks++;
                    }
                    previous = c;
                }
                start = ends[f];
            }
            return breaks;
        }

        /** The line the current row starts on, counted from the text's first line. */
        long line() {
            return line + lineOffset + correction;
        }

        @Override
        protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
            if (index >= maxFields || length > maxFieldChars) {
                throw overLimit(index);
            }
            int start = count == 0 ? 0 : ends[count - 1];
            if (start + length > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, start + length));
            }
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, ends.length * 2);
            }
            System.arraycopy(buffer, offset, chars, start, length);
            ends[count++] = start + length;
        }

        /** Unchecked, so that it passes through the parser, which wraps it; {@link #next()} unwraps it. */
        private UncheckedIOException overLimit(int index) {
            String what = index >= maxFields ? "a row has more than " + CsvLimits.count(maxFields) + " fields"
                    : "a field is longer than " + CsvLimits.count(maxFieldChars) + " characters, the most a field "
                            + "may hold";
            return new UncheckedIOException(new CsvLimits.Exceeded(line(), what));
        }

        @Override
        protected void handleEmpty() {
            count = 1;
            ends[0] = 0;
        }

        @Override
        protected Fields buildRecord() {
            return this;
        }
    }
}
