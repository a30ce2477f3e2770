package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.migration.Topology;
import dev.oktaentra.examples.config.MigrationConfig;
import dev.oktaentra.examples.config.Secrets;
import dev.oktaentra.examples.rehearsal.CliConfiguration;
import dev.oktaentra.examples.rehearsal.EmbeddedEnvironment;
import dev.oktaentra.examples.rehearsal.Rehearsal;
import dev.oktaentra.examples.rehearsal.Scenario;
import dev.oktaentra.examples.rehearsal.SeededTenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rehearse --keep-running}: the configuration file it writes is read by the CLI's own loader, and
 * {@code status}, {@code plan} and {@code apply} drive the running embedded tenant with it, secrets from the
 * environment file it says how to load.
 */
class RehearseKeepRunningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void cliConfiguration_drivesTheRunningTenantThroughStatusPlanAndApply() throws Exception {
        try (EmbeddedEnvironment env = EmbeddedEnvironment.start(Scenario.forUsers(Scenario.MIN_USERS, 3))) {
            CliConfiguration written = CliConfiguration.write(env, Topology.CONNECT_SERVER, 600, dir);

            assertThat(written.config()).isEqualTo(dir.resolve(CliConfiguration.CONFIG));
            MigrationConfig config = MigrationConfig.read(written.config());
            assertThat(config.runbookName()).isEqualTo("connect-server");
            assertThat(config.options().maxWritesPerStep()).isEqualTo(600);
            assertThat(String.join("\n", config.describe()))
                    .contains("localhost:" + env.activeDirectory().ldapsPort())
                    .contains(env.graph().baseUrl()).contains(env.okta().orgUrl());
            assertThat(Files.readString(written.config())).doesNotContain(secretsOf(written).values()
                    .toArray(String[]::new));
            Secrets secrets = Secrets.of(secretsOf(written)::get, null);

            CliResult status = CliResult.run(secrets, "status", "--config", written.config().toString());
            assertThat(status.exit()).as(status.out() + status.err()).isZero();
            assertThat(status.out()).contains("Runbook connect-server").contains("PENDING");

            CliResult detect = CliResult.run(secrets, "verify", "detect-anchor", "--config",
                    written.config().toString());
            assertThat(detect.exit()).as(detect.out() + detect.err()).isZero();

            CliResult plan = CliResult.run(secrets, "plan", "remediate-anchors", "--json", "--config",
                    written.config().toString());
            assertThat(plan.exit()).as(plan.err()).isZero();
            JsonNode planned = JSON.readTree(plan.out());
            SeededTenant seeded = env.seeded();
            // The planted mismatches and the stale mS-DS-ConsistencyGuid.
            assertThat(planned.get("changes")).hasSize(seeded.anchorMismatches().size() + 1);

            CliResult apply = CliResult.run(secrets, "apply", "remediate-anchors", "--plan-id",
                    planned.get("planId").asText(), "--checksum", planned.get("checksum").asText(), "--config",
                    written.config().toString());
            assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
            for (SeededTenant.PlantedMismatch m : seeded.anchorMismatches()) {
                assertThat(env.graph().user(m.cloudId()).map(CloudUser::immutableId).orElseThrow().value())
                        .isEqualTo(m.expected());
            }
        }
    }

    @Test
    void keepRunningNoRun_startsTheServersWritesTheConfigAndWaitsWithoutRunningTheRunbook() throws Exception {
        Path out = dir.resolve("report");
        PipedOutputStream enter = new PipedOutputStream();
        InputStream stdin = System.in;
        StringWriter printed = new StringWriter();
        StringWriter errors = new StringWriter();
        System.setIn(new PipedInputStream(enter));
        try {
            CompletableFuture<Integer> rehearse = CompletableFuture.supplyAsync(() -> Main.run(
                    new PrintWriter(printed, true), new PrintWriter(errors, true), "rehearse", "--users", "300",
                    "--keep-running", "--no-run", "--out", out.toString()));
            Path config = awaitConfig(printed, rehearse);

            assertThat(config).isEqualTo(out.resolve(CliConfiguration.CONFIG).toAbsolutePath());
            assertThat(printed.toString()).contains("set -a; . ").contains(CliConfiguration.SECRETS)
                    .contains("oktaentra status --config " + config)
                    .doesNotContain("Dry run: every step planned");
            assertThat(out.resolve(Rehearsal.JOURNAL)).doesNotExist();
            Secrets secrets = Secrets.of(readEnvironmentFile(out.resolve(CliConfiguration.SECRETS))::get, null);
            CliResult status = CliResult.run(secrets, "status", "--json", "--config", config.toString());
            assertThat(status.exit()).as(status.err()).isZero();
            assertThat(JSON.readTree(status.out()).get("steps")).allSatisfy(s -> assertThat(s.get("status").asText())
                    .isIn("PENDING", "WAITING_FOR_OPERATOR"));
            CliResult detect = CliResult.run(secrets, "verify", "detect-anchor", "--config", config.toString());
            assertThat(detect.exit()).as(detect.out() + detect.err()).isZero();

            enter.write('\n');
            enter.flush();
            assertThat(rehearse.get(30, TimeUnit.SECONDS)).as(printed + errors.toString()).isZero();
        } finally {
            System.setIn(stdin);
            enter.close();
        }
        assertThat(errors.toString()).isEmpty();
    }

    @Test
    void noRunWithoutKeepRunning_saysWhatItNeedsAndExits2() {
        CliResult result = CliResult.run("rehearse", "--no-run", "--out", dir.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("oktaentra rehearse: --no-run needs --keep-running: without a rehearsal "
                + "the servers are only of use while they keep running" + System.lineSeparator());
        assertThat(dir).isEmptyDirectory();
    }

    /** Waits until the command says where the configuration is, or ends. */
    private static Path awaitConfig(StringWriter printed, CompletableFuture<Integer> rehearse) throws Exception {
        Pattern written = Pattern.compile("Configuration for the CLI: (.+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = written.matcher(printed.toString());
            if (m.find() && printed.toString().contains("Press Enter")) {
                return Path.of(m.group(1).strip());
            }
            if (rehearse.isDone()) {
                throw new AssertionError("rehearse ended (" + rehearse.get() + ") before waiting: " + printed);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("rehearse never said where its configuration is: " + printed);
    }

    private static Map<String, String> secretsOf(CliConfiguration written) throws IOException {
        return readEnvironmentFile(written.secrets());
    }

    /** {@code NAME=value} lines, as {@code set -a; . FILE} reads them (values are never quoted here). */
    private static Map<String, String> readEnvironmentFile(Path file) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertThat(env).containsOnlyKeys(CliConfiguration.VARIABLES);
        return env;
    }
}
