package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.provisioning.ImmutableIdMapping;
import dev.oktaentra.core.provisioning.ProvisioningState;
import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.okta.testing.FakeApp;
import dev.oktaentra.okta.testing.FakeOktaServer;
import dev.oktaentra.okta.testing.RecordedRequest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrivateKeyTest {

    private static KeyPair rsa;
    private static KeyPair otherRsa;

    private FakeOktaServer fake;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
        otherRsa = generator.generateKeyPair();
    }

    @BeforeEach
    void start() {
        fake = FakeOktaServer.start();
        fake.addApp(FakeApp.office365("0oaO365a", "Office 365"));
        fake.registerServiceApp("0oaServiceApp", rsa.getPublic(), OktaCredentials.DEFAULT_SCOPES);
        fake.registerServiceApp("0oaNarrowApp", rsa.getPublic(), Set.of("okta.apps.read", "okta.apps.manage"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private OktaSettings.Builder builder(OktaCredentials credentials) {
        return TestOrgs.builder(fake).credentials(credentials);
    }

    private static OktaProvisioning connect(OktaSettings.Builder builder) {
        return OktaProvisioning.connect(builder.build());
    }

    @Test
    void privateKey_signsInAndDisablesWithABearerToken() {
        try (OktaProvisioning okta = connect(builder(OktaCredentials.privateKey("0oaServiceApp", "kid-1",
                OktaCredentials.DEFAULT_SCOPES, rsa.getPrivate())))) {
            assertThat(okta.disable("0oaO365a")).isEqualTo(ProvisioningState.DISABLED);
            assertThat(okta.toString()).isEqualTo("OktaProvisioning[" + fake.orgUrl()
                    + ", OAuth 2.0 client 0oaServiceApp]");
        }
        assertThat(fake.requests().get(0)).extracting(RecordedRequest::path, RecordedRequest::status)
                .containsExactly("/oauth2/v1/token", 200);
        assertThat(fake.requests().subList(1, fake.requests().size())).as("the calls after the token request")
                .isNotEmpty().allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer [redacted]"));
    }

    @Test
    void privateKey_acceptsPemText() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(rsa.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        try (OktaProvisioning okta = connect(builder(OktaCredentials.privateKeyPem("0oaServiceApp", null,
                OktaCredentials.DEFAULT_SCOPES, Secret.of(pem))))) {
            assertThat(okta.apps()).hasSize(1);
        }
    }

    @Test
    void privateKey_withTheWrongKeyFailsAtBuildWithoutShowingTheKey() {
        String encodedKey = Base64.getEncoder().encodeToString(otherRsa.getPrivate().getEncoded());

        assertThatThrownBy(() -> connect(builder(OktaCredentials.privateKey("0oaServiceApp", null,
                OktaCredentials.DEFAULT_SCOPES, otherRsa.getPrivate()))))
                .isInstanceOf(OktaException.class)
                .hasMessageContaining("sign in as OAuth 2.0 client 0oaServiceApp")
                .hasMessageContaining("invalid_client")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(encodedKey.substring(40, 80)));
    }

    @Test
    void privateKey_withoutTheMappingScopeExplainsInsteadOfFailing() {
        try (OktaProvisioning okta = connect(builder(OktaCredentials.privateKey("0oaNarrowApp", null,
                Set.of("okta.apps.read", "okta.apps.manage"), rsa.getPrivate())))) {
            ImmutableIdMapping mapping = okta.immutableIdMapping("0oaO365a");

            assertThat(mapping.expression()).isNull();
            assertThat(mapping.sourceAttribute()).isNull();
            assertThat(mapping.explanation()).contains("HTTP 403 E0000006")
                    .contains("okta.profileMappings.read");
            assertThat(okta.apps()).hasSize(1);
        }
    }

    @Test
    void privateKey_withoutAppScopesFailsWithAPermissionHint() {
        fake.registerServiceApp("0oaMappingsOnly", rsa.getPublic(), Set.of("okta.profileMappings.read"));

        try (OktaProvisioning okta = connect(builder(OktaCredentials.privateKey("0oaMappingsOnly", null,
                Set.of("okta.profileMappings.read"), rsa.getPrivate())))) {
            assertThatThrownBy(okta::apps).isInstanceOf(OktaException.class)
                    .hasMessageContaining("HTTP 403 E0000006")
                    .hasMessageContaining("okta.apps.read");
        }
    }

    @Test
    void privateKey_askingForScopesNotGrantedFailsAtBuild() {
        assertThatThrownBy(() -> connect(builder(OktaCredentials.privateKey("0oaNarrowApp", null,
                OktaCredentials.DEFAULT_SCOPES, rsa.getPrivate()))))
                .isInstanceOf(OktaException.class).hasMessageContaining("HTTP 400 invalid_scope");
    }

    @Test
    void privateKey_ecKeysWorkToo() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = generator.generateKeyPair();
        fake.registerServiceApp("0oaEcApp", ec.getPublic(), OktaCredentials.DEFAULT_SCOPES);

        try (OktaProvisioning okta = connect(builder(OktaCredentials.privateKey("0oaEcApp", null,
                OktaCredentials.DEFAULT_SCOPES, ec.getPrivate())))) {
            assertThat(okta.apps()).hasSize(1);
        }
    }

    @Test
    void credentials_toStringNamesTheClientNotTheKey() {
        OktaCredentials credentials = OktaCredentials.privateKey("0oaServiceApp", "kid-1",
                OktaCredentials.DEFAULT_SCOPES, rsa.getPrivate());

        assertThat(credentials.toString()).isEqualTo("OktaCredentials[OAuth 2.0 private key, clientId=0oaServiceApp,"
                + " kid=kid-1, scopes=[okta.apps.manage, okta.apps.read, okta.profileMappings.read], key redacted]");
    }

    @Test
    void credentials_refuseTextThatIsNotPem() {
        assertThatThrownBy(() -> OktaCredentials.privateKeyPem("c", null, OktaCredentials.DEFAULT_SCOPES,
                Secret.of("/path/to/key.pem"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not PEM").hasMessageNotContaining("/path");
        assertThatThrownBy(() -> OktaCredentials.privateKey("c", null, Set.of(), rsa.getPrivate()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("scope");
    }
}
