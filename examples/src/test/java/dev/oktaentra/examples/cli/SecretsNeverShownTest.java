package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.examples.config.Secrets;
import dev.oktaentra.examples.fixtures.LoopbackTenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets a configuration names reach the directories and nothing else: not stdout, not stderr (not even with
 * {@code --debug} and a stack trace), not the journal, not a plan or report file. In-process, {@code --debug} shows
 * stack traces but cannot change the log level (SLF4J Simple was set up before); {@link DebugOutputSecretsTest} runs
 * the CLI in JVMs of its own to search the debug log itself.
 */
class SecretsNeverShownTest {

    /** Wrong secrets are secrets too: a failed sign-in must not echo what was tried. */
    private static final String WRONG_PASSWORD = "Wrong-Pa55-Qm3sX8-never-shown";
    private static final String WRONG_OKTA_TOKEN = "00wrong-okta-token-Hy6Kd2-never-shown";

    @TempDir
    Path dir;

    private LoopbackTenant tenant;
    private Path config;
    private final StringBuilder seen = new StringBuilder();

    @BeforeEach
    void start() {
        tenant = LoopbackTenant.start(dir, 30);
        config = tenant.writeConfig();
    }

    @AfterEach
    void stop() {
        tenant.close();
    }

    private CliResult cli(Secrets secrets, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString()));
        CliResult result = CliResult.run(secrets, all.toArray(String[]::new));
        seen.append(result.out()).append(result.err());
        return result;
    }

    private List<String> secrets() {
        List<String> all = new ArrayList<>(tenant.secretValues());
        all.addAll(List.of(WRONG_PASSWORD, WRONG_OKTA_TOKEN));
        return all;
    }

    @Test
    void aWholeRunAndItsFailures_neverShowASecretAnywhere() throws Exception {
        Secrets secrets = tenant.secrets();
        ObjectMapper json = new ObjectMapper();
        cli(secrets, "status");
        assertThat(cli(secrets, "verify", "detect-anchor").exit()).isZero();
        JsonNode plan = json.readTree(cli(secrets, "plan", "remediate-anchors", "--json", "--out",
                dir.resolve("plans").toString()).out());
        assertThat(cli(secrets, "apply", "remediate-anchors", "--plan-id", plan.get("planId").asText(),
                "--checksum", plan.get("checksum").asText()).exit()).isZero();
        JsonNode disable = json.readTree(cli(secrets, "plan", "disable-okta-provisioning", "--json").out());
        assertThat(cli(secrets, "apply", "disable-okta-provisioning", "--plan-id", disable.get("planId").asText(),
                "--checksum", disable.get("checksum").asText()).exit()).isZero();
        cli(secrets, "verify", "disable-okta-provisioning");
        cli(secrets, "rollback", "remediate-anchors", "--out", dir.resolve("plans").toString());
        cli(secrets, "status", "--out", dir.resolve("report").toString());

        Map<String, String> wrongLdap = new HashMap<>(tenant.environment());
        wrongLdap.put(LoopbackTenant.LDAP_PASSWORD_ENV, WRONG_PASSWORD);
        CliResult badBind = cli(Secrets.of(wrongLdap::get, null), "--debug", "verify", "detect-anchor");
        assertThat(badBind.exit()).isEqualTo(2);
        assertThat(badBind.err()).contains("at dev.oktaentra");   // --debug: the stack trace is there

        Map<String, String> wrongOkta = new HashMap<>(tenant.environment());
        wrongOkta.put(LoopbackTenant.OKTA_TOKEN_ENV, WRONG_OKTA_TOKEN);
        CliResult badToken = cli(Secrets.of(wrongOkta::get, null), "--debug", "verify", "disable-okta-provisioning");
        assertThat(badToken.exit()).isNotZero();

        String everything = seen + String.join("\n", tenant.filesText());
        assertThat(everything).contains("remediate-anchors");   // the scan read what was there
        for (String secret : secrets()) {
            assertThat(everything).as("a secret in the output or the files").doesNotContain(secret);
        }
    }

    @Test
    void theRealEnvironment_reachesTheDirectoriesAndNotTheOutputOfAChildProcess() throws Exception {
        Process ok = child(tenant.environment(), "--debug", "verify", "detect-anchor");
        String okOutput = output(ok);
        Map<String, String> wrong = new HashMap<>(tenant.environment());
        wrong.put(LoopbackTenant.LDAP_PASSWORD_ENV, WRONG_PASSWORD);
        Process failing = child(wrong, "--debug", "plan", "remediate-anchors");
        String failingOutput = output(failing);

        assertThat(ok.exitValue()).as(okOutput).isZero();
        assertThat(okOutput).contains("PASSED");
        assertThat(failing.exitValue()).as(failingOutput).isEqualTo(2);
        assertThat(failingOutput).contains("oktaentra plan: ").contains("at dev.oktaentra");
        String everything = okOutput + failingOutput + String.join("\n", tenant.filesText());
        for (String secret : secrets()) {
            assertThat(everything).doesNotContain(secret);
        }
    }

    /** The CLI in a JVM of its own, with the secrets in its real environment and nothing on the command line. */
    private Process child(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", config.toString()));
        assertThat(String.join(" ", command)).doesNotContain(LoopbackTenant.LDAP_PASSWORD);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String output(Process process) throws Exception {
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return text;
    }
}
