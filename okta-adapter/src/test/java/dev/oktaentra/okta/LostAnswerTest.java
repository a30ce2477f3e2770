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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Okta switched the connection but its answer was lost: a reset, or a 503 or 504 after the switch, past the SDK's
 * retries. The journaled step's path ({@link OktaProvisioning#disable}, {@link OktaProvisioning#enable}) reads the
 * connection back before it reports a failure, and returns the state that stands.
 */
class LostAnswerTest {

    private static final String APP = "0oaO365a";
    private static final String DEACTIVATE = "/api/v1/apps/" + APP + "/connections/default/lifecycle/deactivate";
    private static final String ACTIVATE = "/api/v1/apps/" + APP + "/connections/default/lifecycle/activate";

    private FakeOktaServer fake;

    @BeforeEach
    void start() {
        fake = FakeOktaServer.start();
        fake.addApps(FakeApp.office365(APP, "Office 365 Contoso"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private OktaProvisioning connect(int retries) {
        return OktaProvisioning.connect(TestOrgs.builder(fake).retry(TestOrgs.retry(retries, sleeps)).build());
    }

    @ParameterizedTest
    @EnumSource(LostAnswer.class)
    void disable_whoseAnswerIsLostAfterOktaSwitchedOff_readsBackDisabled(LostAnswer how) {
        fake.loseAnswers("POST", DEACTIVATE, how, 1);
        try (OktaProvisioning okta = connect(0)) {

            assertThat(okta.disable(APP)).isEqualTo(ProvisioningState.DISABLED);
        }
        assertThat(fake.app(APP).connection()).isEqualTo(FakeConnection.DISABLED);
    }

    @ParameterizedTest
    @EnumSource(value = LostAnswer.class, names = {"SERVICE_UNAVAILABLE", "GATEWAY_TIMEOUT"})
    void enable_whoseAnswerIsLostAfterOktaSwitchedOn_readsBackEnabled(LostAnswer how) {
        fake.addApps(FakeApp.office365(APP, "Office 365 Contoso").withConnection(FakeConnection.DISABLED));
        fake.loseAnswers("POST", ACTIVATE, how, 1);
        try (OktaProvisioning okta = connect(0)) {

            assertThat(okta.enable(APP)).isEqualTo(ProvisioningState.ENABLED);
        }
    }

    @Test
    void disable_retriedAfterA503ThatCommitted_isDisabled() {
        fake.loseAnswers("POST", DEACTIVATE, LostAnswer.SERVICE_UNAVAILABLE, 1);
        try (OktaProvisioning okta = connect(1)) {

            assertThat(okta.disable(APP)).isEqualTo(ProvisioningState.DISABLED);
        }
        assertThat(fake.requests()).filteredOn(RecordedRequest::isWrite).extracting(RecordedRequest::status)
                .containsExactly(503, 204);
        assertThat(sleeps).as("the back-off, recorded, not slept").containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void disable_refusedWithoutSwitching_failsWithOktasAnswer() {
        fake.rateLimitNextWrites(1);
        try (OktaProvisioning okta = connect(0)) {

            assertThatThrownBy(() -> okta.disable(APP)).isInstanceOf(OktaException.class)
                    .hasMessageContaining("HTTP 429");
        }
        assertThat(fake.app(APP).connection()).isEqualTo(FakeConnection.ENABLED);
    }
}
