package dev.oktaentra.examples.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.settings.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void secret_fromTheEnvironment_isAFreshSecret() {
        Secrets secrets = Secrets.of(Map.of("OKTAENTRA_LDAP_PASSWORD", "pa55")::get, null);

        Secret first = secrets.secret("OKTAENTRA_LDAP_PASSWORD", "the LDAP password");
        first.clear();

        assertThat(secrets.secret("OKTAENTRA_LDAP_PASSWORD", "the LDAP password").reveal()).isEqualTo("pa55");
        assertThat(first.toString()).isEqualTo("[redacted]");
    }

    @Test
    void secret_notSet_isAskedForNamingTheVariable() {
        List<String> asked = new ArrayList<>();
        Secrets secrets = Secrets.of(Map.of("OTHER", "x")::get, message -> {
            asked.add(message);
            return "typed".toCharArray();
        });

        assertThat(secrets.secret("OKTAENTRA_OKTA_API_TOKEN", "the Okta API token").reveal()).isEqualTo("typed");
        assertThat(asked).containsExactly("The Okta API token (OKTAENTRA_OKTA_API_TOKEN is not set): ");
    }

    @Test
    void secret_notSetAndNobodyToAsk_failsNamingTheVariableAndWhereSecretsComeFrom() {
        Secrets secrets = Secrets.of(Map.of("OKTAENTRA_LDAP_PASSWORD", "")::get, null);

        assertThatThrownBy(() -> secrets.secret("OKTAENTRA_LDAP_PASSWORD", "the LDAP password of svc"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage("The environment variable OKTAENTRA_LDAP_PASSWORD (the LDAP password of svc) is set but "
                        + "empty, and there is no terminal to ask on. Set it in the environment of this command; "
                        + "secrets are never read from the command line or the configuration file");
    }

    @Test
    void secret_promptEndedWithoutInput_isAnError() {
        Secrets secrets = Secrets.of(name -> null, message -> null);

        assertThatThrownBy(() -> secrets.secret("X_TOKEN", "the token")).isInstanceOf(ConfigFileException.class)
                .hasMessage("Nothing was typed for the token (X_TOKEN is not set)");
    }

    @Test
    void secret_aValueWhereTheVariableNameBelongs_isRefusedWithoutShowingIt() {
        Secrets secrets = Secrets.of(name -> "x", null);

        assertThatThrownBy(() -> secrets.secret("s3cr3t value!", "the token")).isInstanceOf(ConfigFileException.class)
                .hasMessageNotContaining("s3cr3t");
    }
}
