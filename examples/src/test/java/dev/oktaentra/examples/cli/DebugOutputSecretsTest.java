package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.examples.fixtures.FakeEntraSignIn;
import dev.oktaentra.examples.fixtures.LoopbackTenant;
import dev.oktaentra.examples.fixtures.SelfSignedCertificate;
import dev.oktaentra.okta.OktaCredentials;
import dev.oktaentra.okta.testing.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --debug} turns every logger to DEBUG, the HTTP stacks' included, and yet no secret reaches any output: the
 * CLI runs in a JVM of its own (logging is set up once per JVM, so only a fresh one shows what the executable jar
 * prints), signs in to the fake Okta with an API token and with a private key, and to the fake Graph through the fake
 * Entra sign-in with a client secret, a PFX certificate and a PEM certificate; every byte of stdout, stderr and the
 * files it wrote is searched for every secret planted, for the tokens the fakes issued and for anything shaped like
 * a JWT (the signed {@code client_assertion}s).
 */
class DebugOutputSecretsTest {

    private static final String TENANT_ID = "contoso.onmicrosoft.com";
    private static final String GRAPH_APP = "11111111-2222-3333-4444-555555555555";
    private static final String OKTA_APP = "0oaServiceApp";
    private static final String CLIENT_SECRET = "Graph~Client.Secret-Jq4Wm8-never-shown";
    private static final String WRONG_CLIENT_SECRET = "Graph~Wrong.Secret-Pv2Xc6-never-shown";
    private static final String WRONG_OKTA_TOKEN = "00wrong-okta-token-Tb5Rn1-never-shown";
    private static final String PFX_PASSWORD = "Pfx-Pa55-Lw3Ze7-never-shown";
    private static final String CLIENT_SECRET_ENV = "OKTAENTRA_GRAPH_CLIENT_SECRET";
    private static final String PFX_PASSWORD_ENV = "OKTAENTRA_GRAPH_PFX_PASSWORD";
    private static final String OKTA_KEY_ENV = "OKTAENTRA_OKTA_PRIVATE_KEY";
    /** A JWT: header and claims are Base64url JSON objects, so both start with {@code eyJ}. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.");
    /** A line of HttpClient's {@code headers} or {@code wire} logger: {@code headers - http-outgoing-0 >> Accept…}. */
    private static final Pattern WIRE_LOG = Pattern.compile("(?:headers|wire) - http-outgoing-\\d+ (?:>>|<<).*");

    @TempDir
    Path dir;

    private LoopbackTenant tenant;
    private FakeEntraSignIn entra;
    private SelfSignedCertificate oktaKey;
    private SelfSignedCertificate graphCertificate;
    private final StringBuilder seen = new StringBuilder();

    @BeforeEach
    void start() throws IOException {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        tenant = LoopbackTenant.start(Files.createDirectories(dir.resolve("tenant")), 5);
        entra = FakeEntraSignIn.start(keys, TENANT_ID, GRAPH_APP).acceptSecret(CLIENT_SECRET);
        oktaKey = SelfSignedCertificate.generate(keys.resolve("okta-app.p12"), "okta-app-key", "okta app", null);
        graphCertificate = SelfSignedCertificate.generate(keys.resolve("graph-app.pfx"), PFX_PASSWORD, "graph app",
                null);
        entra.acceptCertificate(graphCertificate.certificate().getPublicKey());
        tenant.okta.registerServiceApp(OKTA_APP, oktaKey.certificate().getPublicKey(),
                OktaCredentials.DEFAULT_SCOPES);
    }

    @AfterEach
    void stop() {
        try (LoopbackTenant t = tenant; FakeEntraSignIn e = entra) {
            // closes both
        }
    }

    @Test
    void apiTokenAndAccessToken_withDebug_printNoSecret() throws Exception {
        Path config = tenant.writeConfig();

        String plan = run(config, environment(), "--debug", "plan", "disable-okta-provisioning");
        Map<String, String> wrong = environment();
        wrong.put(LoopbackTenant.OKTA_TOKEN_ENV, WRONG_OKTA_TOKEN);
        // Asking for the header and wire loggers by name does not turn them on either.
        String refused = run(config, wrong, List.of("-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.headers"
                + "=debug", "-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire=trace"),
                "--debug", "plan", "disable-okta-provisioning");

        assertThat(plan).contains("DEBUG").contains(LoopbackTenant.APP_ID);
        assertThat(refused).contains("DEBUG").contains("E0000011");
        assertThat(tenant.okta.requests()).extracting(RecordedRequest::authorization).contains("SSWS [redacted]");
        assertNoSecretAnywhere();
    }

