package dev.oktaentra.ldap;

import static dev.oktaentra.ldap.testing.RealActiveDirectory.BIND_DN_ENV;
import static dev.oktaentra.ldap.testing.RealActiveDirectory.CA_FILE_ENV;
import static dev.oktaentra.ldap.testing.RealActiveDirectory.PASSWORD_FILE_ENV;
import static dev.oktaentra.ldap.testing.RealActiveDirectory.REQUIRE_ENV;
import static dev.oktaentra.ldap.testing.RealActiveDirectory.SAM_LDB_ENV;
import static dev.oktaentra.ldap.testing.RealActiveDirectory.SMB_CONF_ENV;
import static dev.oktaentra.ldap.testing.RealActiveDirectory.URL_ENV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.ldap.testing.InMemoryActiveDirectory;
import dev.oktaentra.ldap.testing.RealActiveDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the real-AD tests run, skip or fail: without a DC they skip, unless one is required (as {@code .ci/run}
 * requires it), and a DC that is named but not usable fails them with a message saying what is wrong.
 */
class RealActiveDirectoryTest {

    private static final String PASSWORD = "Real-AD-Pa55-never-shown";

    @TempDir
    Path dir;

    @Test
    void from_withoutAUrl_findsNoDcAndTheTestsSkip() {
        assertThat(RealActiveDirectory.from(Map.<String, String>of()::get)).isEmpty();
        assertThat(RealActiveDirectory.from(Map.of(REQUIRE_ENV, "false")::get)).isEmpty();
        assertThat(RealActiveDirectory.HOW_TO_RUN).contains(URL_ENV).contains(".ci/samba-ad start")
                .doesNotContain("\n");
    }

    @Test
    void from_withoutAUrl_whenADcIsRequired_failsSayingHowToStartOne() {
        assertThatThrownBy(() -> RealActiveDirectory.from(Map.of(REQUIRE_ENV, "true")::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(REQUIRE_ENV + " is set")
                .hasMessageContaining(URL_ENV).hasMessageContaining(".ci/samba-ad start");
    }

    @Test
    void from_withAUrlButAVariableMissing_namesTheVariable() throws IOException {
        Map<String, String> env = environment(4711);
        env.remove(BIND_DN_ENV);

        assertThatThrownBy(() -> RealActiveDirectory.from(env::get)).hasMessageContaining(BIND_DN_ENV);
    }

    @Test
    void from_withAPlainLdapUrl_refusesIt() throws IOException {
        Map<String, String> env = environment(4711);
        env.put(URL_ENV, "ldap://localhost:389");

        assertThatThrownBy(() -> RealActiveDirectory.from(env::get)).hasMessageContaining("ldaps://");
    }

    @Test
    void from_whenThePasswordFileIsMissing_namesIt() throws IOException {
        Map<String, String> env = environment(4711);
        env.put(PASSWORD_FILE_ENV, dir.resolve("absent").toString());

        assertThatThrownBy(() -> RealActiveDirectory.from(env::get)).hasMessageContaining(PASSWORD_FILE_ENV)
                .hasMessageContaining("absent");
    }

    @Test
    void from_whenNothingListens_failsRatherThanSkips_withoutShowingThePassword() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = environment(port);

        assertThatThrownBy(() -> RealActiveDirectory.from(env::get)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ldaps://localhost:" + port).hasMessageContaining(".ci/samba-ad start")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void from_whenTheServerIsNoDomainController_saysSo() throws IOException, GeneralSecurityException {
        try (InMemoryActiveDirectory ad = InMemoryActiveDirectory.builder()
                .bindAccount("svc-sync", PASSWORD.toCharArray()).start()) {
            Map<String, String> env = environment(ad.ldapsPort());
            env.put(BIND_DN_ENV, ad.bindDn());
            env.put(CA_FILE_ENV, pem(ad).toString());

            assertThatThrownBy(() -> RealActiveDirectory.from(env::get))
                    .hasMessageContaining("no defaultNamingContext");
        }
    }

    private Map<String, String> environment(int port) throws IOException {
        Path password = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        Path ca = dir.resolve("ca.pem");
        if (!Files.exists(ca)) {
            try (InMemoryActiveDirectory ad = InMemoryActiveDirectory.start()) {
                Files.copy(pem(ad), ca);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<String, String> env = new HashMap<>();
        env.put(URL_ENV, "ldaps://localhost:" + port);
        env.put(BIND_DN_ENV, "CN=Administrator,CN=Users,DC=ad,DC=oktaentra,DC=test");
        env.put(PASSWORD_FILE_ENV, password.toString());
        env.put(CA_FILE_ENV, ca.toString());
        env.put(SMB_CONF_ENV, dir.resolve("smb.conf").toString());
        env.put(SAM_LDB_ENV, dir.resolve("sam.ldb").toString());
        return env;
    }

    /** The in-memory AD's certificate as a PEM file, as a CA hands its certificate out. */
    private Path pem(InMemoryActiveDirectory ad) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ad.trustStore())) {
            store.load(in, ad.trustStorePassword().chars());
        }
        byte[] der = store.getCertificate(store.aliases().nextElement()).getEncoded();
        String text = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
        return Files.writeString(Files.createTempFile(dir, "ca-", ".pem"), text);
    }
}
