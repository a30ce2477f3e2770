package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphOptionsTest {

    @Test
    void defaults_readEveryUserOfTheGlobalCloudInPagesOf999() {
        GraphOptions o = GraphOptions.defaults();

        assertThat(o.cloud()).isEqualTo(GraphCloud.GLOBAL);
        assertThat(o.baseUrl()).hasToString("https://graph.microsoft.com/v1.0");
        assertThat(o.pageSize()).isEqualTo(999);
        assertThat(o.maxRetries()).isEqualTo(5);
        assertThat(o.retryDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.syncedUsersOnly()).isFalse();
        assertThat(o.markAdminRoles()).isTrue();
        assertThat(o.extraUserFields()).isEmpty();
    }

    @Test
    void cloud_setsTheNationalCloudsBaseUrlScopeAndAuthority() {
        GraphOptions gov = GraphOptions.builder().cloud(GraphCloud.US_GOVERNMENT).build();
        assertThat(gov.baseUrl()).hasToString("https://graph.microsoft.us/v1.0");
        assertThat(GraphCloud.US_GOVERNMENT.defaultScope()).isEqualTo("https://graph.microsoft.us/.default");
        assertThat(GraphCloud.CHINA.authorityHost()).isEqualTo("https://login.chinacloudapi.cn/");
        assertThat(GraphCloud.US_GOVERNMENT_DOD.baseUrl()).hasToString("https://dod-graph.microsoft.us/v1.0");

        GraphOptions china = gov.toBuilder().cloud(GraphCloud.CHINA).build();
        assertThat(china.baseUrl()).hasToString("https://microsoftgraph.chinacloudapi.cn/v1.0");
    }

    @Test
    void authorityHost_isTheCloudsUnlessSetAndMustBeAnHttpsHost() {
        assertThat(GraphOptions.builder().cloud(GraphCloud.CHINA).build().authorityHost())
                .hasToString("https://login.chinacloudapi.cn/");
        GraphOptions own = GraphOptions.builder().authorityHost("https://login.contoso.example:8443").build();
        assertThat(own.authorityHost()).hasToString("https://login.contoso.example:8443/");
        assertThat(own.toBuilder().cloud(GraphCloud.US_GOVERNMENT).build().authorityHost())
                .isEqualTo(own.authorityHost());

        for (String wrong : List.of("http://login.contoso.example/", "https://login.contoso.example/tenant",
                "https://user@login.contoso.example/", "login.contoso.example", "https://login.contoso.example/?x=1")) {
            assertThatThrownBy(() -> GraphOptions.builder().authorityHost(wrong)).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + wrong + "'")
                    .hasMessageContaining("https URL of a host alone");
        }
    }

    @Test
    void baseUrl_overridesTheCloudsAndSurvivesToBuilder() {
        GraphOptions proxy = GraphOptions.builder().baseUrl("https://graph-proxy.example.net/v1.0/").build();

        assertThat(proxy.baseUrl()).hasToString("https://graph-proxy.example.net/v1.0");
        assertThat(proxy.toBuilder().pageSize(10).build().baseUrl()).isEqualTo(proxy.baseUrl());
    }

    @Test
    void baseUrl_refusesPlainHttpUnlessAllowed() {
        assertThatThrownBy(() -> GraphOptions.builder().baseUrl("http://127.0.0.1:8080/v1.0").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'http://127.0.0.1:8080/v1.0'").hasMessageContaining("allowPlaintext(true)");
        assertThat(GraphOptions.builder().baseUrl("http://127.0.0.1:8080/v1.0").allowPlaintext(true).build()
                .plaintextAllowed()).isTrue();
    }

    @Test
    void allowPlaintext_refusesAHostThatIsNotLoopback() {
        for (String remote : List.of("http://graph.example.net/v1.0", "http://10.0.0.5:8080/v1.0",
                "http://[fe80::1]:8080/v1.0")) {
            assertThatThrownBy(() -> GraphOptions.builder().baseUrl(remote).allowPlaintext(true).build()).as(remote)
                    .hasMessageContaining("'" + remote + "'").hasMessageContaining("loopback");
        }
    }

    @Test
    void baseUrl_refusesARelativeUrl() {
        assertThatThrownBy(() -> GraphOptions.builder().baseUrl("/v1.0").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an absolute URL");
    }

    @Test
    void builder_namesEveryValueOutOfRange() {
        GraphOptions.Builder b = GraphOptions.builder();
        assertThatThrownBy(() -> b.pageSize(1000)).hasMessageContaining("pageSize 1000");
        assertThatThrownBy(() -> b.pageSize(0)).hasMessageContaining("pageSize 0");
        assertThatThrownBy(() -> b.maxRetries(11)).hasMessageContaining("maxRetries 11");
        assertThatThrownBy(() -> b.retryDelay(Duration.ofMillis(500))).hasMessageContaining("PT0.5S");
        assertThatThrownBy(() -> b.retryDelay(Duration.ofMinutes(4))).hasMessageContaining("PT4M");
        assertThatThrownBy(() -> b.extraUserField("employeeId,mail")).hasMessageContaining("'employeeId,mail'");
    }

    @Test
    void toString_listsTheSettings() {
        assertThat(GraphOptions.builder().extraUserField("employeeId").syncedUsersOnly(true).build().toString())
                .contains("extraUserFields=[employeeId]").contains("syncedUsersOnly=true");
    }
}
