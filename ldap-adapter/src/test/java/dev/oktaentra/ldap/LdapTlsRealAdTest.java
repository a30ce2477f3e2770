package dev.oktaentra.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.Loopback;
import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.ldap.testing.RealActiveDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLS and binds against a real Active Directory (Samba 4, {@code .ci/samba-ad}), whose certificate comes from a CA of
 * its own for {@code localhost}: verified against that CA only, and refused by the JVM's trust store. Like AD, the DC
 * refuses a simple bind over plain LDAP ({@code strongerAuthRequired}, 8) and accepts a DN, a UPN or
 * a down-level name such as {@code CONTOSO\svc-sync} ([MS-ADTS] 5.1.1.1.1 "Simple Authentication",
 * https://learn.microsoft.com/openspecs/windows_protocols/ms-adts/6a5891b8-928e-4b75-a4a5-0e3b77eaca52). AD refuses
 * the plain simple bind once "Domain controller: LDAP server signing requirements" is set, as Microsoft advises
 * (https://learn.microsoft.com/windows/security/threat-protection/security-policy-settings/domain-controller-ldap-server-signing-requirements),
 * and Samba by default.
 */
class LdapTlsRealAdTest {

    private static final String WRONG_PASSWORD = "Wr0ng-Real-AD-4711";

    private static RealActiveDirectory dc;
    private static String users;

    @BeforeAll
    static void connect() {
        dc = RealActiveDirectory.fromEnvironment().orElse(null);
        if (dc == null) {
            return;
        }
        users = "CN=Users," + dc.domainDn();
    }

    /** One line on every test saying how to run it, when no DC is configured (and none is required). */
    @BeforeEach
    void requireTheRealAd() {
        assumeTrue(dc != null, RealActiveDirectory.HOW_TO_RUN);
    }

    private static long count(LdapSettings settings) {
        try (LdapDirectory ad = LdapDirectory.connect(settings); Stream<OnPremUser> found = ad.users()) {
            return found.filter(u -> u.samAccountName().equalsIgnoreCase("Administrator")).count();
        }
    }

    @ParameterizedTest(name = "bound as {0}")
    @ValueSource(strings = {"dn", "upn", "down-level"})
    void ldaps_verifiedAgainstTheDcsCa_bindsByDnUpnOrDownLevelName(String form) {
        String identity = switch (form) {
            case "dn" -> dc.bindDn();
            case "upn" -> "Administrator@" + dc.domainName();
            default -> dc.netbiosName() + "\\Administrator";
        };

        assertThat(count(dc.ldapsSettings().bind(identity, dc.bindPassword()).searchBase(users).build()))
                .isEqualTo(1);
    }

    @Test
    void startTls_onPort389_readsWithTheCertificateVerified() {
        LdapSettings settings = dc.startTlsSettings().searchBase(users).build();

        assertThat(settings.url()).isEqualTo("ldap://" + dc.host() + ":389");
        assertThat(count(settings)).isEqualTo(1);
    }

    @Test
    void ldaps_withOnlyTheJvmsTrustStore_refusesTheDcsCertificate() {
        LdapSettings jvmTrust = LdapSettings.builder().host(dc.host()).port(dc.ldapsPort())
                .bind(dc.bindDn(), dc.bindPassword()).searchBase(users).build();

        LdapDirectoryException e = catchThrowableOfType(LdapDirectoryException.class,
                () -> LdapDirectory.connect(jvmTrust));

        assertThat(e).hasMessageContaining("cannot connect").hasMessageContaining("trusted");
    }

    @Test
    void plaintext_simpleBind_isRefusedAsAdRefusesIt_withTheAdviceToUseTls() {
        LdapSettings.Builder builder = dc.ldapsSettings().port(389).allowPlaintextOnLoopback().searchBase(users);
        if (!Loopback.isLoopback(dc.host())) {
            // A DC elsewhere on the network: plaintext is refused before a packet is sent.
            assertThatThrownBy(builder::build).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("loopback");
            return;
        }
        LdapSettings plain = builder.build();

        LdapDirectoryException e = catchThrowableOfType(LdapDirectoryException.class,
                () -> LdapDirectory.connect(plain));

        assertThat(e.resultCode()).isEqualTo(8);
        assertThat(e).hasMessageContaining("Transport encryption required")
                .hasMessageContaining("use ldaps() or startTls()");
    }

    @Test
    void bind_withAWrongPassword_namesAdsReasonCodeButNeverThePassword() {
        LdapSettings wrong = dc.ldapsSettings().bind(dc.bindDn(), Secret.of(WRONG_PASSWORD)).searchBase(users)
                .build();

        LdapDirectoryException e = catchThrowableOfType(LdapDirectoryException.class,
                () -> LdapDirectory.connect(wrong));

        assertThat(e.resultCode()).isEqualTo(49);
        assertThat(e).hasMessageContaining("data 52e").hasMessageContaining("'data 52e' means a wrong password");
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(WRONG_PASSWORD).doesNotContain(dc.bindPassword().reveal());
    }
}
