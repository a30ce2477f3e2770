package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.okta.disable.DisableResult;
import dev.oktaentra.okta.testing.FakeApp;
import dev.oktaentra.okta.testing.FakeConnection;
import dev.oktaentra.okta.testing.FakeOktaServer;
import dev.oktaentra.okta.testing.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK waits at least one second per 429, so these tests keep the number of 429s small. */
class RateLimitTest {

    private FakeOktaServer fake;

    @BeforeEach
    void start() {
        fake = FakeOktaServer.start();
        fake.addApps(FakeApp.office365("0oaO365a", "A"), FakeApp.office365("0oaO365b", "B"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void apps_survivesRateLimitedAnswersByWaitingForTheReset() {
        try (OktaProvisioning okta = TestOrgs.builder(fake).maxRetries(2).build()) {
            fake.rateLimitNext(2);
            long started = System.nanoTime();

            assertThat(okta.apps()).hasSize(2);

            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(elapsedMillis).isGreaterThanOrEqualTo(1_900);
            assertThat(fake.requests()).extracting(RecordedRequest::status).startsWith(429, 429, 200);
        }
    }

    @Test
    void apply_survivesARateLimitedDeactivate() {
        try (OktaProvisioning okta = TestOrgs.connect(fake)) {
            var plan = okta.planDisable();
            fake.clearRequests();
            fake.rateLimitNextWrites(1);

            DisableResult result = okta.apply(plan);

            assertThat(result.changes()).extracting(c -> c.status()).containsOnly(WriteStatus.APPLIED);
            assertThat(fake.app("0oaO365a").connection()).isEqualTo(FakeConnection.DISABLED);
            assertThat(fake.app("0oaO365b").connection()).isEqualTo(FakeConnection.DISABLED);
            assertThat(fake.requests()).anySatisfy(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.status()).isEqualTo(429);
            });
        }
    }

    @Test
    void apps_failsClearlyWhenRetriesAreUsedUp() {
        try (OktaProvisioning okta = TestOrgs.builder(fake).maxRetries(0).build()) {
            fake.rateLimitNext(1);

            assertThatThrownBy(okta::apps).isInstanceOf(OktaException.class)
                    .hasMessageContaining("HTTP 429 E0000047")
                    .hasMessageContaining("still exceeded after 0 retries")
                    .satisfies(e -> assertThat(((OktaException) e).errorCode()).isEqualTo("E0000047"));
        }
    }
}
