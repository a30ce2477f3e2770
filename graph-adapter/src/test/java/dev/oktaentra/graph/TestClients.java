package dev.oktaentra.graph;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.oktaentra.graph.testing.FakeGraphServer;
import java.net.URI;
import java.util.Map;

/** A GraphServiceClient built the way a caller of {@link GraphDirectory#of} would build one. */
final class TestClients {

    private TestClients() {
    }

    static GraphServiceClient client(FakeGraphServer graph) {
        String token = Fixtures.fullToken();
        AccessTokenProvider tokens = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return token;
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator();
            }
        };
        GraphServiceClient client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens),
                GraphClientFactory.create().build());
        client.getRequestAdapter().setBaseUrl(graph.baseUrl());
        return client;
    }
}
