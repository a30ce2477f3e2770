package dev.oktaentra.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The {@code #TYPE} line is skipped under the field limit too; {@link CsvRowsTest} pins the limits themselves. */
class CsvLimitsTest {

    @Test
    void skipLine_skipsToTheLineEndOrRefusesALineOverTheLimit() throws IOException {
        Reader text = new java.io.BufferedReader(new StringReader("#TYPE x\r\nnext"));
        CsvLimits.skipLine(text, 1);
        assertThat(text.read()).isEqualTo('n');

        Reader huge = new java.io.BufferedReader(new StringReader("t".repeat(CsvLimits.MAX_FIELD_CHARS + 1)));
        assertThatThrownBy(() -> CsvLimits.skipLine(huge, 1)).isInstanceOf(CsvLimits.Exceeded.class)
                .hasMessage("the line is longer than 1,048,576 characters");
    }
}
