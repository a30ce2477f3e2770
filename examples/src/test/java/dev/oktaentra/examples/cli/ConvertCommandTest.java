package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConvertCommandTest {

    private static final String GUID = "3ab39606-c642-489b-84b6-58c038d3ef39";
    private static final String IMMUTABLE_ID = "BpazOkLGm0iEtljAONPvOQ==";

    @Test
    void convert_printsEveryFormOfAGuidAsATable() {
        CliResult result = CliResult.run("convert", GUID);

        assertThat(result.exit()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("read as              GUID")
                .contains("ImmutableID          " + IMMUTABLE_ID)
                .contains("0696b33a42c69b4884b658c038d3ef39")
                .contains("\\06\\96\\b3\\3a\\42\\c6\\9b\\48\\84\\b6\\58\\c0\\38\\d3\\ef\\39")
                .contains("CN={4270617A4F6B4C476D306945746C6A414F4E50764F513D3D}");
    }

    @Test
    void convert_json_printsOneObjectPerValueWithExactlyTheDocumentedFields() throws Exception {
        CliResult result = CliResult.run("convert", "--json", IMMUTABLE_ID, "E1234");

        assertThat(result.exit()).isZero();
        JsonNode array = new ObjectMapper().readTree(result.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        for (JsonNode node : array) {
            List<String> fields = new ArrayList<>();
            node.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("input", "format", "objectGuid", "immutableId", "hex",
                    "ldapFilterValue", "connectorSpaceDn", "warnings");
            assertThat(node.get("warnings").isArray()).isTrue();
            assertThat(node.get("warnings")).isEmpty();
        }
        JsonNode guid = array.get(0);
        assertThat(guid.get("input").asText()).isEqualTo(IMMUTABLE_ID);
        assertThat(guid.get("format").asText()).isEqualTo("BASE64_GUID");
        assertThat(guid.get("objectGuid").asText()).isEqualTo(GUID);
        assertThat(guid.get("hex").asText()).isEqualTo("0696b33a42c69b4884b658c038d3ef39");
        JsonNode string = array.get(1);
        assertThat(string.get("format").asText()).isEqualTo("STRING");
        assertThat(string.get("immutableId").asText()).isEqualTo("E1234");
        assertThat(string.get("objectGuid").isNull()).isTrue();
        assertThat(string.get("hex").isNull()).isTrue();
    }

    @Test
    void convert_thirtyTwoBareHexDigits_printsTheWarningInJson() throws Exception {
        CliResult result = CliResult.run("convert", "--json", "0696b33a42c69b4884b658c038d3ef39");

        assertThat(result.exit()).isZero();
        JsonNode node = new ObjectMapper().readTree(result.out()).get(0);
        assertThat(node.get("objectGuid").asText()).isEqualTo("0696b33a-42c6-9b48-84b6-58c038d3ef39");
        assertThat(node.get("warnings")).hasSize(1);
        assertThat(node.get("warnings").get(0).asText()).contains("\"N\" format").contains(GUID)
                .contains("0x0696b33a42c69b4884b658c038d3ef39");
    }

    @Test
    void convert_thirtyTwoBareHexDigits_printsAWarningLineInTheTable() {
        CliResult result = CliResult.run("convert", "0696b33a42c69b4884b658c038d3ef39");

        assertThat(result.exit()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines().filter(line -> line.startsWith("warning ")))
                .singleElement().asString().contains("they denote " + GUID);
        assertThat(CliResult.run("convert", GUID).out()).doesNotContain("warning");
    }

    @Test
    void convert_unreadableValue_printsOneLineNamingItAndNothingOnStdout() {
        CliResult result = CliResult.run("convert", "--json", GUID, "\\06\\96\\b");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).startsWith("oktaentra convert: Not LDAP-escaped bytes: '\\06\\96\\b'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3ab39606-c642-489b-84b6-58c038d3ef3", "{3ab39606-c642-489b-84b6-58c038d3ef39",
        "BpazOkLGm0iEtljAONPvOQ=", "0696b33a42c69b4884b658c038d3ef3",
        "CN={4270617A4F6B4C476D306945746C6A414F4E50764F513D3D", " E1234", " ",
        "3ab39606-c642-489b-84b6-58c038d3ef3g", "3ab39606-c642-489b-84b6-58cO38d3ef39",
        "{3ab39606-c642-489b-84b6-58c038d3ef3g}", "\ufeffE1234", "E1234\u00a0"})
    void convert_valueThatLooksLikeAMistypedBinaryForm_isRefused(String value) {
        CliResult result = CliResult.run("convert", value);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).startsWith("oktaentra convert: Not ").contains("--as-string")
                .doesNotContain("ofStringAnchor");
    }

    @Test
    void convert_guidWithALetterForADigit_namesItsPosition() {
        CliResult result = CliResult.run("convert", "3ab39606-c642-489b-84b6-58cO38d3ef39");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("oktaentra convert: Not a GUID: "
                + "'3ab39606-c642-489b-84b6-58cO38d3ef39' has 'O' at position 28, where a hex digit belongs "
                + "(use --as-string if it really is a string anchor)");
    }

    @Test
    void convert_truncatedGuid_saysWhatIsOff() {
        CliResult result = CliResult.run("convert", "3ab39606-c642-489b-84b6-58c038d3ef3");

        assertThat(result.err()).contains("'3ab39606-c642-489b-84b6-58c038d3ef3'").contains("31 hex digits");
    }

    @Test
    void convert_asString_acceptsAValueThatOnlyLooksMistyped() throws Exception {
        CliResult result = CliResult.run("convert", "--as-string", "--json", "1234-5678-9abc",
                "3ab39606-c642-489b-84b6-58c038d3ef3g");

        assertThat(result.exit()).isZero();
        JsonNode array = new ObjectMapper().readTree(result.out());
        assertThat(array.get(0).get("immutableId").asText()).isEqualTo("1234-5678-9abc");
        assertThat(array.get(1).get("immutableId").asText()).isEqualTo("3ab39606-c642-489b-84b6-58c038d3ef3g");
    }

    @Test
    void convert_withoutValues_isAUsageError() {
        CliResult result = CliResult.run("convert");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("oktaentra convert: Missing required parameter")
                .contains("Try 'oktaentra convert --help'.");
    }
}
