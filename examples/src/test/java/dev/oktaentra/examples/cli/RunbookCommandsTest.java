package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.examples.fixtures.LoopbackTenant;
import dev.oktaentra.okta.testing.FakeApp;
import dev.oktaentra.okta.testing.FakeConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook commands end to end, as a person runs them: a configuration file naming the in-memory AD, the fake
 * Graph and the fake Okta org on loopback, the real adapters, a journal on disk, and one process per command.
 */
class RunbookCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private LoopbackTenant tenant;
    private Path config;

    @BeforeEach
    void start() {
        tenant = LoopbackTenant.start(dir, 30);
        config = tenant.writeConfig();
    }

    @AfterEach
    void stop() {
        tenant.close();
    }

    private CliResult cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(config.toString());
        return CliResult.run(tenant.secrets(), all.toArray(String[]::new));
    }

    private JsonNode json(CliResult result) throws Exception {
        return JSON.readTree(result.out());
    }

    private JsonNode status() throws Exception {
        return json(cli("status", "--json"));
    }

    private String statusOf(String step) throws Exception {
        return StreamSupport.stream(status().get("steps").spliterator(), false)
                .filter(s -> s.get("step").asText().equals(step)).findFirst().orElseThrow().get("status").asText();
    }

    @Test
    void runbook_checksPlansAppliesVerifiesAndRollsBackAgainstTheRealAdapters() throws Exception {
        CliResult fresh = cli("status");
        assertThat(fresh.exit()).isZero();
        assertThat(fresh.out()).contains("Runbook connect-server").contains("choose-topology")
                .contains("PENDING").contains("Next: oktaentra verify choose-topology --config ");

        assertThat(cli("verify", "choose-topology").exit()).isZero();
        CliResult detect = cli("verify", "detect-anchor");
        assertThat(detect.exit()).as(detect.err()).isZero();
        assertThat(detect.out()).contains("PASSED").contains("objectGUID")
                .contains("Next step: validate-anchors");

        // Dry run: the mismatch is planned, and nothing is written to Entra ID.
        CliResult plan = cli("plan", "remediate-anchors", "--json", "--out", dir.resolve("plans").toString());
        assertThat(plan.exit()).as(plan.err()).isZero();
        JsonNode planned = json(plan);
        assertThat(planned.get("changes")).hasSize(1);
        JsonNode change = planned.get("changes").get(0);
        CliResult planText = cli("status");
        assertThat(planText.out()).contains("PLANNED");
        String deeId = tenant.cloud.get("dee").id();
        String expected = tenant.onPrem.get("dee").objectGuid().toImmutableId().value();
        assertThat(change.get("target").asText()).isEqualTo(deeId);
        assertThat(change.get("attribute").asText()).isEqualTo("onPremisesImmutableId");
        assertThat(change.get("before").asText())
                .isEqualTo(LoopbackTenant.byteOrderMistake(tenant.onPrem.get("dee").objectGuid()));
        assertThat(change.get("after").asText()).isEqualTo(expected);
        assertThat(change.get("reason").asText()).contains("BYTE_ORDER").contains("dee@contoso.com");
        assertThat(tenant.graph.user(deeId).map(CloudUser::immutableId).orElseThrow().value())
                .isNotEqualTo(expected);
        assertThat(dir.resolve("plans/plan-remediate-anchors.csv")).content().contains(deeId);
        String planId = planned.get("planId").asText();
        String checksum = planned.get("checksum").asText();
        assertThat(planned.get("next").get(0).asText()).isEqualTo("oktaentra apply remediate-anchors --plan-id "
                + planId + " --checksum " + checksum + " --config " + config);

        // A checksum that is not the reviewed plan's is refused, in one line, and writes nothing.
        CliResult forged = cli("apply", "remediate-anchors", "--plan-id", planId, "--checksum", "0".repeat(64));
        assertThat(forged.exit()).isEqualTo(2);
        assertThat(forged.errLines()).hasSize(1);
        assertThat(forged.err()).startsWith("oktaentra apply: The checksum 0000");
        assertThat(tenant.graph.user(deeId).orElseThrow().immutableId().value()).isNotEqualTo(expected);

        CliResult applied = cli("apply", "remediate-anchors", "--plan-id", planId, "--checksum", checksum);
        assertThat(applied.exit()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("1 written").contains("Next:")
                .contains("oktaentra verify remediate-anchors");
        assertThat(tenant.graph.user(deeId).orElseThrow().immutableId().value()).isEqualTo(expected);
        assertThat(cli("verify", "remediate-anchors").exit()).isZero();

        // The mail Okta stamped is copied on-prem before the sync could delete it.
        JsonNode backfill = json(cli("plan", "backfill-attributes", "--json"));
        assertThat(backfill.get("changes")).hasSize(1);
        assertThat(backfill.at("/changes/0/after").asText()).isEqualTo("eve@contoso.com");
        assertThat(cli("apply", "backfill-attributes", "--plan-id", backfill.get("planId").asText(), "--checksum",
                backfill.get("checksum").asText()).exit()).isZero();
        assertThat(tenant.ad.entry(tenant.onPrem.get("eve").distinguishedName()).getAttributeValue("mail"))
                .isEqualTo("eve@contoso.com");
        assertThat(cli("verify", "backfill-attributes").exit()).isZero();

        // Okta's Office 365 app stops provisioning.
        JsonNode disable = json(cli("plan", "disable-okta-provisioning", "--json"));
        assertThat(disable.at("/changes/0/target").asText()).isEqualTo(LoopbackTenant.APP_ID);
        assertThat(cli("apply", "disable-okta-provisioning", "--plan-id", disable.get("planId").asText(),
                "--checksum", disable.get("checksum").asText()).exit()).isZero();
        assertThat(tenant.okta.app(LoopbackTenant.APP_ID).connection()).isEqualTo(FakeConnection.DISABLED);
        assertThat(statusOf("disable-okta-provisioning")).isEqualTo("APPLIED");
        assertThat(cli("verify", "disable-okta-provisioning").exit()).isZero();
        assertThat(statusOf("disable-okta-provisioning")).isEqualTo("VERIFIED");

        // Rollback plans the inverse from the journal, without a directory; applying it restores the app.
        CliResult rollback = CliResult.run(LoopbackTenant.noSecrets(), "rollback", "disable-okta-provisioning",
                "--json", "--config", config.toString());
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        JsonNode inverse = json(rollback);
        assertThat(inverse.get("rollback").asBoolean()).isTrue();
        assertThat(inverse.at("/changes/0/before").asText()).isEqualTo("DISABLED");
        assertThat(inverse.at("/changes/0/after").asText()).isEqualTo("ENABLED");
        assertThat(cli("apply", "disable-okta-provisioning", "--plan-id", inverse.get("planId").asText(),
                "--checksum", inverse.get("checksum").asText()).exit()).isZero();
        assertThat(tenant.okta.app(LoopbackTenant.APP_ID).connection()).isEqualTo(FakeConnection.ENABLED);

        // The journal reads back whole, and the status page renders every step.
        Path page = dir.resolve("status.html");
        CliResult last = cli("status", "--html", page.toString());
        assertThat(last.exit()).isZero();
        assertThat(last.out()).contains("VERIFIED").contains("Status page: " + page);
        assertThat(Files.readString(page)).contains("id=\"runbook-status\"").contains("remediate-anchors");
        assertThat(Files.readAllLines(dir.resolve("migration.journal")))
                .allSatisfy(line -> JSON.readTree(line).get("seq").asLong());
    }

    @Test
    void manualStep_isPlannedConfirmedByANamedOperatorAndShownAsApplied() throws Exception {
        CliResult plan = cli("plan", "install-connect-staging");
        assertThat(plan.exit()).isZero();
        assertThat(plan.out()).contains("A person must:").contains("mS-DS-ConsistencyGuid")
                .contains("oktaentra confirm install-connect-staging --operator NAME");
        assertThat(statusOf("install-connect-staging")).isEqualTo("WAITING_FOR_OPERATOR");

        CliResult blank = cli("confirm", "install-connect-staging", "--operator", " ", "--note", "done");
        assertThat(blank.exit()).isEqualTo(2);

        CliResult confirmed = CliResult.run(LoopbackTenant.noSecrets(), "confirm", "install-connect-staging",
                "--operator", "alice", "--note", "wizard done, staging mode on", "--config", config.toString());
        assertThat(confirmed.exit()).as(confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("Confirmed install-connect-staging by alice. Status: APPLIED.");
        assertThat(Files.readString(dir.resolve("migration.journal"))).contains("\"operator\":\"alice\"")
                .contains("wizard done, staging mode on");
    }

    @Test
    void skip_recordsWhoAndWhy() throws Exception {
        CliResult skipped = cli("skip", "analyse-staging-export", "--operator", "bob", "--reason",
                "reviewed with CSExportAnalyzer by hand");
        assertThat(skipped.exit()).isZero();
        assertThat(statusOf("analyse-staging-export")).isEqualTo("SKIPPED");
        assertThat(status().at("/steps/7/message").asText()).isEqualTo("reviewed with CSExportAnalyzer by hand");
    }

    @Test
    void apply_aboveTheThreshold_isRefusedAndNamesTheSettingThatRaisesIt() throws Exception {
        config = tenant.writeConfig("tiny.json", "{ \"maxWritesPerStep\": 1 }");
        tenant.okta.addApp(FakeApp.office365("0oa2office365", "Office 365 (EU)"));
        JsonNode both = json(cli("plan", "disable-okta-provisioning", "--json"));
        assertThat(both.get("changes")).hasSize(2);

        CliResult refused = cli("apply", "disable-okta-provisioning", "--plan-id", both.get("planId").asText(),
                "--checksum", both.get("checksum").asText());

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.err()).contains("writes 2 changes; the limit is 1 per step")
                .contains("\"maxWritesPerStep\"");
        assertThat(tenant.okta.app(LoopbackTenant.APP_ID).connection()).isEqualTo(FakeConnection.ENABLED);
    }

    @Test
    void apply_whenAValueChangedUnderneath_stopsWithExit1AndRepairClearsTheFailure() throws Exception {
        JsonNode plan = json(cli("plan", "backfill-attributes", "--json"));
        String eve = tenant.onPrem.get("eve").distinguishedName();
        tenant.ad.replace(eve, "mail", "eve.new@contoso.com");   // someone fixed it by hand meanwhile

        CliResult apply = cli("apply", "backfill-attributes", "--plan-id", plan.get("planId").asText(),
                "--checksum", plan.get("checksum").asText());

        assertThat(apply.exit()).as(apply.out() + apply.err()).isEqualTo(1);
        assertThat(apply.out()).contains("0 written").contains("CONFLICT [ON_PREM] mail of " + eve)
                .contains("nothing was overwritten");
        assertThat(tenant.ad.entry(eve).getAttributeValue("mail")).isEqualTo("eve.new@contoso.com");
        CliResult failed = cli("status");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out()).contains("FAILED").contains("Next: oktaentra repair --operator NAME");

        CliResult repair = cli("repair", "--operator", "alice");
        assertThat(repair.exit()).isZero();
        assertThat(repair.out()).contains("Cleared 1 failed change").contains("backfill-attributes: mail of " + eve);
        assertThat(cli("status").exit()).isZero();
        assertThat(cli("repair", "--operator", "alice").out()).contains("Nothing to repair");
    }

    @Test
    void journalOnlyCommands_neverAskForASecretNorContactADirectory() throws Exception {
        tenant.close();   // every server is gone
        for (String[] args : List.of(new String[] {"status"}, new String[] {"rollback", "remediate-anchors"},
                new String[] {"repair", "--operator", "alice"},
                new String[] {"skip", "backfill-attributes", "--operator", "a", "--reason", "r"})) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--config", config.toString()));
            CliResult result = CliResult.run(LoopbackTenant.noSecrets(), all.toArray(String[]::new));
            assertThat(result.exit()).as(String.join(" ", args) + ": " + result.err()).isZero();
        }
    }

    @Test
    void plan_withoutTheSecret_failsInOneLineNamingTheVariable() {
        CliResult result = CliResult.run(LoopbackTenant.noSecrets(), "plan", "remediate-anchors", "--config",
                config.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).startsWith("oktaentra plan: The environment variable OKTAENTRA_LDAP_PASSWORD "
                + "(the LDAP password of svc-sync@contoso.com) is not set, and there is no terminal to ask on");
    }

    @Test
    void plan_asksOnTheTerminalWhenTheVariableIsNotSet() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(tenant.environment());
        env.remove(LoopbackTenant.LDAP_PASSWORD_ENV);
        List<String> asked = new ArrayList<>();
        CliResult result = CliResult.run(dev.oktaentra.examples.config.Secrets.of(env::get, message -> {
            asked.add(message);
            return LoopbackTenant.LDAP_PASSWORD.toCharArray();
        }), "verify", "detect-anchor", "--config", config.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(asked).containsExactly("The LDAP password of svc-sync@contoso.com (OKTAENTRA_LDAP_PASSWORD is not "
                + "set): ");
    }

    @Test
    void unknownStep_isAUsageErrorListingTheSteps() {
        CliResult result = cli("verify", "detect-anchors");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("oktaentra verify: Runbook connect-server has no step 'detect-anchors'")
                .contains("detect-anchor");
    }

    @Test
    void secondRunAgainstTheSameJournal_isRefusedWhileTheFirstHoldsIt() throws Exception {
        try (dev.oktaentra.core.migration.Journal held = dev.oktaentra.core.migration.Journal.open(
                dir.resolve("migration.journal"), java.time.Clock.systemUTC())) {
            CliResult result = cli("skip", "backfill-attributes", "--operator", "a", "--reason", "r");

            assertThat(result.exit()).isEqualTo(2);
            assertThat(result.err()).contains("is in use by another run");
        }
    }

    @Test
    void status_readsTheJournalWhileAnotherRunHoldsIt() throws Exception {
        assertThat(cli("verify", "choose-topology").exit()).isZero();
        try (dev.oktaentra.core.migration.Journal held = dev.oktaentra.core.migration.Journal.open(
                dir.resolve("migration.journal"), java.time.Clock.systemUTC())) {
            CliResult result = cli("status");

            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.out()).contains("(1 entry)").contains("VERIFIED");
        }
    }

    @Test
    void status_leavesALastLineCutShortInPlaceAndRepairDropsIt() throws Exception {
        assertThat(cli("verify", "choose-topology").exit()).isZero();
        Path journal = dir.resolve("migration.journal");
        String torn = "{\"seq\":2,\"at\":\"20";
        Files.writeString(journal, torn, java.nio.file.StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(journal);

        CliResult status = cli("status");
        JsonNode json = status();

        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("(1 entry)").contains("VERIFIED")
                .contains("the journal's last line is cut short (" + torn.length() + " bytes)")
                .contains("the next apply or repair drops it");
        assertThat(json.get("tornTailBytes").asInt()).isEqualTo(torn.length());
        assertThat(Files.readAllBytes(journal)).isEqualTo(before);

        assertThat(cli("repair", "--operator", "alice").exit()).isZero();
        assertThat(Files.readString(journal)).doesNotContain(torn).endsWith("\n");
        assertThat(status().get("tornTailBytes").asInt()).isZero();
    }

    @Test
    void everyCommand_acceptsAJournalEndingInABlankLine() throws Exception {
        assertThat(cli("verify", "choose-topology").exit()).isZero();
        Files.writeString(dir.resolve("migration.journal"), "\n", java.nio.file.StandardOpenOption.APPEND);

        CliResult status = cli("status");
        CliResult skip = cli("skip", "backfill-attributes", "--operator", "a", "--reason", "r");

        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(skip.exit()).as(skip.err()).isZero();
        assertThat(statusOf("backfill-attributes")).isEqualTo("SKIPPED");
    }
}
