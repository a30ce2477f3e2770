package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.graph.testing.Fault;
import dev.oktaentra.graph.testing.FaultPlan;
import dev.oktaentra.graph.testing.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fake behaves like Graph where the adapter depends on it, checked with a plain HTTP client. */
class FakeGraphServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    @BeforeEach
    void seed() {
        for (int i = 0; i < 5; i++) {
            graph.server().addUser(CloudUser.builder().id("u" + i).userPrincipalName("u" + i + "@contoso.com")
                    .onPremisesSyncEnabled(i % 2 == 0).immutableId("QUJD" + i).build());
        }
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(graph.server().baseUrl() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer test");
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void users_onPremisesObjectIdentifierIsBetaOnlyAndPagesStayOnBeta() throws Exception {
        HttpResponse<String> v1 = send("GET", "/users?$select=id,onPremisesObjectIdentifier", null);
        assertThat(v1.statusCode()).isEqualTo(400);
        assertThat(json(v1).at("/error/message").asText()).contains("onPremisesObjectIdentifier");

        HttpResponse<String> beta = http.send(HttpRequest.newBuilder(URI.create(graph.server().betaBaseUrl()
                + "/users?$select=id,onPremisesObjectIdentifier&$top=2")).header("Authorization", "Bearer test")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(beta.statusCode()).isEqualTo(200);
        JsonNode page = json(beta);
        assertThat(page.get("value").get(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("id", "onPremisesObjectIdentifier");
        assertThat(page.get("@odata.nextLink").asText()).startsWith(graph.server().betaBaseUrl() + "/users?");
    }

    @Test
    void onPremisesSyncBehavior_answersWrappedAsMicrosoftsExampleAndRefusesQueryOptions() throws Exception {
        graph.server().replaceUser(graph.server().user("u0").orElseThrow().toBuilder().cloudManaged(true).build());

        JsonNode wrapped = json(send("GET", "/users/u0/onPremisesSyncBehavior", null));
        assertThat(wrapped.at("/value/isCloudManaged").asBoolean()).isTrue();
        assertThat(wrapped.at("/value/@odata.type").asText()).isEqualTo("#microsoft.graph.onPremisesSyncBehavior");
        assertThat(send("GET", "/users/u0/onPremisesSyncBehavior?$select=isCloudManaged", null).statusCode())
                .isEqualTo(400);
        graph.server().wrapSyncBehavior(false).serveSyncBehaviorOnV1(false);
        assertThat(send("GET", "/users/u1/onPremisesSyncBehavior", null).statusCode()).isEqualTo(400);
        JsonNode plain = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(graph.server().betaBaseUrl()
                + "/users/u1/onPremisesSyncBehavior")).header("Authorization", "Bearer test").build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(plain.get("isCloudManaged").asBoolean()).isFalse();
    }

    @Test
    void enforcedPermissions_refuseAReadWhoseTokenHoldsNoneGraphAccepts() throws Exception {
        graph.server().enforcePermissions(true);
        String usersOnly = "Bearer " + Fixtures.appToken("User.Read.All");

        assertThat(send("GET", "/users?$select=id", null, "Authorization", usersOnly).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = send("GET", "/roleManagement/directory/roleEligibilitySchedules", null,
                "Authorization", usersOnly);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).at("/error/code").asText()).isEqualTo("Authorization_RequestDenied");
        assertThat(send("GET", "/roleManagement/directory/roleEligibilitySchedules", null, "Authorization",
                "Bearer " + Fixtures.appToken("RoleManagement.Read.Directory")).statusCode()).isEqualTo(200);
        String batch = "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users/u0/onPremisesSyncBehavior\"}]}";
        JsonNode answer = json(send("POST", "/$batch", batch, "Authorization", usersOnly, "Content-Type",
                "application/json"));
        assertThat(answer.at("/responses/0/status").asInt()).isEqualTo(403);
    }

    @Test
    void writes_leaveOutABatchThatOnlyReadsAndCountABatchThatWritesOnce() throws Exception {
        String reads = "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users/u0/onPremisesSyncBehavior\"},"
                + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/users/u1/onPremisesSyncBehavior\"}]}";
        String patch = "{\"requests\":[{\"id\":\"1\",\"method\":\"PATCH\",\"url\":\"/users/u0\","
                + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"onPremisesImmutableId\":\"QUJDx\"}},"
                + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/users/u1\"}]}";
        send("POST", "/$batch", reads, "Content-Type", "application/json");
        send("GET", "/users?$select=id", null);
        send("POST", "/$batch", patch, "Content-Type", "application/json");

        assertThat(graph.server().writes()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.body()).contains("PATCH");
        });
    }

    @Test
    void users_pagesWithAbsoluteNextLinksAndSendsJson() throws Exception {
        HttpResponse<String> first = send("GET", "/users?$top=2&$select=id", null);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode page = json(first);
        assertThat(page.get("value")).hasSize(2);
        assertThat(page.get("value").get(0).fieldNames()).toIterable().containsExactly("id");
        List<String> ids = new ArrayList<>();
        String next = page.get("@odata.nextLink").asText();
        assertThat(next).startsWith(graph.server().baseUrl() + "/users?");
        page.get("value").forEach(u -> ids.add(u.get("id").asText()));
        while (next != null) {
            JsonNode p = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(next))
                    .header("Authorization", "Bearer test").build(), HttpResponse.BodyHandlers.ofString()).body());
            p.get("value").forEach(u -> ids.add(u.get("id").asText()));
            next = p.hasNonNull("@odata.nextLink") ? p.get("@odata.nextLink").asText() : null;
        }
        assertThat(ids).containsExactly("u0", "u1", "u2", "u3", "u4");
    }

    @Test
    void users_withoutSelect_omitTheOnPremisesProperties() throws Exception {
        JsonNode user = json(send("GET", "/users", null)).get("value").get(0);

        assertThat(user.has("onPremisesImmutableId")).isFalse();
        assertThat(user.get("userPrincipalName").asText()).isEqualTo("u0@contoso.com");
    }

    @Test
    void users_syncedFilterNeedsTheAdvancedQueryLikeGraph() throws Exception {
        String filter = "/users?$filter=onPremisesSyncEnabled%20eq%20true";
        HttpResponse<String> plain = send("GET", filter, null);
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(json(plain).at("/error/code").asText()).isEqualTo("Request_UnsupportedQuery");

        HttpResponse<String> advanced = send("GET", filter + "&$count=true", null, "ConsistencyLevel", "eventual");
        assertThat(advanced.statusCode()).isEqualTo(200);
        assertThat(json(advanced).get("@odata.count").asInt()).isEqualTo(3);
        assertThat(json(advanced).get("value")).hasSize(3);
    }

    @Test
    void users_refusesAPageLargerThanGraphAllows() throws Exception {
        HttpResponse<String> r = send("GET", "/users?$top=1000", null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText()).contains("between 1 and 999");
    }

    @Test
    void count_answersPlainText() throws Exception {
        HttpResponse<String> r = send("GET", "/users/$count", null, "ConsistencyLevel", "eventual");
        assertThat(r.body()).isEqualTo("5");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    }

    @Test
    void requests_withoutABearerTokenAreRefused() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(graph.server().baseUrl() + "/users")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("InvalidAuthenticationToken");

        graph.server().requireBearerToken(false);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(graph.server().baseUrl() + "/users")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void batch_answersEachItemAndRefusesMoreThan20() throws Exception {
        String items = "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users/u1?$select=id,onPremisesImmutableId\"},"
                + "{\"id\":\"2\",\"method\":\"PATCH\",\"url\":\"/users/u1\",\"headers\":{\"Content-Type\":"
                + "\"application/json\"},\"body\":{\"onPremisesImmutableId\":\"TmV3\"}},"
                + "{\"id\":\"3\",\"method\":\"PATCH\",\"url\":\"/users/u0\",\"body\":{\"onPremisesImmutableId\":\"TmV3\"}}";
        JsonNode answer = json(send("POST", "/$batch", "{\"requests\":[" + items + "]}", "Content-Type",
                "application/json"));

        assertThat(answer.at("/responses/0/body/onPremisesImmutableId").asText()).isEqualTo("QUJD1");
        assertThat(answer.at("/responses/1/status").asInt()).isEqualTo(204);
        assertThat(answer.at("/responses/2/status").asInt()).isEqualTo(400);
        assertThat(answer.at("/responses/2/body/error/message").asText()).contains("on-premises mastered");
        assertThat(graph.server().user("u1").orElseThrow().immutableId().value()).isEqualTo("TmV3");
        assertThat(graph.server().requests()).filteredOn(RecordedRequest::inBatch).hasSize(3)
                .allSatisfy(r -> assertThat(r.batch()).isEqualTo(1));

        StringBuilder many = new StringBuilder("{\"requests\":[");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"method\":\"GET\",\"url\":\"/users/u0\"}");
        }
        HttpResponse<String> tooMany = send("POST", "/$batch", many.append("]}").toString());
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).at("/error/message").asText()).contains("at most 20");
    }

    @Test
    void faults_repeatExactlyForTheSameSeed() throws Exception {
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        graph.server().faults(FaultPlan.of(0.5, 99, Fault.THROTTLE, Fault.UNAVAILABLE));
        for (int i = 0; i < 20; i++) {
            first.add(send("GET", "/organization", null).statusCode());
        }
        graph.server().faults(FaultPlan.of(0.5, 99, Fault.THROTTLE, Fault.UNAVAILABLE));
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = send("GET", "/organization", null);
            second.add(r.statusCode());
            if (r.statusCode() != 200) {
                assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(json(r).has("error")).isTrue();
            }
        }
        assertThat(second).isEqualTo(first).contains(200, 429, 503);
    }

    @Test
    void unknownRoutesAnswerGraphsJsonError() throws Exception {
        HttpResponse<String> r = send("GET", "/me/drive", null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json(r).at("/error/code").asText()).isEqualTo("BadRequest");
    }

    @Test
    void synchronizationJobDelete_answers204AndTheJobIsGoneThen404InGraphsErrorShape() throws Exception {
        String sp = "5b0f1c7e-1d2a-4c55-9f1e-3a7d2c4b8e61";
        graph.server().addSynchronizationJob(new dev.oktaentra.core.tenant.CloudSyncJob(sp, "contoso.com",
                "AD2AADProvisioning.9d3c", "AD2AADProvisioning", "Paused", "Paused", null, null));
        graph.server().addSynchronizationJob(new dev.oktaentra.core.tenant.CloudSyncJob(sp, "contoso.com",
                "AD2AADPasswordHash.9d3c", "AD2AADPasswordHash", "Paused", "Paused", null, null));
        String jobs = "/servicePrincipals/" + sp + "/synchronization/jobs";

        HttpResponse<String> deleted = send("DELETE", jobs + "/AD2AADProvisioning.9d3c", null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        JsonNode left = json(send("GET", jobs, null)).get("value");
        assertThat(left).hasSize(1);
        assertThat(left.get(0).get("id").asText()).isEqualTo("AD2AADPasswordHash.9d3c");

        HttpResponse<String> again = send("DELETE", jobs + "/AD2AADProvisioning.9d3c", null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(again).at("/error/code").asText()).isEqualTo("Request_ResourceNotFound");
        assertThat(json(again).at("/error/message").asText()).contains("AD2AADProvisioning.9d3c");
        // The reference page writes the path with a trailing slash.
        assertThat(send("DELETE", jobs + "/AD2AADPasswordHash.9d3c/", null).statusCode()).isEqualTo(204);
        assertThat(json(send("GET", jobs, null)).get("value")).isEmpty();
        assertThat(send("DELETE", "/servicePrincipals/no-such-sp/synchronization/jobs/x", null).statusCode())
                .isEqualTo(404);
    }
}
