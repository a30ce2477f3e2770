package dev.oktaentra.core.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnchorsTest {

    private static final String GUID = "3ab39606-c642-489b-84b6-58c038d3ef39";
    private static final String IMMUTABLE_ID = "BpazOkLGm0iEtljAONPvOQ==";
    private static final String HEX = "0696b33a42c69b4884b658c038d3ef39";
    private static final String DN = "CN={4270617A4F6B4C476D306945746C6A414F4E50764F513D3D}";
    private static final String LDAP = "\\06\\96\\b3\\3a\\42\\c6\\9b\\48\\84\\b6\\58\\c0\\38\\d3\\ef\\39";

    @Test
    void immutableId_ofTheIssueExample() {
        assertThat(Anchors.immutableId(GUID)).isEqualTo(IMMUTABLE_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        GUID, "{3AB39606-C642-489B-84B6-58C038D3EF39}", "3ab39606c642489b84b658c038d3ef39", IMMUTABLE_ID,
        "0x" + HEX, "06-96-B3-3A-42-C6-9B-48-84-B6-58-C0-38-D3-EF-39", "06 96 b3 3a 42 c6 9b 48 84 b6 58 c0 38 d3 ef 39",
        "0x06 0x96 0xb3 0x3a 0x42 0xc6 0x9b 0x48 0x84 0xb6 0x58 0xc0 0x38 0xd3 0xef 0x39", LDAP, DN
    })
    void objectGuid_readsEverySixteenByteForm(String text) {
        assertThat(Anchors.objectGuid(text)).hasToString(GUID);
    }

    @Test
    void objectGuid_explainsANearMissAsAGuidError() {
        assertThatThrownBy(() -> Anchors.objectGuid("3ab39606-c642-489b-84b6-58c038d3ef3"))
                .isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("has 31 hex digits");
    }

    @Test
    void objectGuid_refusesBinaryOfAnotherLength() {
        assertThatThrownBy(() -> Anchors.objectGuid("AQIDBA=="))
                .isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("BASE64_BINARY of 4 bytes, a GUID has 16 bytes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3ab39606-c642-489b-84b6-58c038d3ef39 | GUID",
        "{3ab39606-c642-489b-84b6-58c038d3ef39} | GUID",
        "3ab39606c642489b84b658c038d3ef39 | GUID",
        "BpazOkLGm0iEtljAONPvOQ== | BASE64_GUID",
        "AQIDBA== | BASE64_BINARY",
        "a+b/ | BASE64_BINARY",
        "0x0696b33a42c69b4884b658c038d3ef39 | HEX",
        "06-96-B3-3A | HEX",
        "0696b33a42c69b48 | HEX",
        "CN={514635484D4B376E38307176645973555049486139513D3D} | CONNECTOR_SPACE_DN",
        "\\06\\96 | LDAP_ESCAPED",
        "E100234 | STRING",
        "E1234567 | STRING",
        "12345678 | STRING",
        "jdoe | STRING",
        "AB-12 | STRING",
        "E100.234 | STRING"
    })
    void detect_followsTheDocumentedRules(String text, AnchorFormat expected) {
        assertThat(Anchors.detect(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\\zz", "\\0", "CN={zz}"})
    void detect_refusesMalformedBinaryForms(String text) {
        assertThatThrownBy(() -> Anchors.detect(text)).isInstanceOf(InvalidAnchorException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "3ab39606-c642-489b-84b6-58c038d3ef3 | has 31 hex digits, a GUID has 32",
        "BpazOkLGm0iEtljAONPvOQ | looks like an ImmutableID without its '==' padding",
        "CN={514635484D4B376E | may not contain '='",
        "~ jdoe~ | has whitespace around it (a leading space)",
        "jane@contoso.com | may not contain '@'"
    })
    void detect_refusesWhatIsNeitherABinaryFormNorAStringAnchor(String text, String reason) {
        assertThatThrownBy(() -> Anchors.detect(text)).isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining(reason.strip());
    }

    /** A control character in a would-be string anchor is shown as a Java escape of four hex digits, always. */
    @ParameterizedTest
    @MethodSource("forbiddenCharacters")
    void detect_namesAForbiddenCharacterAsAFourDigitEscapeWithItsPosition(String text, String shown) {
        assertThatThrownBy(() -> Anchors.detect(text)).isInstanceOfSatisfying(InvalidAnchorException.class,
                e -> assertThat(e.reason()).isEqualTo("is no binary form, and as a string anchor it may not contain "
                        + shown + " (Entra Connect's sourceAnchor rules)"));
    }

    static Stream<Arguments> forbiddenCharacters() {
        return Stream.of(
                Arguments.of("jdoe\nx", "'\\u000a' at position 5"),
                Arguments.of("jdoe\u0000x", "'\\u0000' at position 5"),
                Arguments.of("j\u007fdoe", "'\\u007f' at position 2"),
                Arguments.of("j\u0085doe", "'\\u0085' at position 2"),
                Arguments.of("jd\u001boe", "'\\u001b' at position 3"),
                Arguments.of("jdoe=x", "'=' at position 5"));
    }

    /** Any 8-4-4-4-12 shape whose digits are not all hex is a mistyped GUID, not an employeeID. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3ab39606-c642-489b-84b6-58c038d3ef3g | has 'g' at position 36",
        "3ab39606-c642-489b-84b6-58cO38d3ef39 | has 'O' at position 28",
        "3ab39606-c642-489b-84b6-58c038d3ef-9 | has '-' at position 35",
        "3ab3960O-c642-489b-84b6-58c038d3ef39 | has 'O' at position 8",
        "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz | has 'z' at position 1",
        "3ab39606-c642-489b-84b6-58c038d3\u00e9f39 | has U+00E9 at position 33",
        "{3ab39606-c642-489b-84b6-58c038d3ef3g} | has 'g' at position 37",
        "(3ab39606-c642-489b-84b6-58c038d3ef3g) | has 'g' at position 37",
        "urn:uuid:3ab39606-c642-489b-84b6-58c038d3ef3g | has 'g' at position 45",
        "URN:UUID:3AB39606-C642-489B-84B6-58C038D3EF3G | has 'G' at position 45",
        "3ab39606-c642-489b-84b6-58c038d3ef3 | has 31 hex digits",
        "(3ab39606-c642-489b-84b6-58c038d3ef3) | has 31 hex digits",
        "urn:uu\u0130d:3ab39606-c642-489b-84b6-58c038d3ef39 | that are not urn:uuid:"
    })
    void detect_refusesAMistypedGuid_namingTheFirstBadCharacter(String text, String reason) {
        for (var call : java.util.List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                () -> Anchors.detect(text), () -> Anchors.convert(text))) {
            assertThatThrownBy(call).isInstanceOf(InvalidAnchorException.class)
                    .hasMessageStartingWith("Not a GUID: ")
                    .hasMessageContaining(reason)
                    .hasMessageContaining("AnchorConversion.ofStringAnchor");
        }
        assertThatThrownBy(() -> Anchors.objectGuid(text)).isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining(reason)
                .hasMessageNotContaining("ofStringAnchor");
    }

    @Test
    void ofStringAnchor_takesWhatDetectRefusesAsAMistypedGuid() {
        AnchorConversion forms = AnchorConversion.ofStringAnchor("3ab39606-c642-489b-84b6-58c038d3ef3g");

        assertThat(forms.format()).isEqualTo(AnchorFormat.STRING);
        assertThat(forms.immutableId().value()).isEqualTo("3ab39606-c642-489b-84b6-58c038d3ef3g");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'\ufeffjdoe' | a leading byte-order mark U+FEFF",
        "'jdoe\u00a0' | a trailing no-break space U+00A0",
        "'\u2003E1234' | a leading whitespace character U+2003",
        "'E1234\n' | a trailing line break",
        "'\ufeff3ab39606-c642-489b-84b6-58c038d3ef39' | a leading byte-order mark U+FEFF",
        "'BpazOkLGm0iEtljAONPvOQ==\r\n' | a trailing line break",
        "'\\06\\96\\b3\\3a ' | a trailing space",
        "'CN={514635484D4B376E38307176645973555049486139513D3D}\t' | a trailing tab",
        "'\t0x0696b33a42c69b4884b658c038d3ef39' | a leading tab"
    })
    void detect_refusesWhitespaceAroundAnyForm_sayingWhichKind(String text, String kind) {
        assertThatThrownBy(() -> Anchors.detect(text)).isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("has whitespace around it (" + kind + ")");
        assertThatThrownBy(() -> Anchors.convert(text)).isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("has whitespace around it (" + kind + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\u00a0", "\ufeff", " \t\r\n"})
    void detect_refusesAValueOfOnlyWhitespace(String text) {
        assertThatThrownBy(() -> Anchors.detect(text)).isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("is only whitespace");
    }

    @Test
    void convert_givesEveryFormOfAGuid() {
        AnchorConversion forms = Anchors.convert(GUID);

        assertThat(forms.input()).isEqualTo(GUID);
        assertThat(forms.format()).isEqualTo(AnchorFormat.GUID);
        assertThat(forms.objectGuid()).hasToString(GUID);
        assertThat(forms.immutableId().value()).isEqualTo(IMMUTABLE_ID);
        assertThat(forms.hex()).isEqualTo(HEX);
        assertThat(forms.ldapFilterValue()).isEqualTo(LDAP);
        assertThat(forms.connectorSpaceDn()).isEqualTo(DN);
    }

    /**
     * 32 bare hex digits are .NET "N" text, but {@link ObjectGuid#toHex()} prints the stored bytes the same way:
     * convert keeps the documented reading and warns, naming the GUID of the other one and how to ask for it.
     */
    @Test
    void convert_ofThirtyTwoBareHexDigits_warnsThatTheyWereReadAsGuidText() {
        AnchorConversion forms = Anchors.convert("3ab39606c642489b84b658c038d3ef39");

        assertThat(forms.format()).isEqualTo(AnchorFormat.GUID);
        assertThat(forms.objectGuid()).hasToString(GUID);
        assertThat(forms.warnings()).singleElement().asString()
                .contains("read as GUID text in .NET's \"N\" format")
                .contains("0696b33a-42c6-9b48-84b6-58c038d3ef39")
                .contains("0x3ab39606c642489b84b658c038d3ef39");
        assertThat(Anchors.convert("0x3ab39606c642489b84b658c038d3ef39").objectGuid())
                .hasToString("0696b33a-42c6-9b48-84b6-58c038d3ef39");
    }

    @Test
    void objectGuid_ofToHex_isNotTheSameGuid_butOfZeroXAndToHexIs() {
        ObjectGuid guid = ObjectGuid.parse(GUID);

        assertThat(Anchors.objectGuid(guid.toHex())).isNotEqualTo(guid);
        assertThat(Anchors.objectGuid("0x" + guid.toHex())).isEqualTo(guid);
        assertThat(Anchors.objectGuid(guid.toLdapFilterValue())).isEqualTo(guid);
    }

    @ParameterizedTest
    @ValueSource(strings = {GUID, "{3ab39606-c642-489b-84b6-58c038d3ef39}", IMMUTABLE_ID, "0x" + HEX, LDAP, DN,
        "E100234", "AQIDBA=="})
    void convert_ofAnyOtherForm_hasNoWarnings(String text) {
        assertThat(Anchors.convert(text).warnings()).isEmpty();
    }

    @Test
    void warnings_areAnImmutableCopy_neverNull() {
        java.util.List<String> given = new java.util.ArrayList<>(java.util.List.of("first"));
        AnchorConversion forms = new AnchorConversion("E1", AnchorFormat.STRING, null, ImmutableId.ofString("E1"), null,
                "E1", "CN={4531}", given);
        given.add("second");

        assertThat(forms.warnings()).containsExactly("first");
        assertThatThrownBy(() -> forms.warnings().add("third")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(AnchorConversion.ofStringAnchor("E1").warnings()).isEmpty();
        assertThatThrownBy(() -> new AnchorConversion("E1", AnchorFormat.STRING, null, ImmutableId.ofString("E1"), null,
                "E1", "CN={4531}", null)).isInstanceOf(NullPointerException.class).hasMessage("warnings");
    }

    @Test
    void convert_ofAStringAnchor_hasNoBinaryForms() {
        AnchorConversion forms = Anchors.convert("E100-R\u00e9");

        assertThat(forms.format()).isEqualTo(AnchorFormat.STRING);
        assertThat(forms.objectGuid()).isNull();
        assertThat(forms.hex()).isNull();
        assertThat(forms.immutableId().value()).isEqualTo("E100-R\u00e9");
        assertThat(forms.ldapFilterValue()).isEqualTo("E100-R\\c3\\a9");
        assertThat(forms.connectorSpaceDn()).isEqualTo("CN={453130302D52C3A9}");
    }

    @Test
    void convert_ofAConnectorSpaceDn_decodesTheAnchorBehindIt() {
        AnchorConversion forms = Anchors.convert("CN={514635484D4B376E38307176645973555049486139513D3D}");

        assertThat(forms.format()).isEqualTo(AnchorFormat.CONNECTOR_SPACE_DN);
        assertThat(forms.immutableId().value()).isEqualTo("QF5HMK7n80qvdYsUPIHa9Q==");
        assertThat(forms.objectGuid()).hasToString("30475e40-e7ae-4af3-af75-8b143c81daf5");
    }

    @Test
    void convert_ofOtherBinary_hasNoGuid() {
        AnchorConversion forms = Anchors.convert("AQIDBA==");

        assertThat(forms.objectGuid()).isNull();
        assertThat(forms.hex()).isEqualTo("01020304");
        assertThat(forms.ldapFilterValue()).isEqualTo("\\01\\02\\03\\04");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BpazOkLGm0iEtljAONPvOQ== | NONE",
        "OrOWBsZCSJuEtljAONPvOQ== | BYTE_ORDER",
        "BpazOkLGm0iEtljAONPvOQ | MISSING_PADDING",
        "bpazoklgm0ietljaonpvoq== | CASE_CHANGED",
        "0696b33a42c69b4884b658c038d3ef39 | HEX_INSTEAD_OF_BASE64",
        "0696B33A42C69B4884B658C038D3EF39 | HEX_INSTEAD_OF_BASE64",
        "3ab39606-c642-489b-84b6-58c038d3ef39 | HEX_INSTEAD_OF_BASE64",
        "M2FiMzk2MDYtYzY0Mi00ODliLTg0YjYtNThjMDM4ZDNlZjM5 | GUID_TEXT_BASE64",
        "vFLTVlrdgES8OcwpfvSfrw== | UNRELATED"
    })
    void explainMismatch_namesTheMistake(String cloud, MismatchCause expected) {
        assertThat(Anchors.explainMismatch(ObjectGuid.parse(GUID), cloud)).isEqualTo(expected);
    }

    /** Every way to drop padding: both of two, one of two, the only one; with whitespace or URL-safe on top. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "BpazOkLGm0iEtljAONPvOQ== | BpazOkLGm0iEtljAONPvOQ | MISSING_PADDING",
        "BpazOkLGm0iEtljAONPvOQ== | BpazOkLGm0iEtljAONPvOQ= | MISSING_PADDING",
        "BpazOkLGm0iEtljAONPvOQ== | ~BpazOkLGm0iEtljAONPvOQ= ~ | MISSING_PADDING",
        "MsNKjF+XF0ete7pKTpaP/w== | MsNKjF-XF0ete7pKTpaP_w= | URL_SAFE_BASE64",
        "AQIDBA== | AQIDBA | MISSING_PADDING",
        "AQIDBA== | AQIDBA= | MISSING_PADDING",
        "AAECAwQFBgcICQoLDA0ODxA= | AAECAwQFBgcICQoLDA0ODxA | MISSING_PADDING",
        "AQIDBA== | AQIDBB= | UNRELATED",
        "AQIDBA== | AQIDBA=== | UNRELATED"
    })
    void explainMismatch_recognisesEveryPaddingDropped(String expected, String cloud, MismatchCause cause) {
        assertThat(Anchors.explainMismatch(ImmutableId.of(expected), cloud)).isEqualTo(cause);
    }

    @Test
    void explainMismatch_recognisesUrlSafeBase64() {
        // Vector 2 holds both '+' and '/', so a URL-safe encoder changes it.
        ObjectGuid guid = ObjectGuid.parse("8c4ac332-975f-4717-ad7b-ba4a4e968fff");

        assertThat(Anchors.explainMismatch(guid, "MsNKjF-XF0ete7pKTpaP_w==")).isEqualTo(MismatchCause.URL_SAFE_BASE64);
        assertThat(Anchors.explainMismatch(guid, "MsNKjF-XF0ete7pKTpaP_w")).isEqualTo(MismatchCause.URL_SAFE_BASE64);
    }

    @Test
    void explainMismatch_reportsWhitespaceOnlyWhenNothingWorseHidesUnderIt() {
        ObjectGuid guid = ObjectGuid.parse(GUID);

        assertThat(Anchors.explainMismatch(guid, " BpazOkLGm0iEtljAONPvOQ==\r\n"))
                .isEqualTo(MismatchCause.SURROUNDING_WHITESPACE);
        assertThat(Anchors.explainMismatch(guid, "OrOWBsZCSJuEtljAONPvOQ== "))
                .isEqualTo(MismatchCause.BYTE_ORDER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ufeffBpazOkLGm0iEtljAONPvOQ==", "BpazOkLGm0iEtljAONPvOQ==\u00a0",
        "\u2003BpazOkLGm0iEtljAONPvOQ==\u3000", "\u202fBpazOkLGm0iEtljAONPvOQ==", "BpazOkLGm0iEtljAONPvOQ==\u2028"})
    void explainMismatch_countsByteOrderMarksAndUnicodeSpacesAsWhitespace(String cloud) {
        ObjectGuid guid = ObjectGuid.parse(GUID);

        assertThat(Anchors.explainMismatch(guid, cloud)).isEqualTo(MismatchCause.SURROUNDING_WHITESPACE);
        assertThat(Anchors.explainMismatch(guid, cloud.replace(IMMUTABLE_ID, "OrOWBsZCSJuEtljAONPvOQ==")))
                .isEqualTo(MismatchCause.BYTE_ORDER);
    }

    @Test
    void explainMismatch_ofAStringAnchor_usesTheGenericCauses() {
        ImmutableId expected = ImmutableId.ofString("E100234");

        assertThat(Anchors.explainMismatch(expected, "e100234")).isEqualTo(MismatchCause.CASE_CHANGED);
        assertThat(Anchors.explainMismatch(expected, "E100234 ")).isEqualTo(MismatchCause.SURROUNDING_WHITESPACE);
        assertThat(Anchors.explainMismatch(expected, "E100235")).isEqualTo(MismatchCause.UNRELATED);
    }
}
