package dev.oktaentra.examples.cli;

import static dev.oktaentra.examples.fixtures.TenantFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.examples.fixtures.TenantFixture;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private Path ad;
    private Path entra;

    private CliResult validate(TenantFixture tenant, String... more) {
        ad = tenant.writeOnPrem(dir.resolve("adusers.csv"));
        entra = tenant.writeCloud(dir.resolve("entrausers.csv"));
        List<String> args = new ArrayList<>(List.of("validate", "--onprem", ad.toString(), "--cloud",
                entra.toString(), "--out", dir.resolve("report").toString()));
        args.addAll(List.of(more));
        return CliResult.run(args.toArray(String[]::new));
    }

    private static TenantFixture troubled() {
        return tenant().matched("ann").matched("bob").byteOrderMismatch("dee").softMatchOnly("eve")
                .onPremOnly("fay").cloudOrphan("gus");
    }

    @Test
    void validate_json_printsExactlyOneObjectWithCountsCausesAndReportFiles() throws Exception {
        CliResult result = validate(troubled(), "--json");

        assertThat(result.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(result.out());  // the whole of stdout is one document
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields.subList(0, 3)).containsExactly("counts", "causes", "reportFiles");
        for (MatchOutcome outcome : MatchOutcome.values()) {
            assertThat(json.get("counts").has(outcome.name())).as(outcome.name()).isTrue();
        }
        assertThat(json.at("/counts/MATCHED").asLong()).isEqualTo(2);
        assertThat(json.at("/counts/ANCHOR_MISMATCH").asLong()).isEqualTo(1);
        assertThat(json.at("/counts/SOFT_MATCH_ONLY").asLong()).isEqualTo(1);
        assertThat(json.at("/counts/ONPREM_ONLY").asLong()).isEqualTo(1);
        assertThat(json.at("/counts/CLOUD_ONLY").asLong()).isEqualTo(1);
        assertThat(json.at("/causes/BYTE_ORDER").asLong()).isEqualTo(1);
        assertThat(json.get("causes").has(MismatchCause.NONE.name())).isFalse();
        assertThat(json.get("needsAttention").asBoolean()).isTrue();
        List<Path> files = new ArrayList<>();
        json.get("reportFiles").forEach(f -> files.add(Path.of(f.asText())));
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("validation.csv", "validation.json", "validation.html");
        assertThat(files).allSatisfy(f -> assertThat(f).isAbsolute().isNotEmptyFile());
    }

    /**
     * The --json document, written with Jackson's streaming generator, is byte for byte what data binding wrote for
     * the same fields: the summary's fields as the record's JSON has them, indented as before.
     */
    @Test
    void validate_json_isTheDocumentDataBindingWouldPrint() throws Exception {
        CliResult result = validate(troubled(), "--json");

        ObjectMapper mapper = new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature
                .INDENT_OUTPUT);
        JsonNode summary = mapper.readTree(dir.resolve("report/validation.json").toFile()).get("summary");
        com.fasterxml.jackson.databind.node.ObjectNode expected = mapper.createObjectNode();
        expected.set("counts", summary.get("counts"));
        expected.set("causes", summary.get("causes"));
        com.fasterxml.jackson.databind.node.ArrayNode files = expected.putArray("reportFiles");
        for (String name : List.of("validation.csv", "validation.json", "validation.html")) {
            files.add(dir.resolve("report").resolve(name).toAbsolutePath().normalize().toString());
        }
        expected.put("needsAttention", true);
        expected.putNull("emptySide");
        for (String field : List.of("total", "anchor", "engine", "syncFeatures", "syncFeaturesSource",
                "adminRoleSoftMatches", "adminRoleHardMatches", "hardMatchBlocks", "softMatchBlocks",
                "scopeExclusions", "uniquenessConflicts", "prediction", "warnings")) {
            expected.set(field, summary.get(field));
        }
        assertThat(result.out()).isEqualTo(mapper.writeValueAsString(expected) + System.lineSeparator());
    }

    @Test
    void validate_writesReportsThatAgreeWithTheSummary() throws Exception {
        validate(troubled(), "--json");

        Path report = dir.resolve("report");
        JsonNode json = new ObjectMapper().readTree(report.resolve("validation.json").toFile());
        assertThat(json.at("/summary/counts/ANCHOR_MISMATCH").asLong()).isEqualTo(1);
        assertThat(Files.readAllLines(report.resolve("validation.csv"))).hasSize(1 + 6);
        assertThat(Files.readString(report.resolve("validation.html")))
                .contains("Validation: adusers.csv against entrausers.csv").contains("id=\"findings-data\"");
    }

    @Test
    void validate_aCloudExportWithoutUsers_needsAttentionNamingTheEmptySide() throws Exception {
        CliResult text = validate(tenant().onPremOnly("ann").onPremOnly("bob"));
        CliResult json = validate(tenant().onPremOnly("ann").onPremOnly("bob"), "--json");

        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("Needs attention: The cloud side (entrausers.csv) yielded no users");
        assertThat(json.exit()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(json.out()).get("emptySide").asText())
                .startsWith("The cloud side (entrausers.csv) yielded no users");
    }

    @Test
    void validate_text_printsASummaryAndWhatNeedsAttention() {
        CliResult result = validate(troubled());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("Validated 6 objects: adusers.csv (on-prem) against entrausers.csv (cloud), "
                + "anchor mS-DS-ConsistencyGuid.")
                .contains("Target: Entra Connect Sync, source anchor mS-DS-ConsistencyGuid (objectGUID where it is "
                        + "empty); tenant features not read from the tenant")
                .containsPattern("ANCHOR_MISMATCH\\s+1\\s+BYTE_ORDER 1")
                .contains("Staging prediction: adds 1, conflicting adds 1, updates 3, deletes 0, attribute deletions 0, "
                        + "users whose takeover changes what they see 0.")
                .contains("Needs attention: ANCHOR_MISMATCH 1; ONPREM_ONLY 1; CLOUD_ONLY 1; 1 object whose UPN or "
                        + "address another cloud user holds (AttributeValueMustBeUnique).")
                .contains("validation.html");
    }

    @Test
    void validate_text_speaksOfOneInTheSingular() {
        CliResult result = validate(tenant().mailOnlyInCloud("ann"));

        assertThat(result.out()).contains("Validated 1 object: adusers.csv (on-prem)")
                .contains("Needs attention: 1 user would lose a cloud attribute that on-prem lacks; 1 user would see "
                        + "the takeover change their UPN, mail, display name or aliases.");
    }

    @Test
    void validate_cleanTenant_exits0() {
        CliResult result = validate(tenant().matched("ann").softMatchOnly("eve"));

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Nothing needs attention.");
    }

    /** Issue 16: validate checks the anchor Connect will compute as the runbook installs it. */
    @Test
    void validate_defaultsToConnectsAnchor_andObjectGuidStaysForAnOperatorWhoPicksIt() throws Exception {
        JsonNode byDefault = new ObjectMapper().readTree(validate(tenant().matched("ann"), "--json").out());
        JsonNode objectGuid = new ObjectMapper().readTree(validate(tenant().matched("ann"), "--anchor",
                "objectGUID", "--json").out());

        assertThat(byDefault.get("anchor").asText()).isEqualTo("mS-DS-ConsistencyGuid");
        assertThat(byDefault.get("engine").asText()).startsWith("Entra Connect Sync");
        assertThat(objectGuid.get("anchor").asText()).isEqualTo("objectGUID");
        assertThat(objectGuid.at("/counts/MATCHED").asLong()).isEqualTo(1);
    }

    @Test
    void validate_aStaleConsistencyGuid_isAnAnchorMismatchCountedUnderCauses() throws Exception {
        CliResult result = validate(tenant().matched("ann").staleConsistencyGuid("bea"), "--json");
        CliResult asObjectGuid = validate(tenant().matched("ann").staleConsistencyGuid("bea"), "--anchor",
                "objectGUID", "--json");

        assertThat(result.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.at("/counts/ANCHOR_MISMATCH").asLong()).isEqualTo(1);
        assertThat(json.at("/causes/CONSISTENCY_GUID_DIFFERS").asLong()).isEqualTo(1);
        assertThat(json.at("/prediction/conflictingAdds").asLong()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(asObjectGuid.out()).at("/counts/MATCHED").asLong()).isEqualTo(2);
    }

    @Test
    void validate_anExportWithoutTheConsistencyGuidColumn_readsItAsEmptyAndWarns() throws Exception {
        ad = Files.writeString(dir.resolve("adusers.csv"), "DistinguishedName,UserPrincipalName,SamAccountName,"
                + "ObjectGUID,mail,proxyAddresses\n\"CN=ann,OU=Staff,DC=contoso,DC=com\",\"ann@contoso.com\",\"ann\",\""
                + TenantFixture.guid("ann") + "\",\"\",\"\"\n");
        entra = tenant().matched("ann").writeCloud(dir.resolve("entrausers.csv"));

        CliResult text = CliResult.run("validate", "--onprem", ad.toString(), "--cloud", entra.toString(), "--out",
                dir.resolve("report").toString());
        CliResult json = CliResult.run("validate", "--onprem", ad.toString(), "--cloud", entra.toString(), "--out",
                dir.resolve("report").toString(), "--json");

        assertThat(text.out()).contains("Warning: adusers.csv does not provide mS-DS-ConsistencyGuid");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.at("/counts/MATCHED").asLong()).isEqualTo(1);
        assertThat(root.get("warnings")).anySatisfy(w -> assertThat(w.asText())
                .startsWith("adusers.csv does not provide mS-DS-ConsistencyGuid"));
    }

    @Test
    void validate_aPairOnlyTheUpnFinds_needsSoftMatchOnUpn_givenAsAnOption() throws Exception {
        CliResult assumedOff = validate(tenant().softMatchOnlyByUpn("eve"), "--json");
        CliResult givenOn = validate(tenant().softMatchOnlyByUpn("eve"), "--sync-feature", "softMatchOnUpnEnabled",
                "--json");

        JsonNode off = new ObjectMapper().readTree(assumedOff.out());
        assertThat(assumedOff.exit()).isEqualTo(1);
        assertThat(off.at("/softMatchBlocks/SOFT_MATCH_ON_UPN_OFF").asLong()).isEqualTo(1);
        assertThat(off.at("/prediction/conflictingAdds").asLong()).isEqualTo(1);
        JsonNode on = new ObjectMapper().readTree(givenOn.out());
        assertThat(givenOn.exit()).isZero();
        assertThat(on.at("/syncFeatures/softMatchOnUpnEnabled").asBoolean()).isTrue();
        assertThat(on.at("/prediction/updates").asLong()).isEqualTo(1);
    }

    @Test
    void validate_unknownSyncFeatureOrEngine_isAnInputErrorNamingTheAcceptedValues() {
        CliResult feature = validate(troubled(), "--sync-feature", "softMatch");
        CliResult engine = validate(troubled(), "--engine", "dirsync");
        CliResult cloudSyncWithObjectGuid = validate(troubled(), "--engine", "cloud-sync", "--anchor", "objectGUID");

        assertThat(feature.exit()).isEqualTo(2);
        assertThat(feature.err()).contains("--sync-feature must be one of blockSoftMatchEnabled");
        assertThat(engine.err()).contains("--engine must be connect-sync or cloud-sync, got 'dirsync'");
        assertThat(cloudSyncWithObjectGuid.err()).contains("Entra cloud sync chooses its source anchor by itself");
    }

    @Test
    void validate_mailOnlyInTheCloud_needsAttention() throws Exception {
        CliResult result = validate(tenant().mailOnlyInCloud("ann"), "--json");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(result.out()).at("/prediction/attributeDeletions").asLong())
                .isEqualTo(1);
    }

    @Test
    void validate_stringAnchor_pairsByEmployeeId() throws Exception {
        TenantFixture tenant = tenant().onPremUser("ann", "ann@contoso.com", "", "E100")
                .cloudUser("ann", "E100", "ann@contoso.com", "");

        CliResult result = validate(tenant, "--anchor", "attr:employeeID", "--json");

        assertThat(result.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.at("/counts/MATCHED").asLong()).isEqualTo(1);
        assertThat(json.get("anchor").asText()).isEqualTo("attr:employeeID");
    }

    @Test
    void validate_unknownAnchor_isAUsageErrorNamingTheAcceptedForms() {
        CliResult result = validate(troubled(), "--anchor", "objectSid");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()[0]).startsWith("oktaentra validate: ").contains("objectSid")
                .contains("attr:NAME");
    }

    @Test
    void validate_missingFile_failsInOneLineWithoutAStackTrace() {
        CliResult result = CliResult.run("validate", "--onprem", dir.resolve("nope.csv").toString(), "--cloud",
                dir.resolve("nope2.csv").toString(), "--out", dir.resolve("report").toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).startsWith("oktaentra validate: nope.csv: does not exist");
    }

    @Test
    void validate_swappedExports_sayWhatTheFileLooksLikeAndWhichOptionTakesIt() {
        TenantFixture tenant = troubled();
        Path onPrem = tenant.writeOnPrem(dir.resolve("adusers.csv"));
        Path cloud = tenant.writeCloud(dir.resolve("entrausers.csv"));

        CliResult result = CliResult.run("validate", "--onprem", cloud.toString(), "--cloud", onPrem.toString(),
                "--out", dir.resolve("report").toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()[0]).startsWith("oktaentra validate: entrausers.csv: lacks the column(s) "
                + "DistinguishedName, ObjectGUID").contains("this looks like a Get-MgUser export of Entra ID users")
                .contains("--cloud");
        assertThat(result.err()).contains("Get-ADUser -Filter *");
    }

    @Test
    void detectAnchor_anOnPremExportAsTheCloudOne_saysItLooksLikeAGetAdUserExport() {
        Path onPrem = troubled().writeOnPrem(dir.resolve("adusers.csv"));

        CliResult result = CliResult.run("detect-anchor", "--onprem", onPrem.toString(), "--cloud",
                onPrem.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()[0]).startsWith("oktaentra detect-anchor: adusers.csv: lacks the column(s) Id, "
                + "OnPremisesImmutableId").contains("this looks like a Get-ADUser export of on-premises users")
                .contains("--onprem");
    }

    @Test
    void validate_aColumnNamedTwice_isAnInputErrorNamingBoth() throws Exception {
        Path onPrem = dir.resolve("adusers.csv");
        Files.writeString(onPrem, "DistinguishedName,UserPrincipalName,ObjectGUID,UPN\r\n\"CN=ann,DC=x\","
                + "ann@contoso.com," + TenantFixture.guid("ann") + ",other@contoso.com\r\n");
        Path cloud = tenant().matched("ann").writeCloud(dir.resolve("entrausers.csv"));

        CliResult result = CliResult.run("validate", "--onprem", onPrem.toString(), "--cloud", cloud.toString(),
                "--out", dir.resolve("report").toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("oktaentra validate: adusers.csv: has two columns for "
                + "UserPrincipalName: 'UserPrincipalName' (column 2) and 'UPN' (column 4); keep one and export "
                + "again, so that nothing has to guess which holds the value");
        assertThat(dir.resolve("report")).doesNotExist();
    }

    /** validation.csv is what a script reads to fix anchors: about one ImmutableID in 64 starts with '+'. */
    @Test
    void validate_csvHoldsImmutableIdsStartingWithPlusByteForByte() throws Exception {
        TenantFixture tenant = tenant();
        List<String> names = new ArrayList<>();
        for (int i = 0; names.size() < 4; i++) {
            String name = "user" + i;
            if (TenantFixture.byteOrderMistake(name).startsWith("+")) {
                names.add(name);
                tenant.byteOrderMismatch(name);
            }
        }
        int plusMatched = 0;
        for (int i = 0; plusMatched < 4; i++) {
            String name = "match" + i;
            if (TenantFixture.guid(name).toImmutableId().value().startsWith("+")) {
                plusMatched++;
                names.add(name);
                tenant.matched(name);
            }
        }

        CliResult result = validate(tenant);

        assertThat(result.exit()).as(result.err()).isEqualTo(1);
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(dir.resolve("report/validation.csv"))) {
            in.skip(1);
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(in).getRecords();
        }
        assertThat(rows).hasSize(8);
        for (CSVRecord row : rows) {
            String name = row.get("UserPrincipalName").replace("@contoso.com", "");
            assertThat(row.get("ExpectedImmutableId")).isEqualTo(TenantFixture.guid(name).toImmutableId().value());
            assertThat(row.get("CloudImmutableId")).isEqualTo(name.startsWith("user")
                    ? TenantFixture.byteOrderMistake(name) : TenantFixture.guid(name).toImmutableId().value());
            assertThat(row.get("ObjectGUID")).isEqualTo(TenantFixture.guid(name).toString());
        }
    }

    @Test
    void validate_debug_addsTheStackTrace() {
        CliResult result = CliResult.run("--debug", "validate", "--onprem", dir.resolve("nope.csv").toString(),
                "--cloud", dir.resolve("nope2.csv").toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("oktaentra validate: nope.csv: does not exist")
                .contains("ExportFileException").contains("\tat dev.oktaentra.core.export.");
    }

    @Test
    void validate_missingOptions_isAUsageError() {
        CliResult result = CliResult.run("validate", "--onprem", "adusers.csv");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("oktaentra validate: Missing required option: '--cloud=FILE'")
                .contains("Try 'oktaentra validate --help'.");
    }

    @Test
    void validate_outIsAFile_failsInOneLine() throws Exception {
        Path notADir = Files.writeString(dir.resolve("taken"), "x");

        Path ad = troubled().writeOnPrem(dir.resolve("adusers.csv"));
        Path entra = troubled().writeCloud(dir.resolve("entrausers.csv"));

        CliResult result = CliResult.run("validate", "--onprem", ad.toString(), "--cloud", entra.toString(),
                "--out", notADir.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).isEqualTo("oktaentra validate: already exists, and is not a folder: " + notADir
                + System.lineSeparator());
    }
}
