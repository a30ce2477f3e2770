package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OktaSettingsTest {

    private static final String TOKEN = "00abcdefghijklmnopqrstuvwxyz0123456789AB";

    private static OktaSettings.Builder withToken(String url) {
        return OktaSettings.builder().orgUrl(url).credentials(OktaCredentials.apiToken(Secret.of(TOKEN)));
    }

    private static String setting(Throwable e) {
        return ((ConfigurationException) e).setting();
    }

    @Test
    void build_normalisesAnHttpsOrgUrlWithoutConnecting() {
        OktaSettings settings = withToken(" https://contoso.okta.com/ ").build();

        assertThat(settings.orgUrl()).isEqualTo("https://contoso.okta.com");
        try (OktaProvisioning okta = OktaProvisioning.connect(settings)) {
            assertThat(okta.name()).isEqualTo("https://contoso.okta.com");
            assertThat(okta.settings()).isSameAs(settings);
        }
    }

    @Test
    void defaults_areOktasOwn() {
        OktaSettings settings = withToken("https://contoso.okta.com").build();

        assertThat(settings.retry().maxRetries()).isEqualTo(4);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.appPageSize()).isEqualTo(200);
        assertThat(settings.userPageSize()).isEqualTo(500);
        assertThat(settings.plaintextAllowed()).isFalse();
        assertThat(settings.toString()).contains("https://contoso.okta.com").contains("redacted")
                .doesNotContain(TOKEN);
    }

    @Test
    void build_refusesPlainHttpWithoutTheOptIn() {
        assertThatThrownBy(() -> withToken("http://127.0.0.1:8080").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not https")
                .hasMessageContaining("allowPlaintextOnLoopback()");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://contoso.okta.com", "http://10.0.0.5:8080", "http://127.0.0.1.nip.io"})
    void build_refusesPlainHttpToAHostThatIsNotLoopbackEvenWithTheOptIn(String url) {
        assertThatThrownBy(() -> withToken(url).allowPlaintextOnLoopback().build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not loopback")
                .satisfies(e -> assertThat(setting(e)).isEqualTo("allowPlaintextOnLoopback"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080"})
    void connect_acceptsPlainHttpOnLoopbackWithTheOptInAndRestoresTheSdkProperty(String url) {
        String before = System.getProperty(ClientFactory.DISABLE_HTTPS_CHECK);
        try (OktaProvisioning okta = OktaProvisioning.connect(withToken(url).allowPlaintextOnLoopback().build())) {
            assertThat(okta.name()).isEqualTo(url);
        }
        assertThat(System.getProperty(ClientFactory.DISABLE_HTTPS_CHECK)).isEqualTo(before);
    }

    @Test
    void build_refusesUserInfoWithoutRepeatingIt() {
        assertThatThrownBy(() -> withToken("https://admin:hunter2@contoso.okta.com").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("user info")
                .hasMessageContaining("contoso.okta.com").hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://contoso-admin.okta.com", "https://contoso.okta.com/api/v1",
            "https://contoso.okta.com?x=1", "contoso.okta.com", "ftp://contoso.okta.com", "https://"})
    void build_refusesWhatIsNotAnOrgUrlNamingIt(String url) {
        assertThatThrownBy(() -> withToken(url).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(url)
                .satisfies(e -> assertThat(setting(e)).isEqualTo("orgUrl"));
    }

    @Test
    void build_requiresUrlAndCredentials() {
        assertThatThrownBy(() -> OktaSettings.builder().credentials(OktaCredentials.apiToken(Secret.of(TOKEN)))
                .build()).isInstanceOf(ConfigurationException.class).hasMessageContaining("org URL is missing");
        assertThatThrownBy(() -> OktaSettings.builder().orgUrl("https://contoso.okta.com").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("credentials are missing")
                .satisfies(e -> assertThat(setting(e)).isEqualTo("credentials"));
    }

    @Test
    void builder_refusesSettingsOutOfRange() {
        OktaSettings.Builder builder = OktaSettings.builder();
        assertThatThrownBy(() -> builder.appPageSize(201)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("appPageSize must be 1 to 200");
        assertThatThrownBy(() -> builder.userPageSize(0)).hasMessageContaining("userPageSize must be 1 to 500");
        assertThatThrownBy(() -> builder.timeout(Duration.ofMillis(10))).hasMessageContaining("at least one second");
        assertThatThrownBy(() -> builder.retry(null)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("retry");
        assertThatThrownBy(() -> OktaSettings.DEFAULT_RETRY.toBuilder().maxRetries(11).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxRetries 11 is outside 0..10");
    }

    @Test
    void users_refusesABlankAppId() {
        try (OktaProvisioning okta = OktaProvisioning.connect(withToken("https://contoso.okta.com").build())) {
            assertThatThrownBy(() -> okta.users(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("app id is missing");
        }
    }
}
