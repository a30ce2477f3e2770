package dev.oktaentra.ldap.testing;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.ldap.LdapSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * A real Active Directory domain controller for the {@code *RealAdTest} classes: the Samba 4 DC that
 * {@code .ci/samba-ad start} runs on loopback, found through the environment {@code .ci/samba-ad env} prints.
 *
 * <pre>{@code
 * RealActiveDirectory dc = RealActiveDirectory.fromEnvironment().orElse(null);
 * assumeTrue(dc != null, RealActiveDirectory.HOW_TO_RUN);             // one line saying how to run them
 * RealAdSeed seed = dc.seed();                                         // 10,000 users, seeded once per domain
 * try (LdapDirectory ad = LdapDirectory.connect(dc.ldapsSettings().searchBases(seed.searchBases()).build())) { ... }
 * }</pre>
 *
 * <p>Without {@value #URL_ENV} the tests skip, unless {@value #REQUIRE_ENV} is set ({@code .ci/run} sets it), where a
 * missing DC fails them. A DC that is configured but cannot be reached, trusted or bound to fails them too. One
 * instance per JVM, shared by every test class. Depends on the JDK, UnboundID and oktaentra only, never on a test
 * framework; nothing here shows the password.
 */
public final class RealActiveDirectory {

    /** The DC's LDAPS URL, e.g. {@code ldaps://localhost:636}. */
    public static final String URL_ENV = "OKTAENTRA_REAL_AD_URL";
    /** The DN the tests bind as. */
    public static final String BIND_DN_ENV = "OKTAENTRA_REAL_AD_BIND_DN";
    /** A file holding the bind password and nothing else. */
    public static final String PASSWORD_FILE_ENV = "OKTAENTRA_REAL_AD_PASSWORD_FILE";
    /** The PEM file of the CA that issued the DC's certificate. */
    public static final String CA_FILE_ENV = "OKTAENTRA_REAL_AD_CA_FILE";
    /** Samba's {@code smb.conf}, for {@code samba-tool}. */
    public static final String SMB_CONF_ENV = "OKTAENTRA_REAL_AD_SMB_CONF";
    /** Samba's {@code sam.ldb}, for {@code ldbsearch}. */
    public static final String SAM_LDB_ENV = "OKTAENTRA_REAL_AD_SAM_LDB";
    /** Set (to anything but {@code false}) to make a missing DC fail the tests rather than skip them. */
    public static final String REQUIRE_ENV = "OKTAENTRA_REQUIRE_REAL_AD";
    /** How to start a DC and point the tests at it. */
    public static final String START_COMMAND = "as root run `.ci/samba-ad start && eval \"$(.ci/samba-ad env)\"`"
            + " before mvn (README, Build and test)";
    /** Why a test skipped, and how to run it: one line. */
    public static final String HOW_TO_RUN = "No real AD (" + URL_ENV + " unset) to test against: " + START_COMMAND;

    private static RealActiveDirectory shared;

    private final String host;
    private final int port;
    private final String bindDn;
    private final char[] password;
    private final PemTrustStore trust;
    private final SambaTools tools;
    private final String domainDn;
    private final String netbiosName;
    private RealAdSeed seed;

    private RealActiveDirectory(LDAPURL url, String bindDn, char[] password, PemTrustStore trust, SambaTools tools) {
        this.host = url.getHost();
        this.port = url.getPort();
        this.bindDn = bindDn;
        this.password = password;
        this.trust = trust;
        this.tools = tools;
        try (LDAPConnection connection = connection()) {
            RootDSE root = connection.getRootDSE();
            String naming = root == null ? null : root.getAttributeValue("defaultNamingContext");
            if (naming == null) {
                throw new IllegalStateException(url + " has no defaultNamingContext in its root DSE; is it an AD DC?");
            }
            this.domainDn = naming;
            // The domain's crossRef holds its NetBIOS name (https://learn.microsoft.com/windows/win32/ad/referrals).
            SearchResultEntry crossRef = connection.searchForEntry("CN=Partitions," + root.getAttributeValue(
                    "configurationNamingContext"), SearchScope.ONE, Filter.createANDFilter(
                    Filter.createEqualityFilter("objectClass", "crossRef"), Filter.createEqualityFilter("nCName",
                    naming)), "nETBIOSName");
            this.netbiosName = crossRef == null ? null : crossRef.getAttributeValue("nETBIOSName");
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot read the root DSE of " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * The DC the environment names, shared by every caller in this JVM.
     *
     * @return the DC, or empty when none is configured and none is required
     * @throws IllegalStateException when one is required but not configured, or configured but not usable
     */
    public static synchronized Optional<RealActiveDirectory> fromEnvironment() {
        if (shared == null) {
            Optional<RealActiveDirectory> found = from(System::getenv);
            if (found.isEmpty()) {
                return found;
            }
            shared = found.get();
        }
        return Optional.of(shared);
    }

    /**
     * The DC these variables name; a new instance each call.
     *
     * @param env the environment, e.g. {@code System::getenv}
     * @return the DC, or empty when none is configured and none is required
     * @throws IllegalStateException when one is required but not configured, or configured but not usable
     */
    public static Optional<RealActiveDirectory> from(Function<String, String> env) {
        String url = env.apply(URL_ENV);
        if (url == null || url.isBlank()) {
            String required = env.apply(REQUIRE_ENV);
            if (required != null && !required.equalsIgnoreCase("false")) {
                throw new IllegalStateException(REQUIRE_ENV + " is set but " + URL_ENV + " is not: the real-AD tests"
                        + " must run here; " + START_COMMAND);
            }
            return Optional.empty();
        }
        LDAPURL parsed;
        try {
            parsed = new LDAPURL(url);
        } catch (LDAPException e) {
            throw new IllegalStateException(URL_ENV + " " + url + " is not an LDAP URL: " + e.getMessage(), e);
        }
        if (!parsed.getScheme().equalsIgnoreCase("ldaps")) {
            throw new IllegalStateException(URL_ENV + " " + url + " must be an ldaps:// URL");
        }
        String bindDn = required(env, BIND_DN_ENV);
        char[] password = readPassword(Path.of(required(env, PASSWORD_FILE_ENV)));
        PemTrustStore trust = PemTrustStore.of(Path.of(required(env, CA_FILE_ENV)));
        SambaTools tools = new SambaTools(Path.of(required(env, SMB_CONF_ENV)), Path.of(required(env, SAM_LDB_ENV)),
                url, bindDn, Path.of(env.apply(PASSWORD_FILE_ENV)), Path.of(env.apply(CA_FILE_ENV)));
        return Optional.of(new RealActiveDirectory(parsed, bindDn, password, trust, tools));
    }

    private static String required(Function<String, String> env, String name) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(URL_ENV + " is set but " + name + " is not; "
                    + "set every variable `.ci/samba-ad env` prints");
        }
        return value;
    }

    private static char[] readPassword(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            char[] chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes)).array();
            Arrays.fill(bytes, (byte) 0);
            int length = chars.length;
            while (length > 0 && (chars[length - 1] == '\n' || chars[length - 1] == '\r' || chars[length - 1] == 0)) {
                length--;
            }
            if (length == 0) {
                throw new IllegalStateException(PASSWORD_FILE_ENV + " " + file + " is empty");
            }
            char[] password = Arrays.copyOf(chars, length);
            Arrays.fill(chars, '\0');
            return password;
        } catch (IOException e) {
            throw new IllegalStateException(PASSWORD_FILE_ENV + " " + file + " cannot be read (" + e.getMessage()
                    + "); the tests must run as the user who started the DC", e);
        }
    }

    /**
     * The host the tests connect to.
     *
     * @return the host the tests connect to, e.g. {@code localhost} (a name, so host-name checks mean something)
     */
    public String host() {
        return host;
    }

    /**
     * The port for LDAP over TLS.
     *
     * @return the LDAPS port
     */
    public int ldapsPort() {
        return port;
    }

    /**
     * The domain's distinguished name.
     *
     * @return the domain's DN, e.g. {@code DC=ad,DC=oktaentra,DC=test}, read from the root DSE
     */
    public String domainDn() {
        return domainDn;
    }

    /**
     * The domain's DNS name.
     *
     * @return the domain's DNS name, e.g. {@code ad.oktaentra.test}, from its DN
     */
    public String domainName() {
        return domainDn.replaceAll("(?i)dc=", "").replace(',', '.');
    }

    /**
     * The domain's NetBIOS name.
     *
     * @return the domain's NetBIOS name, e.g. {@code OKTAENTRA}, for down-level binds such as
     *         {@code OKTAENTRA\Administrator}
     */
    public String netbiosName() {
        return netbiosName;
    }

    /**
     * The account the tests bind as.
     *
     * @return the DN the tests bind as
     */
    public String bindDn() {
        return bindDn;
    }

    /**
     * The bind account's password.
     *
     * @return the bind password
     */
    public Secret bindPassword() {
        return Secret.of(password);
    }

    /**
     * The trust store for the DC's CA.
     *
     * @return the PKCS#12 trust store holding only the DC's CA, and its password
     */
    public PemTrustStore trust() {
        return trust;
    }

    /**
     * Command-line tools to cross-check what the tests read and write.
     *
     * @return Samba's and OpenLDAP's command-line tools pointed at this DC
     */
    public SambaTools tools() {
        return tools;
    }

    /**
     * Settings for LDAPS on the DC's port with the host name verified against a trust store holding only the DC's
     * CA, bound by DN. Add search bases before {@code build()}.
     *
     * @return a builder
     */
    public LdapSettings.Builder ldapsSettings() {
        return LdapSettings.builder().host(host).port(port).ldaps()
                .trustStore(trust.file(), Secret.of(trust.password()), PemTrustStore.TYPE)
                .bind(bindDn, bindPassword());
    }

    /**
     * Like {@link #ldapsSettings()}, over port 389 upgraded with StartTLS.
     *
     * @return a builder
     */
    public LdapSettings.Builder startTlsSettings() {
        return ldapsSettings().port(LdapSettings.DEFAULT_LDAP_PORT).startTls();
    }

    /**
     * A connection over LDAPS, certificate and host name verified, bound; for setting up and reading back. Close it.
     *
     * @return the connection
     */
    public LDAPConnection connection() {
        try {
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
            options.setResponseTimeoutMillis(120_000);
            SSLUtil ssl = new SSLUtil(new TrustStoreTrustManager(trust.file().toFile(), trust.password(),
                    PemTrustStore.TYPE, true));
            LDAPConnection connection = new LDAPConnection(ssl.createSSLSocketFactory(), options, host, port);
            try {
                connection.bind(bindDn, new String(password));
            } catch (LDAPException e) {
                connection.close();
                throw e;
            }
            return connection;
        } catch (LDAPException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot connect to the real AD at ldaps://" + host + ":" + port
                    + " and bind as " + bindDn + " (is `.ci/samba-ad start` running?): " + e.getMessage(), e);
        }
    }

    /**
     * The 10,000 users the tests read, seeded on first use in this domain and reused afterwards.
     *
     * @return the seed
     */
    public synchronized RealAdSeed seed() {
        if (seed == null) {
            seed = RealAdSeed.ensure(this);
        }
        return seed;
    }

    /**
     * A fresh OU for a test that writes, deleted with everything in it when closed.
     *
     * @param purpose a word for the OU's name, e.g. {@code writes}
     * @return the OU
     */
    public ScratchOu scratchOu(String purpose) {
        return ScratchOu.create(this, purpose);
    }

    @Override
    public String toString() {
        return "RealActiveDirectory[ldaps://" + host + ":" + port + ", " + domainDn + ", bind=" + bindDn
                + ", password=(redacted)]";
    }
}
