package dev.oktaentra.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
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
 * The guard passes any CSV text through unchanged, and stops exactly at the first field longer than the limit or the
 * first row of too many fields, naming the line it starts on, however the text is cut into reads.
 */
class CsvLimitsTest {

    private static final int MAX_CHARS = 6;
    private static final int MAX_FIELDS = 4;

    /** A field as written: its content, and whether it is quoted (then it may hold anything). */
    record Field(String content, boolean quoted) {
        String written() {
            return quoted ? '"' + content.replace("\"", "\"\"") + '"' : content;
        }

        /** What the limit counts: the content, a doubled quote as two. */
        int length() {
            return quoted ? content.length() + (int) content.chars().filter(c -> c == '"').count() : content.length();
        }
    }

    record Row(List<Field> fields, String end) {
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
    void guard_passesTextThroughAndStopsAtTheFirstFieldOrRowPastALimit(@ForAll("csvs") List<Row> rows,
            @ForAll @IntRange(min = 1, max = 7) int readSize) throws IOException {
        StringBuilder text = new StringBuilder();
        long expectedLine = -1;
        String expectedWhat = null;
        for (Row row : rows) {
            long rowLine = 3 + lines(text);
            for (int i = 0; i < row.fields().size(); i++) {
                Field field = row.fields().get(i);
                if (expectedWhat == null && field.length() > MAX_CHARS) {
                    expectedLine = 3 + lines(text);
                    expectedWhat = "a field is longer than " + MAX_CHARS + " characters";
                }
                text.append(field.written());
                if (i < row.fields().size() - 1) {
                    text.append(',');
                    if (expectedWhat == null && i + 1 >= MAX_FIELDS) {
                        expectedLine = rowLine;
                        expectedWhat = "a row has more than " + MAX_FIELDS + " fields";
                    }
                }
            }
            text.append(row.end());
        }
        Reader guarded = CsvLimits.guard(new Trickle(text.toString(), readSize), ',', 3, MAX_CHARS, MAX_FIELDS);

        if (expectedWhat == null) {
            StringWriter out = new StringWriter();
            guarded.transferTo(out);
            assertThat(out.toString()).isEqualTo(text.toString());
        } else {
            long line1 = expectedLine;
            assertThatThrownBy(() -> guarded.transferTo(new StringWriter())).isInstanceOf(CsvLimits.Exceeded.class)
                    .hasMessageStartingWith(expectedWhat)
                    .satisfies(e -> assertThat(((CsvLimits.Exceeded) e).line()).isEqualTo(line1));
        }
    }

    /**
     * Line ends in a text as a CSV parser counts them: CR, LF, or CRLF as one (so a row ending in CR followed by an
     * empty row ending in LF is one line end, as a parser reads it).
     */
    private static long lines(CharSequence text) {
        return text.toString().replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
    }

    @Test
    void skipLine_skipsToTheLineEndOrRefusesALineOverTheLimit() throws IOException {
        Reader text = new java.io.BufferedReader(new StringReader("#TYPE x\r\nnext"));
        CsvLimits.skipLine(text, 1);
        assertThat(text.read()).isEqualTo('n');

        Reader huge = new java.io.BufferedReader(new StringReader("t".repeat(CsvLimits.MAX_FIELD_CHARS + 1)));
        assertThatThrownBy(() -> CsvLimits.skipLine(huge, 1)).isInstanceOf(CsvLimits.Exceeded.class)
                .hasMessage("the line is longer than 1,048,576 characters");
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
