package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.provisioning.ProvisioningState;
import dev.oktaentra.okta.testing.FakeApp;
import dev.oktaentra.okta.testing.FakeConnection;
import dev.oktaentra.okta.testing.FakeOktaServer;
import dev.oktaentra.okta.testing.LostAnswer;
import dev.oktaentra.okta.testing.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 429s are retried after {@code X-Rate-Limit-Reset}; the waits go through the retry policy's sleeper, so these tests
 * record them instead of sleeping. The fake resets its limit "now", so each wait is Okta's reset plus one second.
 */
class RateLimitTest {

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
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

    private OktaProvisioning connect(int retries) {
        return OktaProvisioning.connect(TestOrgs.builder(fake).retry(TestOrgs.retry(retries, sleeps)).build());
    }

    @Test
    void apps_survivesRateLimitedAnswersByWaitingForTheReset() {
        try (OktaProvisioning okta = connect(2)) {
            fake.rateLimitNext(2);

            assertThat(okta.apps()).hasSize(2);

            assertThat(sleeps).as("waited for the reset, through the sleeper").hasSize(2)
                    .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));
            assertThat(fake.requests()).extracting(RecordedRequest::status).startsWith(429, 429, 200);
        }
    }

    @Test
    void disable_survivesARateLimitedDeactivate() {
        try (OktaProvisioning okta = connect(2)) {
            fake.rateLimitNextWrites(1);

            assertThat(okta.disable("0oaO365a")).isEqualTo(ProvisioningState.DISABLED);

            assertThat(fake.app("0oaO365a").connection()).isEqualTo(FakeConnection.DISABLED);
            assertThat(fake.requests()).filteredOn(RecordedRequest::isWrite).extracting(RecordedRequest::status)
                    .containsExactly(429, 204);
            assertThat(sleeps).hasSize(1);
        }
    }

    @Test
    void apps_aReadWhoseConnectionWasReset_isRetriedAfterTheBackOff() {
        fake.loseAnswers("GET", "/api/v1/apps", LostAnswer.CONNECTION_RESET, 1);
        try (OktaProvisioning okta = connect(2)) {

            assertThat(okta.apps()).hasSize(2);

            assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        }
    }

    @Test
    void disable_aWriteWhoseConnectionWasReset_isNeverSentAgain_butReadBack() {
        fake.loseAnswers("POST", "/api/v1/apps/0oaO365a/", LostAnswer.CONNECTION_RESET, 1);
        try (OktaProvisioning okta = connect(2)) {

            assertThat(okta.disable("0oaO365a")).isEqualTo(ProvisioningState.DISABLED);

            assertThat(fake.requests()).filteredOn(RecordedRequest::isWrite).hasSize(1);
            assertThat(sleeps).isEmpty();
        }
    }

    @Test
    void apps_failsClearlyWhenRetriesAreUsedUp() {
        try (OktaProvisioning okta = connect(0)) {
            fake.rateLimitNext(1);

            assertThatThrownBy(okta::apps).isInstanceOf(OktaException.class)
                    .hasMessageContaining("HTTP 429 E0000047")
                    .hasMessageContaining("still exceeded after 0 retries")
                    .satisfies(e -> assertThat(((OktaException) e).errorCode()).isEqualTo("E0000047"));
            assertThat(sleeps).isEmpty();
        }
    }
}
