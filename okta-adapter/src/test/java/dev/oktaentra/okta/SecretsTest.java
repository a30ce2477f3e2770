package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.okta.testing.FakeApp;
import dev.oktaentra.okta.testing.FakeConnection;
import dev.oktaentra.okta.testing.FakeOktaServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API token must not leak: not in toString, not in messages or stack traces, not in the log. The log is captured
 * from System.err, where slf4j-simple writes (test resources set the adapter and the SDK to DEBUG).
 */
class SecretsTest {

    private static final String TOKEN = "00SecretTokenValue-4b1d8e2c9a7f";

    private FakeOktaServer fake;
    private PrintStream originalErr;
    private ByteArrayOutputStream captured;

    @BeforeEach
    void start() {
        fake = FakeOktaServer.start(TOKEN.toCharArray());
        fake.addApps(FakeApp.office365("0oaO365a", "A"),
                FakeApp.office365("0oaO365b", "B").withConnection(FakeConnection.UNSUPPORTED));
        originalErr = System.err;
        captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(originalErr);
        fake.close();
    }

    private String log() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static String everything(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void token_neverAppearsInTheLogOfAFullRun() {
        try (OktaProvisioning okta = connect(TOKEN)) {
            okta.apps().forEach(app -> okta.disable(app.id()));
            okta.enable("0oaO365a");
            okta.users("0oaO365a").toList();
            okta.immutableIdMapping("0oaO365a");
        }

        assertThat(log()).contains("Found 2 Office 365 app(s)").contains("deactivated").doesNotContain(TOKEN);
        assertThat(fake.requests()).as("the run talked to the org").isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("SSWS [redacted]"));
    }

    @Test
    void token_neverAppearsInToStringOrName() {
        try (OktaProvisioning okta = connect(TOKEN)) {
            assertThat(okta.toString()).isEqualTo("OktaProvisioning[" + fake.orgUrl() + ", API token]");
            assertThat(okta.name()).isEqualTo(fake.orgUrl());
        }
        assertThat(OktaCredentials.apiToken(Secret.of(TOKEN)).toString())
                .isEqualTo("OktaCredentials[API token (SSWS), redacted]");
    }

    @Test
    void token_neverAppearsInErrorsOrTheirCauses() {
        String wrong = TOKEN + "-wrong";
        List<Throwable> failures = new ArrayList<>();
        try (OktaProvisioning okta = connect(wrong)) {
            failures.add(catchIt(okta::apps));
            failures.add(catchIt(() -> okta.disable("0oaO365a")));
            failures.add(catchIt(() -> okta.users("0oaO365a").toList()));
            failures.add(catchIt(() -> okta.immutableIdMapping("0oaO365a")));
        }
        try (OktaProvisioning okta = connect(TOKEN)) {
            failures.add(catchIt(() -> okta.users("0oaMissing").toList()));
            failures.add(catchIt(() -> okta.disable("0oaMissing")));
        }
        try (OktaProvisioning okta = OktaProvisioning.connect(OktaSettings.builder().orgUrl("http://127.0.0.1:1")
                .credentials(OktaCredentials.apiToken(Secret.of(TOKEN))).allowPlaintextOnLoopback()
                .retry(TestOrgs.retry(0, new ArrayList<>())).build())) {
            failures.add(catchIt(okta::apps));
        }

        assertThat(failures).hasSize(7).allSatisfy(f -> {
            assertThat(f).isInstanceOf(OktaException.class);
            assertThat(everything(f)).doesNotContain(TOKEN);
        });
        assertThat(failures.get(0)).hasMessageContaining("HTTP 401 E0000011")
                .hasMessageContaining("check the API token");
        assertThat(failures.get(6)).hasMessageContaining("could not list the apps")
                .hasMessageContaining("Check the org URL");
        assertThat(log()).doesNotContain(TOKEN).doesNotContain(wrong);
    }

    private static Throwable catchIt(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void credentials_refuseAMissingOrBlankToken() {
        assertThatThrownBy(() -> OktaCredentials.apiToken(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> OktaCredentials.apiToken(Secret.of("abc def")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("whitespace")
                .hasMessageNotContaining("abc");
    }

    @Test
    void credentials_canBeCleared_andThenBuildNoClient() {
        char[] token = TOKEN.toCharArray();
        OktaCredentials credentials = OktaCredentials.apiToken(Secret.of(token));
        java.util.Arrays.fill(token, 'x');
        OktaSettings settings = OktaSettings.builder().orgUrl(fake.orgUrl()).credentials(credentials)
                .allowPlaintextOnLoopback().build();

        try (OktaProvisioning okta = OktaProvisioning.connect(settings)) {
            assertThat(okta.apps()).hasSize(2);
        }
        credentials.clear();
        assertThatThrownBy(() -> OktaProvisioning.connect(settings)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cleared");
    }

    private OktaProvisioning connect(String token) {
        return OktaProvisioning.connect(OktaSettings.builder().orgUrl(fake.orgUrl())
                .credentials(OktaCredentials.apiToken(Secret.of(token))).allowPlaintextOnLoopback()
                .retry(TestOrgs.retry(2, new ArrayList<>())).build());
    }
}
