package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCredentialsTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String CLIENT = "11111111-2222-3333-4444-555555555555";

    @Test
    void clientSecret_rejectsBlankOrMalformedIdsNamingThem() {
        Secret secret = Secret.of("x");
        assertThatThrownBy(() -> GraphCredentials.clientSecret(" ", CLIENT, secret))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("tenantId ' '");
        assertThatThrownBy(() -> GraphCredentials.clientSecret("contoso.com/evil", CLIENT, secret))
                .hasMessageContaining("'contoso.com/evil'");
        assertThatThrownBy(() -> GraphCredentials.clientSecret(TENANT, "", secret))
                .hasMessageContaining("clientId ''");
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void certificate_needsAReadableFile(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> GraphCredentials.pemCertificate(TENANT, CLIENT, missing))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(missing.toString());

        Path pfx = Files.write(dir.resolve("app.pfx"), new byte[] {1, 2, 3});
        GraphCredentials credentials = GraphCredentials.pfxCertificate(TENANT, CLIENT, pfx, Secret.of("pfx-pass"));
        assertThat(credentials.toString()).contains(pfx.toString()).contains(CLIENT).doesNotContain("pfx-pass");
        assertThat(credentials.tenantId()).isEqualTo(TENANT);
    }

    @Test
    void deviceCode_buildsWithoutSigningInUntilTheFirstCall() {
        List<String> prompts = new ArrayList<>();
        GraphCredentials credentials = GraphCredentials.deviceCode(TENANT, CLIENT, prompts::add);

        try (GraphDirectory entra = GraphDirectory.connect(GraphSettings.builder().credentials(credentials)
                .cloud(GraphCloud.US_GOVERNMENT).build())) {
            assertThat(entra.name()).isEqualTo("graph.microsoft.us (tenant " + TENANT + ")");
        }
        assertThat(prompts).isEmpty();
        assertThat(credentials.toString()).isEqualTo("device code sign-in with app " + CLIENT + " in tenant " + TENANT);
    }
}
