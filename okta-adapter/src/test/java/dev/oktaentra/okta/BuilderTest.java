package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuilderTest {

    private static final char[] TOKEN = "00abcdefghijklmnopqrstuvwxyz0123456789AB".toCharArray();

    @Test
    void build_normalisesAnHttpsOrgUrlWithoutConnecting() {
        try (OktaProvisioning okta = OktaProvisioning.withApiToken(" https://contoso.okta.com/ ", TOKEN)) {
            assertThat(okta.name()).isEqualTo("https://contoso.okta.com");
        }
    }

    @Test
    void build_refusesPlainHttpWithoutTheOptIn() {
        assertThatThrownBy(() -> OktaProvisioning.withApiToken("http://127.0.0.1:8080", TOKEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not https")
                .hasMessageContaining("allowPlainHttpOnLoopback()");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://contoso.okta.com", "http://10.0.0.5:8080", "http://127.0.0.1.nip.io"})
    void build_refusesPlainHttpToAHostThatIsNotLoopbackEvenWithTheOptIn(String url) {
        assertThatThrownBy(() -> OktaProvisioning.builder().orgUrl(url).apiToken(TOKEN).allowPlainHttpOnLoopback()
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not loopback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080"})
    void build_acceptsPlainHttpOnLoopbackWithTheOptInAndRestoresTheSdkProperty(String url) {
        String before = System.getProperty(ClientFactory.DISABLE_HTTPS_CHECK);
        try (OktaProvisioning okta = OktaProvisioning.builder().orgUrl(url).apiToken(TOKEN)
                .allowPlainHttpOnLoopback().build()) {
            assertThat(okta.name()).isEqualTo(url);
        }
        assertThat(System.getProperty(ClientFactory.DISABLE_HTTPS_CHECK)).isEqualTo(before);
    }

    @Test
    void build_refusesUserInfoWithoutRepeatingIt() {
        assertThatThrownBy(() -> OktaProvisioning.withApiToken("https://admin:hunter2@contoso.okta.com", TOKEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user info")
                .hasMessageContaining("contoso.okta.com").hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://contoso-admin.okta.com", "https://contoso.okta.com/api/v1",
            "https://contoso.okta.com?x=1", "contoso.okta.com", "ftp://contoso.okta.com", "https://"})
    void build_refusesWhatIsNotAnOrgUrlNamingIt(String url) {
        assertThatThrownBy(() -> OktaProvisioning.withApiToken(url, TOKEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(url);
    }

    @Test
    void build_requiresUrlAndCredentials() {
        assertThatThrownBy(() -> OktaProvisioning.builder().apiToken(TOKEN).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("org URL is missing");
        assertThatThrownBy(() -> OktaProvisioning.builder().orgUrl("https://contoso.okta.com").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credentials are missing");
    }

    @Test
    void builder_refusesSettingsOutOfRange() {
        OktaProvisioningBuilder builder = OktaProvisioning.builder();
        assertThatThrownBy(() -> builder.maxRetries(11)).hasMessageContaining("0 to 10, not 11");
        assertThatThrownBy(() -> builder.maxRetries(-1)).hasMessageContaining("not -1");
        assertThatThrownBy(() -> builder.appPageSize(201)).hasMessageContaining("appPageSize must be 1 to 200");
        assertThatThrownBy(() -> builder.userPageSize(0)).hasMessageContaining("userPageSize must be 1 to 500");
        assertThatThrownBy(() -> builder.timeout(Duration.ofMillis(10))).hasMessageContaining("at least one second");
    }

    @Test
    void users_refusesABlankAppId() {
        try (OktaProvisioning okta = OktaProvisioning.withApiToken("https://contoso.okta.com", TOKEN)) {
            assertThatThrownBy(() -> okta.users(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("app id is missing");
        }
    }
}
