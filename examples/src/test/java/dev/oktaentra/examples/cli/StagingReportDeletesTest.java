package dev.oktaentra.examples.cli;

import static dev.oktaentra.examples.fixtures.TenantFixture.guid;
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

/**
 * {@code staging-report} and pending deletes: Microsoft's tutorial asks to "Verify no pending deletions in the
 * export" and to "Record objects pending deletion and their on-premises values"; Entra Connect stops an export with
 * more deletes than its threshold (500 by default: "configured to not allow an export with more than 500 deletes").
 */
class StagingReportDeletesTest {

    @TempDir
    Path dir;

    private Path export;

    /** Two leavers' user deletes and one add. */
    @BeforeEach
    void export() {
        export = CsExportFile.create().deleteUser(anchor("lea"), "lea@contoso.com")
                .deleteUser(anchor("leo"), "leo@contoso.com").addUser(anchor("new"), "new@contoso.com")
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

    private Path reviewed(String... names) throws Exception {
        StringBuilder text = new StringBuilder("# reviewed with HR\n");
        for (String name : names) {
            text.append(anchor(name)).append('\n');
        }
        return Files.writeString(dir.resolve("reviewed-leavers.txt"), text);
    }

    @Test
    void json_carriesTheDefaultThresholdOf500_andUnreviewedDeletesExit1() throws Exception {
        CliResult result = report("--json");

        assertThat(result.exit()).as(result.err()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("deletionThreshold").toString()).isEqualTo("{\"limit\":500,\"deletes\":2,"
                + "\"exceeded\":false}");
        assertThat(json.get("unexpectedDeletes").asLong()).isEqualTo(2);
        assertThat(json.get("reviewedDeletes").asLong()).isZero();
        assertThat(json.at("/findingsByKind/UNEXPECTED_DELETE").asLong()).isEqualTo(2);
        assertThat(json.get("reviewedLeavers").isNull()).isTrue();
        JsonNode file = new ObjectMapper().readTree(dir.resolve("report/pending-exports.json").toFile());
        assertThat(file.get("deletionThreshold")).isEqualTo(json.get("deletionThreshold"));
    }

    @Test
    void reviewedLeavers_listTheirDeletesAsReviewed_andExit0() throws Exception {
        Path reviewed = reviewed("lea", "leo");

        CliResult result = report("--reviewed-leavers", reviewed.toString(), "--json");

        assertThat(result.exit()).as(result.out()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("reviewedDeletes").asLong()).isEqualTo(2);
        assertThat(json.get("unexpectedDeletes").asLong()).isZero();
        assertThat(json.at("/findingsByKind/REVIEWED_DELETE").asLong()).isEqualTo(2);
        assertThat(json.get("noBlockingFindings").asBoolean()).isTrue();
        assertThat(json.get("reviewedLeavers").asText()).isEqualTo(reviewed.toAbsolutePath().normalize().toString());
        assertThat(Files.readString(dir.resolve("report/pending-export-findings.csv")))
                .contains("REVIEWED_DELETE").contains("lea@contoso.com").contains("leo@contoso.com");
    }

    /** The page's example: more pending deletes than the threshold, so "no objects were exported". */
    @Test
    void deletionThreshold_belowTheDeletes_exits1AndSaysConnectStopsTheWholeExport() throws Exception {
        CliResult json = report("--reviewed-leavers", reviewed("lea", "leo").toString(), "--deletion-threshold", "1",
                "--json");
        CliResult text = report("--reviewed-leavers", reviewed("lea", "leo").toString(), "--deletion-threshold", "1");

        assertThat(json.exit()).as(json.err()).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("deletionThreshold").toString()).isEqualTo("{\"limit\":1,\"deletes\":2,\"exceeded\":true}");
        assertThat(root.at("/findingsByKind/DELETION_THRESHOLD_EXCEEDED").asLong()).isEqualTo(1);
        assertThat(root.get("noBlockingFindings").asBoolean()).isFalse();
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("Deletion threshold: 2 deletes, more than the threshold of 1: Entra Connect "
                + "would stop this export before deleting anything, and export nothing at all (1 add included).")
                .contains("DELETION_THRESHOLD_EXCEEDED (the whole export): Explain every pending delete first")
                .contains("Fix the blocking findings before leaving staging mode.");
    }

    @Test
    void text_withinTheThreshold_saysSoAndNamesEachDelete() {
        CliResult result = report();

        assertThat(result.out()).contains("Deletion threshold: 2 deletes, within the threshold of 500.")
                .contains("UNEXPECTED_DELETE lea@contoso.com: Find why the object left the sync scope");
    }

    @Test
    void aGroupDelete_isAFindingThatNoReviewAccepts() throws Exception {
        export = CsExportFile.create().deleteGroup(anchor("sales"), "Sales").write(dir.resolve("group.xml"));
        Path reviewed = reviewed("sales");

        CliResult result = report("--reviewed-leavers", reviewed.toString(), "--json");

        assertThat(result.exit()).as(result.err()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.at("/findingsByKind/UNEXPECTED_DELETE").asLong()).isEqualTo(1);
        assertThat(json.at("/byObjectType/group/deletes").asLong()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("report/pending-export-findings.csv")))
                .contains("A delete of group 'Sales'").contains("only users can be reviewed as leavers");
    }

    @Test
    void deletionThreshold_belowOne_isAUsageError() {
        CliResult result = report("--deletion-threshold", "0");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("oktaentra staging-report: --deletion-threshold must be at least 1, "
                + "got 0\n");
    }

    @Test
    void reviewedLeavers_thatCannotBeRead_isAnInputErrorNamingFileAndLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.txt"), anchor("lea") + "\nCN=Leo,OU=Staff,DC=contoso,DC=com\n");

        CliResult result = report("--reviewed-leavers", bad.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).startsWith("oktaentra staging-report: Cannot read the reviewed leavers " + bad
                + ", line 2: 'CN=Leo,OU=Staff,DC=contoso,DC=com' is an on-prem DN");
    }
}
