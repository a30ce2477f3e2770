package dev.oktaentra.examples.cli;

import static dev.oktaentra.examples.fixtures.TenantFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.examples.config.Secrets;
import dev.oktaentra.examples.fixtures.TenantFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration of PowerShell exports: the checks run, nothing can be written, and the CLI says so up front. */
class ReadOnlyConfigTest {

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void exports() throws Exception {
        TenantFixture t = tenant().matched("ann").matched("bob").matched("cy").mailOnlyInCloud("eve");
        t.writeOnPrem(dir.resolve("adusers.csv"));
        t.writeCloud(dir.resolve("entrausers.csv"));
        config = Files.writeString(dir.resolve("exports.json"), """
                { "runbook": "cloud-sync", "journal": "m.journal",
                  "onPrem": { "csv": "adusers.csv" }, "cloud": { "csv": "entrausers.csv" } }
                """);
    }

    private CliResult cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        return CliResult.run(Secrets.of(name -> null, null), all);
    }

    @Test
    void checks_runOnExportsWithoutAnySecret() {
        CliResult detect = cli("verify", "detect-anchor");

        assertThat(detect.exit()).as(detect.err()).isZero();
        assertThat(detect.out()).contains("PASSED");
    }

    @Test
    void apply_ofAPlanThatWritesOnPrem_isRefusedBeforeAnythingIsJournaled() throws Exception {
        JsonNode plan = new ObjectMapper().readTree(cli("plan", "backfill-attributes", "--json").out());
        assertThat(plan.get("changes")).hasSize(1);
        long before = Files.readAllLines(dir.resolve("m.journal")).size();

        CliResult apply = cli("apply", "backfill-attributes", "--plan-id", plan.get("planId").asText(), "--checksum",
                plan.get("checksum").asText());

        assertThat(apply.exit()).isEqualTo(2);
        assertThat(apply.errLines()).hasSize(1);
        assertThat(apply.err()).contains("writes to ON_PREM, but in " + config + " onPrem is a read-only export; "
                + "name Active Directory in onPrem.ldap to write on-prem. Nothing was written");
        assertThat(Files.readAllLines(dir.resolve("m.journal"))).hasSize((int) before);
    }

    @Test
    void plan_ofAStepThatNeedsOkta_namesTheConfigurationFile() {
        CliResult plan = cli("plan", "disable-okta-provisioning");

        assertThat(plan.exit()).isEqualTo(2);
        assertThat(plan.err()).isEqualTo("oktaentra plan: Step disable-okta-provisioning needs the identity "
                + "provider (Okta), which this migration was not given; name it in " + config + "\n");
    }
}
