package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        try (OktaProvisioning okta = OktaProvisioning.builder().orgUrl(fake.orgUrl())
                .apiToken(TOKEN.toCharArray()).allowPlainHttpOnLoopback().build()) {
            var result = okta.apply(okta.planDisable());
            okta.verify(result.plan());
            okta.rollback(result);
            okta.users("0oaO365a").toList();
            okta.immutableIdMapping("0oaO365a");
        }

        assertThat(log()).contains("Found 2 Office 365 app(s)").contains("deactivated").doesNotContain(TOKEN);
        assertThat(fake.requests()).as("the run talked to the org").isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("SSWS [redacted]"));
    }

    @Test
    void token_neverAppearsInToStringOrName() {
        try (OktaProvisioning okta = OktaProvisioning.builder().orgUrl(fake.orgUrl())
                .apiToken(TOKEN.toCharArray()).allowPlainHttpOnLoopback().build()) {
            assertThat(okta.toString()).isEqualTo("OktaProvisioning[" + fake.orgUrl() + ", API token]");
            assertThat(okta.name()).isEqualTo(fake.orgUrl());
        }
        assertThat(OktaCredentials.apiToken(TOKEN.toCharArray()).toString())
                .isEqualTo("OktaCredentials[API token (SSWS), redacted]");
    }

    @Test
    void token_neverAppearsInErrorsOrTheirCauses() {
        String wrong = TOKEN + "-wrong";
        List<Throwable> failures = new ArrayList<>();
        try (OktaProvisioning okta = OktaProvisioning.builder().orgUrl(fake.orgUrl()).apiToken(wrong.toCharArray())
                .allowPlainHttpOnLoopback().build()) {
            failures.add(catchIt(okta::apps));
            failures.add(catchIt(() -> okta.disable("0oaO365a")));
            failures.add(catchIt(() -> okta.users("0oaO365a").toList()));
            failures.add(catchIt(() -> okta.immutableIdMapping("0oaO365a")));
        }
        try (OktaProvisioning okta = OktaProvisioning.builder().orgUrl(fake.orgUrl())
                .apiToken(TOKEN.toCharArray()).allowPlainHttpOnLoopback().build()) {
            failures.add(catchIt(() -> okta.users("0oaMissing").toList()));
            failures.add(catchIt(() -> okta.disable("0oaMissing")));
        }
        try (OktaProvisioning okta = OktaProvisioning.builder().orgUrl("http://127.0.0.1:1")
                .apiToken(TOKEN.toCharArray()).allowPlainHttpOnLoopback().maxRetries(0).build()) {
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
        assertThatThrownBy(() -> OktaCredentials.apiToken(new char[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> OktaCredentials.apiToken("abc def".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whitespace")
                .hasMessageNotContaining("abc");
    }

    @Test
    void credentials_copyTheTokenAndCanBeWiped() {
        char[] token = TOKEN.toCharArray();
        OktaCredentials credentials = OktaCredentials.apiToken(token);
        java.util.Arrays.fill(token, 'x');

        try (OktaProvisioning okta = OktaProvisioning.builder().orgUrl(fake.orgUrl()).credentials(credentials)
                .allowPlainHttpOnLoopback().build()) {
            assertThat(okta.apps()).hasSize(2);
        }
        credentials.wipe();
        assertThatThrownBy(() -> OktaProvisioning.builder().orgUrl(fake.orgUrl()).credentials(credentials)
                .allowPlainHttpOnLoopback().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wiped");
    }
}
