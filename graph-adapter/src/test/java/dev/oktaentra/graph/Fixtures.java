package dev.oktaentra.graph;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.settings.RetryPolicy;
import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.graph.testing.FakeGraphServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Users, tokens and directories for the adapter's tests. */
final class Fixtures {

    /** The part of every test token that must never show up anywhere. */
    static final String TOKEN_SIGNATURE = "c2VjcmV0LXNpZ25hdHVyZS1ub3QtZm9yLWxvZ3M";

    private Fixtures() {
    }

    /** An unsigned JWT carrying app-only {@code roles}. */
    static String appToken(String... roles) {
        StringBuilder json = new StringBuilder("{\"aud\":\"https://graph.microsoft.com\",\"tid\":\"t\",\"roles\":[");
        for (int i = 0; i < roles.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(roles[i]).append('"');
        }
        return jwt(json.append("]}").toString());
    }

    /** An unsigned JWT carrying delegated {@code scp}. */
    static String delegatedToken(String scopes) {
        return jwt("{\"aud\":\"https://graph.microsoft.com\",\"scp\":\"" + scopes + "\"}");
    }

    static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + TOKEN_SIGNATURE;
    }

    /** The runbook's token. */
    static String fullToken() {
        return appToken(GraphPermissions.RUNBOOK.toArray(String[]::new));
    }

    /** Settings for the fake: the runbook's token, plain http allowed, retries recorded instead of slept. */
    static GraphSettings.Builder options(FakeGraphServer graph, List<Duration> sleeps) {
        return GraphSettings.builder().credentials(GraphCredentials.accessToken(Secret.of(fullToken())))
                .baseUrl(graph.baseUrl()).allowPlaintextOnLoopback()
                .retry(retry(sleeps, RetryPolicy.DEFAULT_MAX_RETRIES));
    }

    /** The default retry policy with {@code maxRetries}, its waits recorded in {@code sleeps} instead of slept. */
    static RetryPolicy retry(List<Duration> sleeps, int maxRetries) {
        return GraphSettings.DEFAULT_RETRY.toBuilder().maxRetries(maxRetries).sleeper(sleeps::add).build();
    }

    static GraphDirectory connect(FakeGraphServer graph, GraphSettings settings) {
        return GraphDirectory.connect(settings);
    }

    static GraphDirectory connect(FakeGraphServer graph) {
        return connect(graph, options(graph, new CopyOnWriteArrayList<>()).build());
    }

    /**
     * A cloud-only user with a GUID-derived ImmutableID; on-premises sync may take it over ({@code isCloudManaged}
     * false, as the fake answers for it).
     */
    static CloudUser cloudUser(int n) {
        UUID guid = UUID.nameUUIDFromBytes(("user-" + n).getBytes(StandardCharsets.UTF_8));
        return CloudUser.builder()
                .id(UUID.nameUUIDFromBytes(("id-" + n).getBytes(StandardCharsets.UTF_8)).toString())
                .userPrincipalName("user" + n + "@contoso.com")
                .mail("user" + n + "@contoso.com")
                .proxyAddresses(List.of("SMTP:user" + n + "@contoso.com", "smtp:u" + n + "@contoso.mail.onmicrosoft.com"))
                .immutableId(ObjectGuid.parse(guid.toString()).toImmutableId())
                .cloudManaged(false)
                .build();
    }

    static List<CloudUser> cloudUsers(int count) {
        List<CloudUser> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(cloudUser(i));
        }
        return users;
    }
}
