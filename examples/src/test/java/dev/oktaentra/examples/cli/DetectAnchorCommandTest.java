package dev.oktaentra.examples.cli;

import static dev.oktaentra.examples.fixtures.TenantFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.examples.fixtures.TenantFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectAnchorCommandTest {

    @TempDir
    Path dir;

    private CliResult detect(TenantFixture tenant, String... more) {
        Path ad = tenant.writeOnPrem(dir.resolve("adusers.csv"));
        Path entra = tenant.writeCloud(dir.resolve("entrausers.csv"));
        String[] args = new String[3 + 2 + more.length];
        args[0] = "detect-anchor";
        args[1] = "--onprem";
        args[2] = ad.toString();
        args[3] = "--cloud";
        args[4] = entra.toString();
        System.arraycopy(more, 0, args, 5, more.length);
        return CliResult.run(args);
    }

    @Test
    void detectAnchor_everyImmutableIdExplained_printsTheSentenceAndExits0() {
        CliResult result = detect(tenant().matched("ann").matched("bob").matched("cy"));

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("objectGUID explains 100.0% of 3 cloud ImmutableIDs (3).")
                .contains("--anchor objectGUID").contains("100.0%");
    }

    @Test
    void detectAnchor_oneCloudUser_speaksInTheSingular() {
        // employeeID is the one candidate that explains nothing.
        CliResult result = detect(tenant().onPremUser("ann", TenantFixture.upn("ann"), "", "E100")
                .cloudUser("ann", TenantFixture.guid("ann").toImmutableId().value(), TenantFixture.upn("ann"), ""));

        assertThat(result.out()).startsWith("objectGUID explains 100.0% of 1 cloud ImmutableID (1).")
                .contains("(1 other candidate explains none)");
    }

    @Test
    void detectAnchor_someUnexplained_diagnosesThemAndExits1() {
        CliResult result = detect(tenant().matched("ann").matched("bob").matched("cy").byteOrderMismatch("dee"));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("explains 75.0% of 4 cloud ImmutableIDs (3); the other 1: BYTE_ORDER 1.");
    }

    /** Issue 16: users whose mS-DS-ConsistencyGuid differs are the ones Connect would present by another GUID. */
    @Test
    void detectAnchor_countsTheUsersWhoseConsistencyGuidDiffersFromTheirObjectGuid() throws Exception {
        TenantFixture tenant = tenant().matched("ann").staleConsistencyGuid("bea").staleConsistencyGuid("cy");

        CliResult text = detect(tenant);
        JsonNode json = new ObjectMapper().readTree(detect(tenant, "--json").out());

        assertThat(text.out()).contains("2 on-prem users carry an mS-DS-ConsistencyGuid that differs from their "
                + "objectGUID");
        assertThat(json.get("consistencyGuidDiffers").asLong()).isEqualTo(2);
        assertThat(json.get("winner").asText()).isEqualTo("objectGUID");
    }

    @Test
    void detectAnchor_json_printsTheRankingAndTheDiagnosis() throws Exception {
        CliResult result = detect(tenant().matched("ann").byteOrderMismatch("dee"), "--json");

        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("winner").asText()).isEqualTo("objectGUID");
        assertThat(json.get("cloudAnchors").asLong()).isEqualTo(2);
        assertThat(json.at("/ranking/0/anchor").asText()).isEqualTo("objectGUID");
        assertThat(json.at("/ranking/0/explained").asLong()).isEqualTo(1);
        assertThat(json.at("/unexplainedByCause/BYTE_ORDER").asLong()).isEqualTo(1);
        assertThat(json.get("description").asText()).startsWith("objectGUID explains 50.0%");
    }

    @Test
    void detectAnchor_cloudExportMissingItsImmutableIdColumn_failsInOneLineNamingTheFile() throws Exception {
        Path ad = tenant().matched("ann").writeOnPrem(dir.resolve("adusers.csv"));
        Path entra = java.nio.file.Files.writeString(dir.resolve("entrausers.csv"), "Id,UserPrincipalName\n1,a@b\n");

        CliResult result = CliResult.run("detect-anchor", "--onprem", ad.toString(), "--cloud", entra.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()[0]).startsWith("oktaentra detect-anchor: entrausers.csv: lacks the column(s) ")
                .contains("OnPremisesImmutableId");
        assertThat(result.err()).doesNotContain("\tat ").contains("Get-MgUser");
    }
}
