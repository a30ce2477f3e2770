package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The second line of defence: the forms in which HTTP stacks and their messages print credentials. */
class SecretRedactionTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIwb2FTZXJ2aWNlQXBwIn0.c2lnbmF0dXJlLXNlY3JldA";

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // HttpClient 5's header and wire loggers
        "http-outgoing-0 >> Authorization: SSWS 00okta-token-Zr8Vt3Lp | http-outgoing-0 >> Authorization: [redacted]",
        "http-outgoing-0 >> \"Authorization: SSWS 00okta-token-Zr8Vt3Lp[\\r][\\n]\" "
                + "| http-outgoing-0 >> \"Authorization: [redacted][\\r][\\n]\"",
        // JSON and Map.toString
        "`{\"Authorization\":\"Bearer abc.def.ghi\",\"Accept\":\"application/json\"}` "
                + "| `{\"Authorization\":\"[redacted]\",\"Accept\":\"application/json\"}`",
        "headers={authorization=[Bearer abcdefghijklmnop], accept=[json]} "
                + "| headers={authorization=[[redacted]], accept=[json]}",
        // token request forms and queries
        "grant_type=client_credentials&client_secret=Graph~Secret.value&scope=x "
                + "| grant_type=client_credentials&client_secret=[redacted]&scope=x",
        "client_assertion_type=urn%3Aietf&client_assertion=abc.def.ghi&client_id=0oa1 "
                + "| client_assertion_type=urn%3Aietf&client_assertion=[redacted]&client_id=0oa1",
        "GET /callback?access_token=abc123&state=s | GET /callback?access_token=[redacted]&state=s",
        "`{\"access_token\":\"opaque value\",\"token_type\":\"Bearer\",\"expires_in\":3599}` "
                + "| `{\"access_token\":\"[redacted]\",\"token_type\":\"Bearer\",\"expires_in\":3599}`",
        "trustStorePassword=Pa55 keyStorePassword: Pa66 | trustStorePassword=[redacted] keyStorePassword: [redacted]",
        "`refresh_token: \"x y z\"` | `refresh_token: \"[redacted]\"`",
        // schemes anywhere in a message
        "sent SSWS 00okta-token-Zr8Vt3Lp-never to 127.0.0.1 | sent SSWS [redacted] to 127.0.0.1",
        "with Bearer abcdefghijklmnopqrstu. | with Bearer [redacted]",
        // a JWT on its own
        "assertion " + JWT + " rejected | assertion [redacted] rejected",
        "one line -----BEGIN PRIVATE KEY-----\\nMIIEv\\n-----END PRIVATE KEY----- end "
                + "| one line [redacted private key] end"})
    void line_hidesCredentials(String line, String shown) {
        assertThat(new SecretRedaction().line(line)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "oktaentra plan: the Okta API token (OKTAENTRA_OKTA_TOKEN is not set)",
        "Bearer tokens are held to their scopes",
        "HTTP 403 Authorization_RequestDenied: Insufficient privileges to complete the operation.",
        "cloud.graph.clientSecretEnv: OKTAENTRA_GRAPH_CLIENT_SECRET is not a variable name",
        "DEBUG GraphDirectory - Graph client for 127.0.0.1 signing in with access token [redacted]",
        "Step detect-anchor (Find the attribute Okta put into ImmutableID, CHECK): PASSED"})
    void line_leavesOrdinaryTextAlone(String line) {
        assertThat(new SecretRedaction().line(line)).isEqualTo(line);
    }

    @Test
    void line_dropsEveryLineOfAPemPrivateKey() {
        SecretRedaction redaction = new SecretRedaction();

        assertThat(redaction.line("key: -----BEGIN RSA PRIVATE KEY-----")).isEqualTo("key: [redacted private key]");
        assertThat(redaction.line("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7")).isEqualTo("[redacted]");
        assertThat(redaction.line("-----END RSA PRIVATE KEY----- after")).isEqualTo("[redacted]  after");
        assertThat(redaction.line("MIIB certificate text")).isEqualTo("MIIB certificate text");
    }

    @Test
    void librariesStream_redactsALinePrintedInPiecesWithFlushesBetween() throws Exception {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        RedactingOutputStream libraries = new RedactingOutputStream(target, StandardCharsets.UTF_8, false);
        PrintStream err = new PrintStream(libraries, true, StandardCharsets.UTF_8);

        err.print("DEBUG headers - >> Authorization: SS");
        err.print("WS 00okta-token-");
        err.println("Zr8Vt3Lp – ünïcode");
        for (char c : "client_secret=abc&x=1\r\n".toCharArray()) {
            err.write(c);
        }
        err.print("left without a line break, token=abc");
        libraries.drain();

        assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo("DEBUG headers - >> Authorization: [redacted]\n"
                + "client_secret=[redacted]&x=1\r\n" + "left without a line break, token=[redacted]");
    }

    @Test
    void cliStream_showsProgressDrawnInPlaceOnFlush() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new RedactingOutputStream(target, StandardCharsets.UTF_8, true), true,
                StandardCharsets.UTF_8);

        err.print("\rReading users: 1000");
        err.flush();
        String drawn = target.toString(StandardCharsets.UTF_8);
        err.print("\rReading users: 2000\n");

        assertThat(drawn).isEqualTo("\rReading users: 1000");
        assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo("\rReading users: 1000\rReading users: 2000\n");
    }
}
