package dev.oktaentra.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OktaEntraExceptionTest {

    /** What a shortened quote adds after the quoted text: the ellipsis and the input's length. */
    private static final int SUFFIX = " (200 chars)".length() + 1;

    @Test
    void quote_ofShortText_isTheTextInQuotes() {
        assertThat(OktaEntraException.quote("jdoe")).isEqualTo("'jdoe'");
    }

    @Test
    void quote_ofNull_isTheWordNullUnquoted() {
        assertThat(OktaEntraException.quote(null)).isEqualTo("null");
    }

    @Test
    void quote_ofLongPlainText_showsEightyCharactersAndTheLength() {
        String quoted = OktaEntraException.quote("x".repeat(200));

        assertThat(quoted).isEqualTo("'" + "x".repeat(OktaEntraException.MAX_ECHO) + "'\u2026 (200 chars)");
    }

    @Test
    void quote_ofControlCharacters_capsTheEscapedTextAtEightyCharacters() {
        String quoted = OktaEntraException.quote("\u0001".repeat(200));

        // Each escape takes six characters, so thirteen fit in eighty; none is cut in half.
        assertThat(quoted).isEqualTo("'" + "\\u0001".repeat(13) + "'\u2026 (200 chars)");
        assertThat(quoted.length()).isLessThanOrEqualTo(OktaEntraException.MAX_ECHO + 2 + SUFFIX);
    }

    @Test
    void quote_ofShortTextThatEscapingLengthens_isShortenedToo() {
        String quoted = OktaEntraException.quote("a" + "\n".repeat(20));

        assertThat(quoted).isEqualTo("'a" + "\\u000a".repeat(13) + "'\u2026 (21 chars)");
    }

    @Test
    void quote_escapesWhatWouldHideOrBreakTheLine() {
        assertThat(OktaEntraException.quote("a\tb\u00a0c\u2028d\ufeffe\u200bf\ud800 g"))
                .isEqualTo("'a\\u0009b\\u00a0c\\u2028d\\ufeffe\\u200bf\\ud800 g'");
        assertThat(OktaEntraException.quote("R\u00e9my M\u00fcller")).isEqualTo("'R\u00e9my M\u00fcller'");
    }

    @Test
    void quote_escapesEveryControlCharacterWithFourHexDigits() {
        assertThat(OktaEntraException.quote("\u0000\n\u001b\u007f\u0085\u009f\u00ad"))
                .isEqualTo("'\\u0000\\u000a\\u001b\\u007f\\u0085\\u009f\\u00ad'");
    }

    @Test
    void quote_showsASurrogatePairAsTheCharacterAndEscapesOnlyUnpairedHalves() {
        assertThat(OktaEntraException.quote("Zo\u00eb \uD83D\uDE00")).isEqualTo("'Zo\u00eb \uD83D\uDE00'");
        assertThat(OktaEntraException.quote("a\uDE00\uD83Db")).isEqualTo("'a\\ude00\\ud83db'");
    }

    @Test
    void quote_neverCutsASurrogatePairInHalf() {
        String quoted = OktaEntraException.quote("x".repeat(OktaEntraException.MAX_ECHO - 1) + "\uD83D\uDE00yz");

        assertThat(quoted).isEqualTo("'" + "x".repeat(OktaEntraException.MAX_ECHO - 1) + "'\u2026 (83 chars)");
    }
}
