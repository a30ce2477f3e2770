package dev.oktaentra.examples.cli;

import static dev.oktaentra.examples.fixtures.TenantFixture.guid;
import static dev.oktaentra.examples.fixtures.TenantFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.core.testing.CsExportFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingReportCommandTest {

    @TempDir
    Path dir;

    private Path validation;
    private Path export;

    /**
     * A validation of the exports, then a staging server's pending export of the same tenant: dee's add collides
     * with her cloud user (whose ImmutableID has the byte-order mistake), eve's update deletes the mail Okta stamped
     * and AD lacks, fay's add is expected, ann is renamed, and a group is created.
     */
    @BeforeEach
    void tenantAndExport() {
        var t = tenant().matched("ann").matched("bob").byteOrderMismatch("dee").mailOnlyInCloud("eve")
                .onPremOnly("fay");
        Path ad = t.writeOnPrem(dir.resolve("adusers.csv"));
        Path entra = t.writeCloud(dir.resolve("entrausers.csv"));
        CliResult validate = CliResult.run("validate", "--onprem", ad.toString(), "--cloud", entra.toString(),
                "--out", dir.resolve("validation").toString());
        assertThat(validate.exit()).as(validate.err()).isEqualTo(1);
        validation = dir.resolve("validation/validation.json");
        export = CsExportFile.create()
                .addUser(anchor("dee"), "dee@contoso.com")
                .deleteAttribute(anchor("eve"), "eve@contoso.com", "mail", "eve@contoso.com")
                .addUser(anchor("fay"), "fay@contoso.com")
                .rename(anchor("ann"), "Ann Example")
                .addGroup("Sales")
                .write(dir.resolve("export.xml"));
    }

    private static String anchor(String name) {
        return guid(name).toImmutableId().value();
    }

    private CliResult report(String... more) {
        List<String> args = new ArrayList<>(List.of("staging-report", export.toString(), "--out",
                dir.resolve("report").toString()));
        args.addAll(List.of(more));
        return CliResult.run(args.toArray(String[]::new));
    }

    @Test
    void json_withTheValidation_printsOneObjectStartingWithTheCountsAndExits1OnBlockingFindings() throws Exception {
        CliResult result = report("--validation", validation.toString(), "--json");

        assertThat(result.exit()).as(result.err()).isEqualTo(1);
        assertThat(result.out()).startsWith("{\n  \"adds\" : 3,\n  \"updates\" : 2,\n  \"deletes\" : 0,\n"
                + "  \"attributeDeletions\" : 1,\n  \"unexpectedAdds\" : 1,");
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("backfillCandidates").asLong()).isEqualTo(1);
        assertThat(json.get("noBlockingFindings").asBoolean()).isFalse();
        assertThat(json.at("/byObjectType/group/adds").asLong()).isEqualTo(1);
        assertThat(json.at("/byObjectType/user/adds").asLong()).isEqualTo(2);
        assertThat(json.at("/findingsByKind/UNEXPECTED_ADD").asLong()).isEqualTo(1);
        assertThat(json.at("/findingsByKind/BACKFILL_CANDIDATE").asLong()).isEqualTo(1);
        assertThat(json.get("reportFiles")).extracting(JsonNode::asText).map(p -> Path.of(p).getFileName().toString())
                .containsExactly("pending-exports.csv", "pending-export-findings.csv", "pending-exports.json",
                        "pending-exports.html");
        Path findings = dir.resolve("report/pending-export-findings.csv");
        assertThat(Files.readString(findings)).contains("UNEXPECTED_ADD").contains("dee@contoso.com")
                .contains("BACKFILL_CANDIDATE");
        assertThat(Files.readString(dir.resolve("report/pending-exports.html")))
                .contains("id=\"staging-findings-table\"").contains("Joined to the users of validation.json");
    }

    @Test
    void text_ofOneObject_speaksInTheSingular() {
        export = CsExportFile.create().addGroup("Sales").write(dir.resolve("one.xml"));

        assertThat(report().out()).startsWith("Read 1 object from " + export + " (no --validation");
    }

    @Test
    void text_withTheValidation_namesEachFindingWithItsRecommendedAction() {
        CliResult result = report("--validation", validation.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("Read 5 objects from " + export + ", joined to the users of " + validation)
                .contains("Pending: adds 3, updates 2, deletes 0")
                .contains("Findings: UNEXPECTED_ADD 1, BACKFILL_CANDIDATE 1")
                .contains("UNEXPECTED_ADD dee@contoso.com: Before leaving staging mode, set the ImmutableID")
                .contains("BACKFILL_CANDIDATE eve@contoso.com (mail): ")
                .contains("Fix the blocking findings before leaving staging mode.");
    }

    @Test
    void withoutValidation_countsButFindsNothingThatNeedsTheUsers() throws Exception {
        CliResult result = report("--json");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("adds").asLong()).isEqualTo(3);
        assertThat(json.get("unexpectedAdds").asLong()).isZero();
        assertThat(json.at("/findingsByKind/ATTRIBUTE_DELETION").asLong()).isEqualTo(1);
        assertThat(json.get("validation").isNull()).isTrue();
    }

    @Test
    void notAnExport_isAnInputErrorInOneLine() throws Exception {
        Path notXml = Files.writeString(dir.resolve("export.xml"), "<html><body>not an export</body></html>");

        CliResult result = CliResult.run("staging-report", notXml.toString(), "--out", dir.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).startsWith("oktaentra staging-report: ").contains("export.xml");
    }

    @Test
    void validationThatIsNotAValidationReport_isAnInputErrorNamingTheFile() throws Exception {
        Path other = Files.writeString(dir.resolve("plan.json"), "{\"changes\": []}");
        Path badOutcome = Files.writeString(dir.resolve("bad.json"),
                "{\"findings\": [{\"side\": \"ON_PREM\", \"outcome\": \"MATCHD\"}]}");

        CliResult noFindings = report("--validation", other.toString());
        CliResult unknownOutcome = report("--validation", badOutcome.toString());

        assertThat(noFindings.exit()).isEqualTo(2);
        assertThat(noFindings.err()).isEqualTo("oktaentra staging-report: " + other + " is not a validation report "
                + "(it has no findings list); give the validation.json written by 'oktaentra validate'\n");
        assertThat(unknownOutcome.exit()).isEqualTo(2);
        assertThat(unknownOutcome.err()).contains("bad.json, findings[0]: 'MATCHD' is not an outcome");
    }

    /** A findings list that holds something other than a finding must not end the list early, silently. */
    @Test
    void validationWhoseFindingsHoldANonObject_isAnInputErrorNamingTheEntry() throws Exception {
        String report = Files.readString(validation);
        int first = report.indexOf("\"findings\":[") + "\"findings\":[".length();
        Path tampered = Files.writeString(validation.resolveSibling("tampered.json"),
                report.substring(0, first) + "null," + report.substring(first));
        Path numbers = Files.writeString(dir.resolve("numbers.json"), "{\"findings\": [1, 2]}");

        CliResult withNull = report("--validation", tampered.toString());
        CliResult withNumbers = report("--validation", numbers.toString());

        assertThat(withNull.exit()).as(withNull.out()).isEqualTo(2);
        assertThat(withNull.errLines()).hasSize(1);
        assertThat(withNull.err()).startsWith("oktaentra staging-report: " + tampered + " is not a validation report")
                .contains("findings[0] is not a finding");
        assertThat(withNumbers.exit()).isEqualTo(2);
        assertThat(withNumbers.err()).contains("numbers.json").contains("findings[0] is not a finding");
    }

    @Test
    void validationCutShort_isAnInputErrorNamingTheFileAndLine() throws Exception {
        String report = Files.readString(validation);
        Path cut = Files.writeString(dir.resolve("cut.json"), report.substring(0, report.length() / 2));

        CliResult result = report("--validation", cut.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).startsWith("oktaentra staging-report: " + cut + " is not valid JSON at line ");
    }

    @Test
    void attributeMapping_thatIsNotAPair_isAUsageError() {
        CliResult result = report("--attribute-mapping", "mailNickname");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--attribute-mapping takes ONPREM=CLOUD");
    }
}
