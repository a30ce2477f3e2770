package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.identity.ClientSecretCredentialBuilder;
import dev.oktaentra.core.settings.RetryPolicy;
import dev.oktaentra.graph.testing.FakeTokenEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sign-in that fails (a refused client secret, an authority that cannot be reached) is one
 * {@link GraphSignInException} saying so, why, and what to check, in one line, and is never taken for a missing
 * permission. The real azure-identity, MSAL and OkHttp stack signs in against a loopback token endpoint.
 */
class GraphSignInTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String CLIENT = "7c0e1b7a-1d3c-4b8e-9d7e-2f1a3b4c5d6e";
    private static final String SECRET = "Wrong~Secret.7f3c1e0b9d";

    @TempDir
    Path dir;
    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    /** The credential azure-identity builds for an app's client secret, at {@code authority}, retrying once. */
    private static TokenCredential clientSecret(String authority, HttpClient http) {
        ClientSecretCredentialBuilder builder = new ClientSecretCredentialBuilder().authorityHost(authority)
                .disableInstanceDiscovery().tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET).maxRetry(1);
        return (http == null ? builder : builder.httpClient(http)).build();
    }

    private static HttpClient trusting(FakeTokenEndpoint endpoint) {
        return endpoint.trustingHttpClient();
    }

    private GraphDirectory connect(TokenCredential credential) {
        return GraphDirectory.connect(GraphSettings.builder().baseUrl(graph.server().baseUrl())
                .allowPlaintextOnLoopback()
                .retry(RetryPolicy.builder().maxRetries(0).build())
                .credentials(GraphCredentials.tokenCredential(credential, TENANT)).build());
    }

    @Test
    void records_whenEntraRefusesTheClientSecret_throwsOneLineSayingWhyAndWhatToCheck() throws IOException {
        try (FakeTokenEndpoint entra = FakeTokenEndpoint.start(dir);
                GraphDirectory directory = connect(clientSecret(entra.authorityHost(), trusting(entra)))) {

            assertThatThrownBy(() -> directory.records().count())
                    .isInstanceOfSatisfying(GraphSignInException.class, e -> {
                        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(SECRET)
                                .startsWith("Signing in to Microsoft Entra ID ")
                                .contains("tenant " + TENANT)
                                .contains(FakeTokenEndpoint.INVALID_SECRET)
                                .contains("'. Check the client secret or certificate, that it has not expired, and the client id.")
                                .doesNotContain("Trace ID").doesNotContain("ermission")
                                .doesNotContain("role assignments");
                        assertThat(e.reason()).isEqualTo("Entra ID refused the sign-in: "
                                + FakeTokenEndpoint.INVALID_SECRET);
                    });
            assertThat(entra.requests()).anyMatch(r -> r.equals("POST /" + TENANT + "/oauth2/v2.0/token"));
        }
        assertThat(graph.server().requests()).as("nothing reaches Graph without a token").isEmpty();
    }

    @Test
    void missingPermissions_whenSignInFails_reportsTheSignInNotAPermission() throws IOException {
        try (FakeTokenEndpoint entra = FakeTokenEndpoint.start(dir);
                GraphDirectory directory = connect(clientSecret(entra.authorityHost(), trusting(entra)))) {

            assertThatThrownBy(() -> directory.tenantSync().missingPermissions())
                    .isInstanceOf(GraphSignInException.class)
                    .hasMessageStartingWith("Signing in to Microsoft Entra ID ")
                    .hasMessageNotContaining("ermission");
        }
    }

    @Test
    void records_whenTheAuthorityCannotBeReached_saysWhichHostAndToCheckTheNetwork() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        try (GraphDirectory directory = connect(clientSecret("https://127.0.0.1:" + closed + "/", null))) {

            assertThatThrownBy(() -> directory.records().count())
                    .isInstanceOfSatisfying(GraphSignInException.class, e -> {
                        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("ermission");
                        assertThat(e.reason()).startsWith("127.0.0.1:" + closed + " refused the connection");
                        assertThat(e.getMessage()).endsWith(" refused the connection. Check the network connection, the proxy "
                                + "settings and the cloud setting.");
                    });
        }
    }
}
