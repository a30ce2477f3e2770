package dev.oktaentra.core.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImmutableIdTest {

    private static final String DN = "CN={514635484D4B376E38307176645973555049486139513D3D}";

    @Test
    void toConnectorSpaceDn_matchesTheAdSyncToolsExample() {
        assertThat(ImmutableId.of("QF5HMK7n80qvdYsUPIHa9Q==").toConnectorSpaceDn()).isEqualTo(DN);
    }

    @Test
    void fromConnectorSpaceDn_invertsIt_inEitherCase() {
        assertThat(ImmutableId.fromConnectorSpaceDn(DN).value()).isEqualTo("QF5HMK7n80qvdYsUPIHa9Q==");
        assertThat(ImmutableId.fromConnectorSpaceDn("cn={" + DN.substring(4).toLowerCase() ).value())
                .isEqualTo("QF5HMK7n80qvdYsUPIHa9Q==");
    }

    @Test
    void connectorSpaceDn_ofAStringAnchor_roundTrips() {
        ImmutableId employee = ImmutableId.ofString("E100234");

        assertThat(employee.toConnectorSpaceDn()).isEqualTo("CN={45313030323334}");
        assertThat(ImmutableId.fromConnectorSpaceDn(employee.toConnectorSpaceDn())).isEqualTo(employee);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CN={514}", "CN={51463Z}", "OU={5146}", "CN={}", "CN={5146", "CN={FF}"})
    void fromConnectorSpaceDn_refusesMalformedDns(String dn) {
        assertThatThrownBy(() -> ImmutableId.fromConnectorSpaceDn(dn))
                .isInstanceOf(InvalidAnchorException.class)
                .hasMessageStartingWith("Not an Entra connector-space DN: '" + dn + "'");
    }

    /** UTF-8, which Entra stores, cannot encode half a surrogate pair; Java would write '?' in the DN instead. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a\ud800b | U+D800 at position 2",
        "\udc00E100 | U+DC00 at position 1",
        "E100\ud83d | U+D83D at position 5",
        "E\ude00\ud83d | U+DE00 at position 2"
    })
    void ofString_refusesAnUnpairedSurrogate(String value, String where) {
        String reason = "has an unpaired surrogate " + where;
        for (var call : java.util.List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                () -> ImmutableId.ofString(value), () -> ImmutableId.of(value),
                () -> AnchorConversion.ofStringAnchor(value), () -> Anchors.detect(value), () -> Anchors.convert(value))) {
            assertThatThrownBy(call).isInstanceOf(InvalidAnchorException.class).hasMessageContaining(reason);
        }
    }

    @Test
    void ofString_keepsASurrogatePair_andItsDnConvertsBack() {
        ImmutableId id = ImmutableId.ofString("E100\ud83d\ude00");

        assertThat(id.toConnectorSpaceDn()).isEqualTo("CN={45313030F09F9880}");
        assertThat(ImmutableId.fromConnectorSpaceDn(id.toConnectorSpaceDn())).isEqualTo(id);
        assertThat(Anchors.convert(id.value()).ldapFilterValue()).isEqualTo("E100\\f0\\9f\\98\\80");
    }

    @Test
    void fromConnectorSpaceDn_refusesAnEncodedSurrogate() {
        // ED A0 80 is U+D800 encoded as if it were a character (CESU-8), which UTF-8 does not allow.
        assertThatThrownBy(() -> ImmutableId.fromConnectorSpaceDn("CN={45EDA080}"))
                .isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("encodes bytes that are not text");
    }

    @Test
    void toObjectGuid_decodesTheBase64OfSixteenBytes() {
        assertThat(ImmutableId.of("BpazOkLGm0iEtljAONPvOQ==").toObjectGuid())
                .hasValue(ObjectGuid.parse("3ab39606-c642-489b-84b6-58c038d3ef39"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "BpazOkLGm0iEtljAONPvOQ",     // no padding
        "MsNKjF-XF0ete7pKTpaP_w==",   // URL-safe
        "BpazOkLGm0iEtljAONPvOR==",   // stray bits in the last character
        " BpazOkLGm0iEtljAONPvOQ==",  // whitespace
        "E100234",                    // a string anchor
        "AAECAwQFBgcICQoLDA0ODxA="     // 17 bytes
    })
    void toObjectGuid_isEmptyForAnythingButCanonicalSixteenByteBase64(String value) {
        assertThat(ImmutableId.of(value).toObjectGuid()).isEmpty();
    }

    @Test
    void decodeBinary_acceptsCanonicalBase64OfAnyLength() {
        assertThat(ImmutableId.of("AQID").decodeBinary()).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        assertThat(ImmutableId.of("AQ==").decodeBinary()).hasValueSatisfying(b -> assertThat(b).containsExactly(1));
        assertThat(ImmutableId.of("AR==").decodeBinary()).isEmpty();
        assertThat(ImmutableId.of("AQ=").decodeBinary()).isEmpty();
        assertThat(ImmutableId.of("A=Q=").decodeBinary()).isEmpty();
    }

    @Test
    void ofBytes_isStandardPaddedBase64() {
        assertThat(ImmutableId.ofBytes(new byte[] {(byte) 0xfb, (byte) 0xff}).value()).isEqualTo("+/8=");
    }

    @Test
    void equality_isCaseSensitive() {
        assertThat(ImmutableId.of("JohnDoe")).isNotEqualTo(ImmutableId.of("johndoe"));
        assertThat(ImmutableId.of("JohnDoe")).isEqualTo(ImmutableId.ofString("JohnDoe"));
    }

    @Test
    void toString_isTheValue() {
        assertThat(ImmutableId.of("BpazOkLGm0iEtljAONPvOQ==")).hasToString("BpazOkLGm0iEtljAONPvOQ==");
    }

    @Test
    void of_refusesNullAndEmpty() {
        assertThatThrownBy(() -> ImmutableId.of(null)).isInstanceOf(InvalidAnchorException.class);
        assertThatThrownBy(() -> ImmutableId.of("")).isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> ImmutableId.ofBytes(new byte[0])).isInstanceOf(InvalidAnchorException.class);
    }

    /**
     * {@link ImmutableId#toObjectGuid()} reads four characters a step; every position of a GUID's ImmutableID,
     * through every character up to U+03FF, decodes exactly when the character is one standard Base64 allows there (the 22nd
     * carries four bits that must be zero, the last two are the padding).
     */
    @Test
    void toObjectGuid_acceptsAtEachPositionExactlyTheCharactersThatBelongThere() {
        String id = "BpazOkLGm0iEtljAONPvOQ==";
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int at = 0; at < id.length(); at++) {
            for (char c = 0; c < 0x400; c++) {
                String text = id.substring(0, at) + c + id.substring(at + 1);
                boolean belongs = at >= 22 ? c == '='
                        : at == 21 ? alphabet.indexOf(c) >= 0 && (alphabet.indexOf(c) & 0xf) == 0
                        : alphabet.indexOf(c) >= 0;
                assertThat(ImmutableId.of(text).toObjectGuid()).as("%s", text).isEqualTo(belongs
                        ? Optional.of(ObjectGuid.of(Base64.getDecoder().decode(text)))
                        : Optional.empty());
            }
        }
    }
}
