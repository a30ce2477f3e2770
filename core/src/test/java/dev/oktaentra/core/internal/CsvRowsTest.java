package dev.oktaentra.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Any CSV text comes back as the rows and fields written, each with the line it starts on, however the text is cut
 * into reads; the first field longer than the limit or the first row of too many fields stops the read, naming the
 * line its row starts on.
 */
class CsvRowsTest {

    private static final int MAX_CHARS = 6;
    private static final int MAX_FIELDS = 4;
    private static final int FIRST_LINE = 3;

    /** A field as written: its content, and whether it is quoted (then it may hold anything). */
    record Field(String content, boolean quoted) {
        String written() {
            return quoted ? '"' + content.replace("\"", "\"\"") + '"' : content;
        }
    }

    record Row(List<Field> fields, String end) {
        /** An unquoted empty field alone is an empty line, which the reader skips. */
        boolean emptyLine() {
            return fields.size() == 1 && !fields.get(0).quoted() && fields.get(0).content().isEmpty();
        }
    }

    @Provide
    Arbitrary<List<Row>> csvs() {
        Arbitrary<Field> plain = Arbitraries.strings().withChars("ab =+").ofMaxLength(9).map(s -> new Field(s, false));
        Arbitrary<Field> quoted = Arbitraries.strings().withChars("ab,\"\r\n").ofMaxLength(9)
                .map(s -> new Field(s, true));
        Arbitrary<List<Field>> fields = Arbitraries.oneOf(plain, quoted).list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<String> end = Arbitraries.of("\r\n", "\n", "\r");
        return Combinators.combine(fields, end).as(Row::new).list().ofMaxSize(8);
    }

    @Property(tries = 3000)
    void rows_comeBackAsWrittenWithTheirLines_orStopAtTheFirstRowPastALimit(@ForAll("csvs") List<Row> rows,
            @ForAll @IntRange(min = 1, max = 7) int readSize) {
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        long failingLine = -1;
        String failure = null;
        for (Row row : rows) {
            long line = FIRST_LINE + lines(text);
            if (!row.emptyLine() && failure == null) {
                failure = overLimit(row);
                if (failure != null) {
                    failingLine = line;
                } else {
                    expected.add(line + ": " + row.fields().stream().map(Field::content).toList());
                }
            }
            for (int i = 0; i < row.fields().size(); i++) {
                text.append(i == 0 ? "" : ",").append(row.fields().get(i).written());
            }
            text.append(row.end());
        }
        List<String> read = new ArrayList<>();
        CsvRows csv = CsvRows.of(new Trickle(text.toString(), readSize), ',', FIRST_LINE, MAX_CHARS, MAX_FIELDS);

        if (failure == null) {
            while (csv.next()) {
                read.add(csv.line() + ": " + csv.toList());
            }
            assertThat(read).isEqualTo(expected);
        } else {
            long line = failingLine;
            assertThatThrownBy(() -> {
                while (csv.next()) {
                    read.add(csv.line() + ": " + csv.toList());
                }
            }).isInstanceOf(UncheckedIOException.class).cause().isInstanceOf(CsvLimits.Exceeded.class)
                    .hasMessageStartingWith(failure)
                    .satisfies(e -> assertThat(((CsvLimits.Exceeded) e).line()).isEqualTo(line));
            assertThat(read).isEqualTo(expected);
        }
    }

    /** What stops a row: at the first field past either limit, in the order the fields come. */
    private static String overLimit(Row row) {
        for (int i = 0; i < row.fields().size(); i++) {
            if (i >= MAX_FIELDS) {
                return "a row has more than " + MAX_FIELDS + " fields";
            }
            if (row.fields().get(i).content().length() > MAX_CHARS) {
                return "a field is longer than " + MAX_CHARS + " characters";
            }
        }
        return null;
    }

    /**
     * Line ends in a text as a CSV parser counts them: CR, LF, or CRLF as one (so a row ending in CR followed by an
     * empty row ending in LF is one line end, as a parser reads it).
     */
    private static long lines(CharSequence text) {
        return text.toString().replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
    }

    @Test
    void next_refusesAQuoteNeverClosed_asAFieldPastTheLimit_withoutHoldingTheRestOfTheText() {
        String text = "a,b\r\n\"open," + "more text\r\n".repeat(10_000);
        CsvRows csv = CsvRows.of(new StringReader(text), ',', 1, 1000, MAX_FIELDS);

        assertThat(csv.next()).isTrue();
        assertThatThrownBy(csv::next).isInstanceOf(UncheckedIOException.class).cause()
                .isInstanceOf(CsvLimits.Exceeded.class)
                .hasMessageStartingWith("a field is longer than 1,000 characters")
                .hasMessageContaining("a quote that is never closed")
                .satisfies(e -> assertThat(((CsvLimits.Exceeded) e).line()).isEqualTo(2));
    }

    @Test
    void next_namesMalformedQuotesByTheLineTheirRowStartsOn() {
        CsvRows after = CsvRows.of(new StringReader("a\r\n\"x\r\ny\"z\r\n"), ',', 5);
        assertThat(after.next()).isTrue();
        assertThatThrownBy(after::next).isInstanceOfSatisfying(CsvRows.Malformed.class,
                e -> assertThat(e.line()).isEqualTo(6)).hasMessageContaining("text after its closing quote ('z'");

        CsvRows open = CsvRows.of(new StringReader("a\r\n\"x\r\ny"), ',', 1);
        assertThat(open.next()).isTrue();
        assertThatThrownBy(open::next).isInstanceOfSatisfying(CsvRows.Malformed.class,
                e -> assertThat(e.line()).isEqualTo(2)).hasMessage("a quoted field is not closed before the end of "
                        + "the file");
    }

    @Test
    void next_letsAnErrorThrough_asTheErrorItself() {
        Reader failing = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) {
                throw new OutOfMemoryError("Java heap space");
            }

            @Override
            public void close() {
            }
        };
        CsvRows csv = CsvRows.of(failing, ',', 1);

        assertThatThrownBy(csv::next).isInstanceOf(OutOfMemoryError.class).hasMessage("Java heap space");
    }

    /** Hands out at most a few characters a read, so that fields and line ends fall across reads. */
    private static final class Trickle extends Reader {
        private final StringReader in;
        private final int most;

        Trickle(String text, int most) {
            this.in = new StringReader(text);
            this.most = most;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, Math.min(length, most));
        }

        @Override
        public void close() {
            in.close();
        }
    }
}
