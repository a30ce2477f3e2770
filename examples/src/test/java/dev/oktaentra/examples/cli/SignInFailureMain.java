package dev.oktaentra.examples.cli;

import com.azure.identity.ClientSecretCredentialBuilder;
import dev.oktaentra.graph.GraphCredentials;
import dev.oktaentra.graph.GraphDirectory;
import dev.oktaentra.graph.GraphSettings;
import dev.oktaentra.graph.GraphSignInException;
import dev.oktaentra.graph.testing.FakeGraphServer;
import dev.oktaentra.graph.testing.FakeTokenEndpoint;
import java.nio.file.Path;

/**
 * Run in a JVM of its own by {@link SignInFailureOutputTest}: the CLI's logging set up as {@link Main#main} sets it
 * up ({@link Logging#configure()}), then a client-secret sign-in that Entra (a loopback {@link FakeTokenEndpoint}) refuses, through the real
 * azure-identity, MSAL and OkHttp stack. Prints the failure as the CLI prints an error, on stderr.
 */
public final class SignInFailureMain {

    private SignInFailureMain() {
    }

    /**
     * Signs in with a client secret the fake token endpoint refuses, and prints the failure as the CLI does.
     *
     * @param args a scratch folder
     * @throws Exception when the fixture cannot start
     */
    public static void main(String[] args) throws Exception {
        Logging.configure();
        try (FakeTokenEndpoint entra = FakeTokenEndpoint.start(Path.of(args[0]));
                FakeGraphServer graph = FakeGraphServer.start()) {
            GraphCredentials credentials = GraphCredentials.tokenCredential(new ClientSecretCredentialBuilder()
                    .authorityHost(entra.authorityHost()).disableInstanceDiscovery().tenantId("contoso.onmicrosoft.com")
                    .clientId("7c0e1b7a-1d3c-4b8e-9d7e-2f1a3b4c5d6e").clientSecret("Wrong~Secret.7f3c1e0b9d")
                    .maxRetry(1).httpClient(entra.trustingHttpClient()).build(),
                    "contoso.onmicrosoft.com");
            GraphSettings settings = GraphSettings.builder().baseUrl(graph.baseUrl()).allowPlaintextOnLoopback()
                    .credentials(credentials).build();
            try (GraphDirectory entraId = GraphDirectory.connect(settings)) {
                entraId.records().count();
                System.err.println("oktaentra verify: signed in, which it should not have");
            } catch (GraphSignInException e) {
                System.err.println("oktaentra verify: " + e.getMessage());
            }
        }
    }
}
