package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.examples.fixtures.LoopbackTenant;
import dev.oktaentra.okta.testing.FakeConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that landed although its answer was lost, end to end through the CLI and the real adapters: {@code apply}
 * counts it as written, the journal records it, and {@code rollback} plans its inverse.
 */
class LostAnswerCommandsTest {

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

    private JsonNode applyLatest(String step) throws Exception {
        JsonNode plan = JSON.readTree(cli("plan", step, "--json").out());
        CliResult applied = cli("apply", step, "--plan-id", plan.get("planId").asText(), "--checksum",
                plan.get("checksum").asText(), "--json");
        assertThat(applied.exit()).as(applied.out() + applied.err()).isZero();
        return JSON.readTree(applied.out());
    }

    @Test
    void remediation_whoseGraphAnswerIsLost_isWrittenJournaledAndRolledBack() throws Exception {
        CliResult detect = cli("verify", "detect-anchor");
        assertThat(detect.exit()).as(detect.out() + detect.err()).isZero();
        tenant.graph.loseAnswers("PATCH", "/users/", dev.oktaentra.graph.testing.LostAnswer.CONNECTION_RESET, 10);

        JsonNode applied = applyLatest("remediate-anchors");

        assertThat(applied.get("applied").asInt()).isEqualTo(1);
        assertThat(applied.get("failures")).isEmpty();
        String deeId = tenant.cloud.get("dee").id();
        String expected = tenant.onPrem.get("dee").objectGuid().toImmutableId().value();
        assertThat(tenant.graph.user(deeId).orElseThrow().immutableId().value()).isEqualTo(expected);
        JsonNode rollback = JSON.readTree(cli("rollback", "remediate-anchors", "--json").out());
        assertThat(rollback.get("changes")).singleElement().satisfies(c -> {
            assertThat(c.get("target").asText()).isEqualTo(deeId);
            assertThat(c.get("before").asText()).isEqualTo(expected);
        });
    }

    @Test
    void disableOkta_whoseDeactivateAnswerIsLost_isWrittenAndJournaled() throws Exception {
        tenant.okta.loseAnswers("POST", "/api/v1/apps/" + LoopbackTenant.APP_ID
                + "/connections/default/lifecycle/deactivate", dev.oktaentra.okta.testing.LostAnswer.CONNECTION_RESET,
                1);

        JsonNode applied = applyLatest("disable-okta-provisioning");

        assertThat(applied.get("applied").asInt()).isEqualTo(1);
        assertThat(tenant.okta.app(LoopbackTenant.APP_ID).connection()).isEqualTo(FakeConnection.DISABLED);
        assertThat(JSON.readTree(cli("rollback", "disable-okta-provisioning", "--json").out()).get("changes"))
                .hasSize(1);
    }
}
