package dev.oktaentra.okta.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's wire format, checked with the JDK's HTTP client rather than the Okta SDK. */
class FakeOktaServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeOktaServer fake;

    @BeforeEach
    void start() {
        fake = FakeOktaServer.start("00token".toCharArray());
        fake.addApps(FakeApp.office365("0oaA", "A"), FakeApp.office365("0oaB", "B"), FakeApp.office365("0oaC", "C"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private HttpResponse<String> get(String pathAndQuery, String authorization) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.orgUrl() + pathAndQuery))
                .header("Accept", "application/json").header("Content-Type", "text/xml");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void apps_sendOneLinkHeaderPerRelationWithAnAfterCursor() throws Exception {
        HttpResponse<String> page = get("/api/v1/apps?limit=2&filter=name%20eq%20%22office365%22", "SSWS 00token");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).startsWith("[").contains("\"name\":\"office365\"");
        assertThat(page.headers().allValues("Link")).containsExactly(
                "<" + fake.orgUrl() + "/api/v1/apps?limit=2&filter=name%20eq%20%22office365%22>; rel=\"self\"",
                "<" + fake.orgUrl() + "/api/v1/apps?limit=2&filter=name%20eq%20%22office365%22&after=0oaB>;"
                        + " rel=\"next\"");
        assertThat(get("/api/v1/apps?limit=2&after=0oaB", "SSWS 00token").headers().allValues("Link")).hasSize(1);
    }

    @Test
    void rateLimit_answers429WithResetAndDateHeaders() throws Exception {
        fake.rateLimitNext(1);

        HttpResponse<String> limited = get("/api/v1/apps", "SSWS 00token");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("E0000047");
        assertThat(limited.headers().firstValue("X-Rate-Limit-Reset")).hasValueSatisfying(v ->
                assertThat(Long.parseLong(v)).isGreaterThan(1_700_000_000L));
        assertThat(limited.headers().allValues("Date")).hasSize(1);
        assertThat(get("/api/v1/apps", "SSWS 00token").statusCode()).isEqualTo(200);
    }

    @Test
    void requests_needTheTokenAndAreLoggedRedacted() throws Exception {
        assertThat(get("/api/v1/apps", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/apps", "SSWS wrong").body()).contains("E0000011");

        assertThat(fake.requests()).extracting(RecordedRequest::authorization)
                .containsExactly("(none)", "SSWS [redacted]");
    }

    @Test
    void unknownPathsAndAppsAnswerOktaErrors() throws Exception {
        assertThat(get("/api/v1/apps/0oaNope/connections/default", "SSWS 00token").body())
                .contains("\"errorCode\":\"E0000007\"").contains("0oaNope");
        assertThat(get("/api/v1/apps?filter=label%20sw%20%22x%22", "SSWS 00token").statusCode()).isEqualTo(400);
    }

    @Test
    void seeding_refusesUsersOfAnUnknownApp() {
        assertThatThrownBy(() -> fake.addAppUser(new dev.oktaentra.core.provisioning.ProvisionedUser("0oaNope", "00u1",
                "a@b.c", null, null, "PROVISIONED"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0oaNope");
    }
}