    @Test
    void privateKeyAndClientSecret_withDebug_printNoSecretAndNoAssertion() throws Exception {
        Path config = tenant.writeConfig("oktaentra.json", options(), graph("""
                "auth": "clientSecret", "tenantId": "%s", "clientId": "%s", "clientSecretEnv": "%s",
                """.formatted(TENANT_ID, GRAPH_APP, CLIENT_SECRET_ENV)), """
                { "orgUrl": "%s", "auth": "privateKey", "clientId": "%s", "keyId": "kid-1",
                  "privateKeyEnv": "%s", "allowPlainHttpOnLoopback": true }""".formatted(tenant.okta.orgUrl(),
                OKTA_APP, OKTA_KEY_ENV));

        String plan = run(config, environment(), "--debug", "plan", "disable-okta-provisioning");
        run(config, environment(), "--debug", "verify", "detect-anchor");
        Map<String, String> wrong = environment();
        wrong.put(CLIENT_SECRET_ENV, WRONG_CLIENT_SECRET);
        run(config, wrong, "--debug", "verify", "detect-anchor");

        assertThat(plan).contains("DEBUG").contains(LoopbackTenant.APP_ID);
        assertThat(tenant.okta.requests()).extracting(RecordedRequest::path).contains("/oauth2/v1/token");
        assertThat(entra.granted()).contains("client_secret");
        assertThat(tenant.graph.requests()).isNotEmpty();
        assertNoSecretAnywhere();
    }

    @Test
    void pfxAndPemCertificates_withDebug_printNoSecretAndNoAssertion() throws Exception {
        Path pem = graphCertificate.writePem(dir.resolve("keys").resolve("graph-app.pem"));
        for (Path certificate : List.of(graphCertificate.pkcs12(), pem)) {
            int before = entra.granted().size();
            Path config = tenant.writeConfig("oktaentra.json", options(), graph("""
                    "auth": "certificate", "tenantId": "%s", "clientId": "%s", "certificate": "%s",
                    "certificatePasswordEnv": "%s",
                    """.formatted(TENANT_ID, GRAPH_APP, certificate.toString().replace("\\", "\\\\"),
                    PFX_PASSWORD_ENV)), tenant.oktaConfig());
            String verify = run(config, environment(), "--debug", "verify", "detect-anchor");
            assertThat(verify).contains("DEBUG");
            assertThat(entra.granted()).as("signed in with " + certificate.getFileName()).hasSizeGreaterThan(before);
        }

        assertThat(entra.granted()).containsOnly("client_assertion");
        assertThat(tenant.graph.requests()).isNotEmpty();
        assertNoSecretAnywhere();
    }

    private String graph(String auth) {
        return "{ " + auth + " \"authorityHost\": \"" + entra.authorityHost() + "\", \"baseUrl\": \""
                + tenant.graph.baseUrl() + "\", \"allowPlaintext\": true, \"maxRetries\": 0 }";
    }

    private static String options() {
        return "{ \"anchor\": \"objectGUID\", \"topology\": { \"objectCount\": 40 } }";
    }

    /** Every secret a person would set, in the environment where the CLI reads them. */
    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(tenant.environment());
        env.put(CLIENT_SECRET_ENV, CLIENT_SECRET);
        env.put(PFX_PASSWORD_ENV, PFX_PASSWORD);
        env.put(OKTA_KEY_ENV, oktaKey.privateKeyPem());
        return env;
    }

    private List<String> secrets() {
        List<String> all = new ArrayList<>(tenant.secretValues());
        all.addAll(List.of(CLIENT_SECRET, WRONG_CLIENT_SECRET, WRONG_OKTA_TOKEN, PFX_PASSWORD,
                oktaKey.privateKeyLine(), graphCertificate.privateKeyLine(), FakeEntraSignIn.TOKEN_SIGNATURE,
                // the prefix of every access token the fake Okta issues
                "fake-access-"));
        return all;
    }

    private void assertNoSecretAnywhere() throws IOException {
        String everything = seen + String.join("\n", tenant.filesText());
        for (String secret : secrets()) {
            assertThat(everything).as("a secret in the output or the files").doesNotContain(secret);
        }
        assertThat(JWT.matcher(everything).results().map(m -> m.group()).toList()).as("JWTs in the output")
                .isEmpty();
        // Not merely redacted: HttpClient's header and wire loggers printed nothing at all.
        assertThat(WIRE_LOG.matcher(everything).results().map(m -> m.group()).toList()).as("wire and header logs")
                .isEmpty();
    }

    private String run(Path config, Map<String, String> environment, String... args) throws Exception {
        return run(config, environment, List.of(), args);
    }

    /** The CLI in a JVM of its own, secrets in its environment, trusting the fake Entra sign-in's certificate. */
    private String run(Path config, Map<String, String> environment, List<String> jvmOptions, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djavax.net.ssl.trustStore=" + entra.trustStore(),
                "-Djavax.net.ssl.trustStorePassword=" + entra.trustStorePassword(),
                "-Djavax.net.ssl.trustStoreType=PKCS12"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        seen.append(String.join(" ", args)).append('\n').append(output);
        return output;
    }
}
