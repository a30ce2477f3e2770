package dev.oktaentra.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.ldap.testing.InMemoryActiveDirectory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TLS by default, host names verified, plaintext only on request, and the password never in an error. */
class LdapTlsTest {

    private static final String WRONG_PASSWORD = "Wr0ng-Secret-4711";

    private static InMemoryActiveDirectory ad;

    @BeforeAll
    static void start() {
        ad = InMemoryActiveDirectory.start();
        ad.seedUsers("Staff", 5);
    }

    @AfterAll
    static void stop() {
        ad.close();
    }

    @Test
    void ldaps_readsUsersWithTheHostNameVerified() {
        try (LdapDirectory directory = LdapDirectory.connect(ad.ldapsSettings().build());
                Stream<?> users = directory.users()) {
            assertThat(users.count()).isEqualTo(5);
            assertThat(directory.name()).startsWith("ldaps://localhost:");
        }
    }

    @Test
    void startTls_readsUsersWithTheHostNameVerified() {
        try (LdapDirectory directory = LdapDirectory.connect(ad.startTlsSettings().build());
                Stream<?> users = directory.users()) {
            assertThat(users.count()).isEqualTo(5);
        }
    }

    @Test
    void ldaps_refusesACertificateIssuedForAnotherHost() {
        try (InMemoryActiveDirectory elsewhere = InMemoryActiveDirectory.builder()
                .certificateHostNames("dc1.fabrikam.com").start()) {
            LdapDirectoryException e = catchThrowableOfType(LdapDirectoryException.class,
                    () -> LdapDirectory.connect(elsewhere.ldapsSettings().build()));

            assertThat(e).hasMessageContaining("ldaps://localhost:" + elsewhere.ldapsPort())
                    .hasMessageContaining("issued for the name localhost");
            assertThat(stackTrace(e)).containsIgnoringCase("dc1.fabrikam.com");
        }
    }

    @Test
    void startTls_refusesACertificateIssuedForAnotherHost() {
        try (InMemoryActiveDirectory elsewhere = InMemoryActiveDirectory.builder()
                .certificateHostNames("dc1.fabrikam.com").start()) {
            LdapDirectoryException e = catchThrowableOfType(LdapDirectoryException.class,
                    () -> LdapDirectory.connect(elsewhere.startTlsSettings().build()));

            assertThat(stackTrace(e)).containsIgnoringCase("dc1.fabrikam.com");
        }
    }

    @Test
    void ldaps_refusesACertificateTheTrustStoreDoesNotHold() {
        LdapSettings jvmTrust = LdapSettings.builder().host(ad.host()).port(ad.ldapsPort())
                .bind(ad.bindUpn(), ad.bindPassword()).searchBase(ad.ouDn("Staff")).build();

        LdapDirectoryException e = catchThrowableOfType(LdapDirectoryException.class,
                () -> LdapDirectory.connect(jvmTrust));

        assertThat(e).hasMessageContaining("cannot connect").hasMessageContaining("trusted");
    }

    @Test
    void startTls_whenTheServerRefusesIt_neverFallsBackToPlaintext() {
        try (InMemoryActiveDirectory noTls = InMemoryActiveDirectory.builder().withoutStartTls().start()) {
            LdapDirectoryException e = catchThrowableOfType(LdapDirectoryException.class,
                    () -> LdapDirectory.connect(noTls.startTlsSettings().build()));

            assertThat(e).hasMessageContaining("ldap://localhost:" + noTls.ldapPort())
                    .hasMessageContaining("never falls back to plaintext");
        }
    }

    @Test
    void defaultSettings_speakTlsEvenToAPlainPort() {
        LdapSettings settings = ad.ldapsSettings().port(ad.ldapPort()).build();

        LdapDirectoryException e = catchThrowableOfType(LdapDirectoryException.class,
                () -> LdapDirectory.connect(settings));

        assertThat(settings.security()).isEqualTo(LdapSecurity.LDAPS);
        assertThat(e).hasMessageContaining("speaks LDAPS (not plain LDAP)");
    }

    @Test
    void plaintext_worksOnlyAfterTheExplicitOptIn() {
        LdapSettings settings = ad.ldapsSettings().port(ad.ldapPort()).allowPlaintextOnLoopback().build();

        try (LdapDirectory directory = LdapDirectory.connect(settings); Stream<?> users = directory.users()) {
            assertThat(users.count()).isEqualTo(5);
            assertThat(directory.name()).startsWith("ldap://");
        }
    }

    @Test
    void bind_acceptsADistinguishedNameAsWellAsAUpn() {
        try (LdapDirectory directory = LdapDirectory.connect(ad.ldapsSettings()
                .bind(ad.bindDn(), ad.bindPassword()).build()); Stream<?> users = directory.users()) {
            assertThat(users.count()).isEqualTo(5);
        }
    }

    @Test
    void bind_withAWrongPassword_failsWithoutRevealingIt() {
        LdapSettings settings = ad.ldapsSettings().bind(ad.bindUpn(), Secret.of(WRONG_PASSWORD)).build();

        LdapDirectoryException e = catchThrowableOfType(LdapDirectoryException.class,
                () -> LdapDirectory.connect(settings));

        assertThat(e.resultCode()).isEqualTo(49);
        assertThat(e).hasMessageContaining("invalid credentials").hasMessageContaining(ad.bindUpn());
        assertThat(stackTrace(e)).doesNotContain(WRONG_PASSWORD);
        assertThat(settings.toString()).doesNotContain(WRONG_PASSWORD).contains("(redacted)");
    }

    @Test
    void logs_neverContainThePassword() {
        String rightPassword = ad.bindPassword().reveal();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            try (LdapDirectory directory = LdapDirectory.connect(ad.ldapsSettings().build());
                    Stream<?> users = directory.users()) {
                users.count();
            }
            catchThrowableOfType(LdapDirectoryException.class, () -> LdapDirectory.connect(
                    ad.ldapsSettings().bind(ad.bindUpn(), Secret.of(WRONG_PASSWORD)).build()));
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).as("slf4j-simple output was captured").contains("Connected to ldaps://localhost:");
        assertThat(log).doesNotContain(rightPassword).doesNotContain(WRONG_PASSWORD);
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
