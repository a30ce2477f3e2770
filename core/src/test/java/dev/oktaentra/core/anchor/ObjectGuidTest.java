package dev.oktaentra.core.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ObjectGuidTest {

    /** domain.md §0.1: GUID text, ImmutableID, each checked against python's uuid.bytes_le. */
    @ParameterizedTest
    @CsvSource({
        "3ab39606-c642-489b-84b6-58c038d3ef39, BpazOkLGm0iEtljAONPvOQ==",
        "8c4ac332-975f-4717-ad7b-ba4a4e968fff, MsNKjF+XF0ete7pKTpaP/w==",
        "56d352bc-dd5a-4480-bc39-cc297ef49faf, vFLTVlrdgES8OcwpfvSfrw==",
        "6701fa1a-fb0f-45a8-9356-d302b2affbb1, GvoBZw/7qEWTVtMCsq/7sQ==",
        "30475e40-e7ae-4af3-af75-8b143c81daf5, QF5HMK7n80qvdYsUPIHa9Q=="
    })
    void toImmutableId_matchesPublishedVectors(String guid, String immutableId) {
        assertThat(ObjectGuid.parse(guid).toImmutableId().value()).isEqualTo(immutableId);
    }

    @Test
    void bytes_areInDotNetToByteArrayOrder() {
        ObjectGuid guid = ObjectGuid.parse("6701fa1a-fb0f-45a8-9356-d302b2affbb1");

        assertThat(HexFormat.of().formatHex(guid.bytes())).isEqualTo("1afa01670ffba8459356d302b2affbb1");
    }

    @Test
    void toHex_isTheLdapOctetStringInStoredOrder() {
        assertThat(ObjectGuid.parse("8c4ac332-975f-4717-ad7b-ba4a4e968fff").toHex())
                .isEqualTo("32c34a8c5f971747ad7bba4a4e968fff");
    }

    @Test
    void toLdapFilterValue_escapesEveryByte() {
        assertThat(ObjectGuid.parse("8c4ac332-975f-4717-ad7b-ba4a4e968fff").toLdapFilterValue())
                .isEqualTo("\\32\\c3\\4a\\8c\\5f\\97\\17\\47\\ad\\7b\\ba\\4a\\4e\\96\\8f\\ff");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "3ab39606-c642-489b-84b6-58c038d3ef39",
        "3AB39606-C642-489B-84B6-58C038D3EF39",
        "{3ab39606-c642-489b-84b6-58c038d3ef39}",
        "{3AB39606-C642-489B-84B6-58C038D3EF39}",
        "(3ab39606-c642-489b-84b6-58c038d3ef39)",
        "3ab39606c642489b84b658c038d3ef39",
        "3AB39606C642489B84B658C038D3EF39",
        "urn:uuid:3ab39606-c642-489b-84b6-58c038d3ef39",
        "URN:UUID:3AB39606-C642-489B-84B6-58C038D3EF39"
    })
    void parse_acceptsEveryTextForm(String text) {
        assertThat(ObjectGuid.parse(text).toString()).isEqualTo("3ab39606-c642-489b-84b6-58c038d3ef39");
    }

    /** Only ASCII letters match case-insensitively: Unicode folds dotted and dotless i to an ASCII {@code i}. */
    @ParameterizedTest
    @ValueSource(strings = {
        "urn:uu\u0130d:3ab39606-c642-489b-84b6-58c038d3ef39",
        "urn:uu\u0131d:3ab39606-c642-489b-84b6-58c038d3ef39",
        "URN:UU\u0130D:3AB39606-C642-489B-84B6-58C038D3EF39",
        "\u0075rn:uuid\uff1a3ab39606-c642-489b-84b6-58c038d3ef39"
    })
    void parse_refusesAUrnPrefixSpelledWithNonAsciiLetters(String text) {
        assertThatThrownBy(() -> ObjectGuid.parse(text))
                .isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("urn:uuid:");
        assertThatThrownBy(() -> Anchors.convert(text)).isInstanceOf(InvalidAnchorException.class);
    }

    @Test
    void toString_isLowerCaseHyphenated() {
        assertThat(ObjectGuid.parse("{3AB39606-C642-489B-84B6-58C038D3EF39}"))
                .hasToString("3ab39606-c642-489b-84b6-58c038d3ef39");
    }

    @Test
    void fromUuid_keepsTheTextAndReordersTheBytes() {
        UUID uuid = UUID.fromString("3ab39606-c642-489b-84b6-58c038d3ef39");

        ObjectGuid guid = ObjectGuid.fromUuid(uuid);

        assertThat(guid).hasToString(uuid.toString());
        assertThat(HexFormat.of().formatHex(guid.bytes())).isEqualTo("0696b33a42c69b4884b658c038d3ef39");
        assertThat(guid.toUuid()).isEqualTo(uuid);
    }

    @Test
    void of_copiesTheCallersArray() {
        byte[] bytes = ObjectGuid.parse("3ab39606-c642-489b-84b6-58c038d3ef39").bytes();
        ObjectGuid guid = ObjectGuid.of(bytes);

        bytes[0] = 0;
        guid.bytes()[1] = 0;

        assertThat(guid).hasToString("3ab39606-c642-489b-84b6-58c038d3ef39");
    }

    @Test
    void of_refusesAnythingButSixteenBytes() {
        assertThatThrownBy(() -> ObjectGuid.of(new byte[15]))
                .isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("15 bytes long, a GUID has 16");
        assertThatThrownBy(() -> ObjectGuid.of(null)).isInstanceOf(InvalidAnchorException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3ab39606-c642-489b-84b6-58c038d3ef3| has 31 hex digits, a GUID has 32",
        "3ab39606-c642-489b-84b6-58c038d3ef3g| has 'g' at position 36, where a hex digit belongs",
        "3ab39606c642-489b-84b6-58c038d3ef39a| has 3 hyphens",
        "3ab39606c-642-489b-84b6-58c038d3ef39| hyphens in the wrong places",
        "urn:uuid:3ab39606-c642-489b-84b6-58c038d3ef3| has 31 hex digits, a GUID has 32",
        "{3ab39606-c642-489b-84b6-58c038d3ef39| opens with '{' but does not end with '}'",
        "BpazOkLGm0iEtljAONPvOQ==| is an ImmutableID (Base64), not GUID text"
    })
    void parse_saysWhatIsWrong(String text, String reason) {
        assertThatThrownBy(() -> ObjectGuid.parse(text))
                .isInstanceOf(InvalidAnchorException.class)
                .hasMessageStartingWith("Not a GUID: '" + text + "'")
                .hasMessageContaining(reason.strip());
    }

    /** Entra compares anchors exactly, so whitespace is refused, not trimmed; the message names what is there. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "' 3ab39606-c642-489b-84b6-58c038d3ef39' | a leading space",
        "'3ab39606-c642-489b-84b6-58c038d3ef39\n' | a trailing line break",
        "'3ab39606-c642-489b-84b6-58c038d3ef39\r\n' | a trailing line break",
        "'\t3ab39606-c642-489b-84b6-58c038d3ef39' | a leading tab",
        "'\u00a03ab39606-c642-489b-84b6-58c038d3ef39' | a leading no-break space U+00A0",
        "'\ufeff3ab39606-c642-489b-84b6-58c038d3ef39' | a leading byte-order mark U+FEFF",
        "'3ab39606-c642-489b-84b6-58c038d3ef39\u2003' | a trailing whitespace character U+2003",
        "' {3ab39606-c642-489b-84b6-58c038d3ef39} ' | a leading space and a trailing space",
        "'3ab39606c642489b84b658c038d3ef39 ' | a trailing space",
        "'3ab39606-c642-489b-84b6-58c038d3ef3 ' | a trailing space"
    })
    void parse_refusesSurroundingWhitespace_andSaysWhichKind(String text, String kind) {
        assertThatThrownBy(() -> ObjectGuid.parse(text))
                .isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("has whitespace around it (" + kind + ")");
    }

    @Test
    void parse_echoesAtMostEightyCharactersOfALongInput() {
        String huge = "x".repeat(10_000);

        assertThatThrownBy(() -> ObjectGuid.parse(huge))
                .isInstanceOf(InvalidAnchorException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("(10000 chars)"));
    }

    @Test
    void parse_showsControlCharactersEscaped() {
        assertThatThrownBy(() -> ObjectGuid.parse("ab\ncd"))
                .hasMessageStartingWith("Not a GUID: 'ab\\u000acd'");
    }

    @Test
    void equalsAndCompareTo_followTheBytes() {
        ObjectGuid a = ObjectGuid.parse("3ab39606-c642-489b-84b6-58c038d3ef39");
        ObjectGuid same = ObjectGuid.parse("3AB39606C642489B84B658C038D3EF39");
        ObjectGuid other = ObjectGuid.parse("8c4ac332-975f-4717-ad7b-ba4a4e968fff");

        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
        assertThat(a.compareTo(same)).isZero();
        // stored order: 06… sorts before 32…
        assertThat(a).isLessThan(other);
    }

    @Test
    void random_isVersionFourAndReproducibleFromASeed() {
        ObjectGuid first = ObjectGuid.random(new SplittableRandom(7));
        ObjectGuid again = ObjectGuid.random(new SplittableRandom(7));

        assertThat(first).isEqualTo(again);
        assertThat(first.toUuid().version()).isEqualTo(4);
        assertThat(first.toUuid().variant()).isEqualTo(2);
    }

    /**
     * The table-driven parsers check characters in groups; this walks every position of both the hyphenated and the
     * 32-digit form through every character up to U+03FF and a few look-alike digits beyond, so that no character
     * that merely shares low bits with a hex digit or a hyphen slips through.
     */
    @Test
    void parse_acceptsAtEachPositionExactlyTheCharactersThatBelongThere() {
        String hyphenated = "3ab39606-c642-489b-84b6-58c038d3ef39";
        String digits = hyphenated.replace("-", "");
        char[] lookAlikes = {'\u0660', '\u06f0', '\uff10', '\uff21', '\uff41', '\u2010', '\u2212', '\ufe63'};
        for (String form : new String[] {hyphenated, digits}) {
            for (int at = 0; at < form.length(); at++) {
                boolean hyphenSlot = form.charAt(at) == '-';
                for (int c = 0; c < 0x400 + lookAlikes.length; c++) {
                    char ch = c < 0x400 ? (char) c : lookAlikes[c - 0x400];
                    String text = form.substring(0, at) + ch + form.substring(at + 1);
                    boolean belongs = hyphenSlot ? ch == '-' : Character.digit(ch, 16) >= 0 && ch < 128;
                    if (belongs) {
                        assertThat(ObjectGuid.parse(text).toUuid())
                                .isEqualTo(UUID.fromString(hyphenSlot ? text : toHyphenated(text)));
                    } else {
                        assertThatThrownBy(() -> ObjectGuid.parse(text)).as("%s", text)
                                .isInstanceOf(InvalidAnchorException.class);
                    }
                }
            }
        }
    }

    private static String toHyphenated(String text) {
        return text.length() == 36 ? text : text.substring(0, 8) + "-" + text.substring(8, 12) + "-"
                + text.substring(12, 16) + "-" + text.substring(16, 20) + "-" + text.substring(20);
    }
}
