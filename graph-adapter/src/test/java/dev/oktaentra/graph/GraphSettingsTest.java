package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphSettingsTest {

    @Test
    void defaults_readEveryUserOfTheGlobalCloudInPagesOf999() {
        GraphSettings o = GraphSettings.defaults();

        assertThat(o.cloud()).isEqualTo(GraphCloud.GLOBAL);
        assertThat(o.baseUrl()).hasToString("https://graph.microsoft.com/v1.0");
        assertThat(o.pageSize()).isEqualTo(999);
        assertThat(o.retry().maxRetries()).isEqualTo(5);
        assertThat(o.retry().backOff()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.credentials()).isEmpty();
        assertThat(o.syncedUsersOnly()).isFalse();
        assertThat(o.markAdminRoles()).isTrue();
        assertThat(o.extraUserFields()).isEmpty();
    }

    @Test
    void cloud_setsTheNationalCloudsBaseUrlScopeAndAuthority() {
        GraphSettings gov = GraphSettings.builder().cloud(GraphCloud.US_GOVERNMENT).build();
        assertThat(gov.baseUrl()).hasToString("https://graph.microsoft.us/v1.0");
        assertThat(GraphCloud.US_GOVERNMENT.defaultScope()).isEqualTo("https://graph.microsoft.us/.default");
        assertThat(GraphCloud.CHINA.authorityHost()).isEqualTo("https://login.chinacloudapi.cn/");
        assertThat(GraphCloud.US_GOVERNMENT_DOD.baseUrl()).hasToString("https://dod-graph.microsoft.us/v1.0");

        GraphSettings china = gov.toBuilder().cloud(GraphCloud.CHINA).build();
        assertThat(china.baseUrl()).hasToString("https://microsoftgraph.chinacloudapi.cn/v1.0");
    }

    @Test
    void authorityHost_isTheCloudsUnlessSetAndMustBeAnHttpsHost() {
        assertThat(GraphSettings.builder().cloud(GraphCloud.CHINA).build().authorityHost())
                .hasToString("https://login.chinacloudapi.cn/");
        GraphSettings own = GraphSettings.builder().authorityHost("https://login.contoso.example:8443").build();
        assertThat(own.authorityHost()).hasToString("https://login.contoso.example:8443/");
        assertThat(own.toBuilder().cloud(GraphCloud.US_GOVERNMENT).build().authorityHost())
                .isEqualTo(own.authorityHost());

        for (String wrong : List.of("http://login.contoso.example/", "https://login.contoso.example/tenant",
                "https://user@login.contoso.example/", "login.contoso.example", "https://login.contoso.example/?x=1")) {
            assertThatThrownBy(() -> GraphSettings.builder().authorityHost(wrong)).as(wrong)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'" + wrong + "'")
                    .hasMessageContaining("https URL of a host alone");
        }
    }

    @Test
    void baseUrl_overridesTheCloudsAndSurvivesToBuilder() {
        GraphSettings proxy = GraphSettings.builder().baseUrl("https://graph-proxy.example.net/v1.0/").build();

        assertThat(proxy.baseUrl()).hasToString("https://graph-proxy.example.net/v1.0");
        assertThat(proxy.toBuilder().pageSize(10).build().baseUrl()).isEqualTo(proxy.baseUrl());
    }

    @Test
    void baseUrl_refusesPlainHttpUnlessAllowed() {
        assertThatThrownBy(() -> GraphSettings.builder().baseUrl("http://127.0.0.1:8080/v1.0").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'http://127.0.0.1:8080/v1.0'")
                .hasMessageContaining("allowPlaintextOnLoopback()");
        assertThat(GraphSettings.builder().baseUrl("http://127.0.0.1:8080/v1.0").allowPlaintextOnLoopback().build()
                .plaintextAllowed()).isTrue();
    }

    @Test
    void allowPlaintextOnLoopback_refusesAHostThatIsNotLoopback() {
        for (String remote : List.of("http://graph.example.net/v1.0", "http://10.0.0.5:8080/v1.0",
                "http://[fe80::1]:8080/v1.0", "http://127.0.0.1.nip.io/v1.0")) {
            assertThatThrownBy(() -> GraphSettings.builder().baseUrl(remote).allowPlaintextOnLoopback().build())
                    .as(remote).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("'" + remote + "'").hasMessageContaining("loopback");
        }
        for (String local : List.of("http://localhost:8080/v1.0", "http://[::1]:8080/v1.0")) {
            assertThat(GraphSettings.builder().baseUrl(local).allowPlaintextOnLoopback().build().plaintextAllowed())
                    .isTrue();
        }
    }

    @Test
    void credentials_areHeldAndShownRedacted() {
        GraphCredentials token = GraphCredentials.accessToken(Secret.of("eyJ-never-shown"));

        GraphSettings settings = GraphSettings.builder().credentials(token).build();

        assertThat(settings.credentials()).contains(token);
        assertThat(settings.toBuilder().pageSize(5).build().credentials()).contains(token);
        assertThat(settings.toString()).contains("access token [redacted]").doesNotContain("eyJ-never-shown");
    }

    @Test
    void connect_withoutCredentials_namesTheMissingSetting() {
        assertThatThrownBy(() -> GraphDirectory.connect(GraphSettings.defaults()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no credentials")
                .satisfies(e -> assertThat(((ConfigurationException) e).setting()).isEqualTo("credentials"));
    }

    @Test
    void baseUrl_refusesARelativeUrl() {
        assertThatThrownBy(() -> GraphSettings.builder().baseUrl("/v1.0").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not an absolute URL");
    }

    @Test
    void builder_namesEveryValueOutOfRange() {
        GraphSettings.Builder b = GraphSettings.builder();
        assertThatThrownBy(() -> b.pageSize(1000)).hasMessageContaining("pageSize 1000");
        assertThatThrownBy(() -> b.pageSize(0)).hasMessageContaining("pageSize 0");
        assertThatThrownBy(() -> b.extraUserField("employeeId,mail")).hasMessageContaining("'employeeId,mail'")
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).setting()).isEqualTo("extraUserField"));
        assertThatThrownBy(() -> b.baseUrl("http://bad host/")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'http://bad host/'");
    }

    @Test
    void toString_listsTheSettings() {
        assertThat(GraphSettings.builder().extraUserField("employeeId").syncedUsersOnly(true).build().toString())
                .contains("extraUserFields=[employeeId]").contains("syncedUsersOnly=true");
    }
}
