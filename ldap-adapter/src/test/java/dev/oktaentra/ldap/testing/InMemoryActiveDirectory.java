package dev.oktaentra.ldap.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.Attributes;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.ldap.LdapSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * An Active-Directory-like LDAP server in memory, for tests and the embedded rehearsal: UnboundID's
 * {@link InMemoryDirectoryServer} with AD's schema for the attributes the migration uses, one domain with OUs, a
 * bind account (by DN or UPN), an LDAPS listener and a plain listener that offers StartTLS, both on ephemeral
 * loopback ports with a freshly generated self-signed certificate for {@code localhost}, {@code 127.0.0.1} and
 * {@code ::1}.
 *
 * <pre>{@code
 * try (InMemoryActiveDirectory ad = InMemoryActiveDirectory.builder().organizationalUnits("Staff", "Sales").start()) {
 *     List<OnPremUser> seeded = ad.seedUsers("Staff", 2_000);           // objectGUIDs from a seeded random
 *     ad.addComputer("Staff", "WS0001");                                // (objectClass=user) matches it too
 *     try (LdapDirectory directory = LdapDirectory.connect(ad.ldapsSettings().build())) { ... }
 * }
 * }</pre>
 *
 * <p>Like a domain controller it refuses anonymous searches and writes, assigns an objectGUID to every object added
 * over LDAP and refuses to change one, and by default does not support the RFC 4528 assertion control. The same
 * seed gives the same GUIDs. Depends only on the JDK, UnboundID and oktaentra's core and ldap-adapter; never on a
 * test framework. Close it to stop the listeners and delete the generated key material.
 */
public final class InMemoryActiveDirectory implements AutoCloseable {

    /** The domain when none is given. */
    public static final String DEFAULT_DOMAIN = "contoso.com";
    /** The bind account's sAMAccountName when none is given. */
    public static final String DEFAULT_BIND_ACCOUNT = "svc-sync";
    /** The seed of the objectGUID generator when none is given. */
    public static final long DEFAULT_SEED = 20_260_101L;
    /**
     * The host name clients use. A name, not {@code 127.0.0.1}: UnboundID's host-name verifier accepts any
     * certificate when the address is a loopback IP (W3C "potentially trustworthy" origins), so only a name makes
     * verification meaningful. The listeners bind to the address this name resolves to first.
     */
    public static final String HOST = "localhost";

    private static final String LDAPS = "LDAPS";
    private static final String LDAP = "LDAP";

    private final InMemoryDirectoryServer server;
    private final Builder settings;
    private final String domainDn;
    private final String bindDn;
    private final TlsMaterial tls;
    private final Path workDirectory;
    private final RandomGenerator random;
    private final AdBehaviour behaviour;
    private final Set<DN> knownContainers = new HashSet<>();
    private int nextUserNumber = 1;

    private InMemoryActiveDirectory(Builder builder) throws LDAPException, IOException, GeneralSecurityException {
        this.settings = builder;
        this.domainDn = AdEntries.domainDn(builder.domain);
        this.bindDn = "CN=" + builder.bindAccount + ",CN=Users," + domainDn;
        this.random = new SplittableRandom(builder.seed);
        this.workDirectory = Files.createTempDirectory("oktaentra-in-memory-ad-");
        this.tls = TlsMaterial.generate(workDirectory, builder.certificateHostNames);

        SSLUtil serverTls = new SSLUtil(new KeyStoreKeyManager(tls.keyStore().toFile(), tls.keyStorePassword(),
                TlsMaterial.TYPE, TlsMaterial.ALIAS), null);
        SSLUtil clientTls = new SSLUtil(new TrustStoreTrustManager(tls.trustStore().toFile(),
                tls.trustStorePassword(), TlsMaterial.TYPE, true));
        InetAddress loopback = InetAddress.getByName(HOST);

        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(domainDn);
        config.setSchema(AdSchema.schema());
        config.addAdditionalBindCredentials(bindDn, new String(builder.bindPassword));
        // Like AD: no anonymous reads or writes.
        config.setAuthenticationRequiredOperationTypes(OperationType.SEARCH, OperationType.COMPARE,
                OperationType.ADD, OperationType.MODIFY, OperationType.DELETE, OperationType.MODIFY_DN);
        config.setEqualityIndexAttributes("objectGUID", "userPrincipalName");
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPSConfig(LDAPS, loopback, 0,
                        serverTls.createSSLServerSocketFactory(), clientTls.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPConfig(LDAP, loopback, 0,
                        builder.startTls ? serverTls.createSSLSocketFactory() : null));
        ServerSidePaging paging = new ServerSidePaging();
        this.behaviour = new AdBehaviour(Map.of(bindUpn().toLowerCase(Locale.ROOT), bindDn), this::newGuidBytes,
                builder.assertionControl, paging, domainDn, builder.domain);
        config.addInMemoryOperationInterceptor(behaviour);
        // Like AD, and much faster to seed: no entryUUID, timestamps or creatorsName on every add.
        config.setGenerateOperationalAttributes(false);
        this.server = new InMemoryDirectoryServer(config);
        paging.attach(server);
        behaviour.attach(server);

        server.add(new Entry(domainDn, new Attribute("objectClass", "top", "domain"),
                new Attribute("dc", builder.domain.substring(0, builder.domain.indexOf('.') < 0
                        ? builder.domain.length() : builder.domain.indexOf('.')))));
        server.add(new Entry("CN=Users," + domainDn, new Attribute("objectClass", "top", "container"),
                new Attribute("cn", "Users")));
        for (String ou : builder.organizationalUnits) {
            ensureContainers(new DN(ouDn(ou)));
        }
        server.startListening();
    }

    /**
     * A builder with the defaults: {@value #DEFAULT_DOMAIN}, OU {@code Staff}, bind account
     * {@value #DEFAULT_BIND_ACCOUNT}, StartTLS offered, no assertion control.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a directory with every default.
     *
     * @return the running directory; close it
     */
    public static InMemoryActiveDirectory start() {
        return builder().start();
    }

    // ---------------------------------------------------------------- where and how to connect

    /**
     * The host clients connect to.
     *
     * @return the host clients connect to, {@value #HOST}
     */
    public String host() {
        return HOST;
    }

    /**
     * The port for LDAP over TLS.
     *
     * @return the LDAPS port (ephemeral)
     */
    public int ldapsPort() {
        return server.getListenPort(LDAPS);
    }

    /**
     * The port for plain LDAP.
     *
     * @return the plain LDAP port, which offers StartTLS unless built {@link Builder#withoutStartTls()}
     */
    public int ldapPort() {
        return server.getListenPort(LDAP);
    }

    /**
     * The trust store that makes a client trust this server.
     *
     * @return the PKCS#12 trust store holding the server's self-signed certificate
     */
    public Path trustStore() {
        return tls.trustStore();
    }

    /**
     * The trust store's password.
     *
     * @return the trust store's password
     */
    public Secret trustStorePassword() {
        return Secret.of(tls.trustStorePassword());
    }

    /**
     * The domain's DNS name.
     *
     * @return the domain's DNS name, e.g. {@code contoso.com}
     */
    public String domainName() {
        return settings.domain;
    }

    /**
     * The domain's distinguished name.
     *
     * @return the domain's DN, e.g. {@code DC=contoso,DC=com}
     */
    public String domainDn() {
        return domainDn;
    }

    /**
     * The DN of an OU directly under the domain, or the DN itself when given one.
     *
     * @param nameOrDn {@code Staff}, or {@code OU=EMEA,OU=Sales,DC=contoso,DC=com}
     * @return e.g. {@code OU=Staff,DC=contoso,DC=com}
     */
    public String ouDn(String nameOrDn) {
        return nameOrDn.indexOf('=') >= 0 ? nameOrDn : "OU=" + nameOrDn + "," + domainDn;
    }

    /**
     * The OUs the builder created.
     *
     * @return the DNs of the OUs the builder created, in order
     */
    public List<String> organizationalUnitDns() {
        return settings.organizationalUnits.stream().map(this::ouDn).toList();
    }

    /**
     * The bind account's distinguished name.
     *
     * @return the bind account's DN, e.g. {@code CN=svc-sync,CN=Users,DC=contoso,DC=com}
     */
    public String bindDn() {
        return bindDn;
    }

    /**
     * The bind account's user principal name.
     *
     * @return the bind account's UPN, e.g. {@code svc-sync@contoso.com}
     */
    public String bindUpn() {
        return settings.bindAccount + "@" + settings.domain;
    }

    /**
     * The bind account's password.
     *
     * @return the bind account's password
     */
    public Secret bindPassword() {
        return Secret.of(settings.bindPassword);
    }

    /**
     * Settings for LDAPS with host-name verification against this server's trust store, bound by UPN, reading
     * every OU the builder created. Adjust before {@code build()}.
     *
     * @return a builder
     */
    public LdapSettings.Builder ldapsSettings() {
        return clientSettings().port(ldapsPort()).ldaps();
    }

    /**
     * Like {@link #ldapsSettings()}, over the plain port upgraded with StartTLS.
     *
     * @return a builder
     */
    public LdapSettings.Builder startTlsSettings() {
        return clientSettings().port(ldapPort()).startTls();
    }

    /**
     * Like {@link #ldapsSettings()}, over the plain port without TLS (the explicit opt-in).
     *
     * @return a builder
     */
    public LdapSettings.Builder plaintextSettings() {
        return clientSettings().port(ldapPort()).allowPlaintextOnLoopback();
    }

    private LdapSettings.Builder clientSettings() {
        LdapSettings.Builder builder = LdapSettings.builder().host(HOST)
                .trustStore(tls.trustStore(), trustStorePassword(), TlsMaterial.TYPE)
                .bind(bindUpn(), bindPassword());
        organizationalUnitDns().forEach(builder::searchBase);
        return builder;
    }

    /**
     * A plain connection bound as the bind account, for raw reads in tests and benchmarks. Close it.
     *
     * @return the connection
     */
    public LDAPConnection connection() {
        try {
            LDAPConnection connection = server.getConnection(LDAP);
            connection.bind(bindDn, new String(settings.bindPassword));
            return connection;
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot connect to the in-memory directory: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- seeding

    /**
     * Adds {@code count} users to an OU, with AD-style random objectGUIDs from the seeded generator, names
     * numbered across calls ({@code user000001}…), UPN and mail {@code userNNNNNN@domain}, one {@code SMTP:} proxy
     * address and {@code employeeID} {@code ENNNNNN}; no consistency GUID.
     *
     * @param ou the OU name or DN; created when missing
     * @param count how many
     * @return the users as an adapter reads them back (origin = the domain)
     */
    public List<OnPremUser> seedUsers(String ou, int count) {
        List<OnPremUser> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int number = nextUserNumber++;
            users.add(newUser(ou, String.format(Locale.ROOT, "user%06d", number))
                    .attributes(Attributes.builder().add("employeeID", String.format(Locale.ROOT, "E%06d", number))
                            .build())
                    .build());
        }
        addUsers(users);
        return users;
    }

    /**
     * A user not yet added: DN {@code CN=<sam>,<ou>}, UPN, mail, primary SMTP address, {@code employeeID} and the
     * next objectGUID from the seeded generator. Change what the test needs, then {@link #addUser}.
     *
     * @param ou the OU name or DN
     * @param samAccountName the logon name, also the CN
     * @return a builder
     */
    public OnPremUser.Builder newUser(String ou, String samAccountName) {
        String address = samAccountName + "@" + settings.domain;
        return OnPremUser.builder()
                .distinguishedName(new DN(new RDN("CN", samAccountName), AdEntries.dn(ouDn(ou))).toString())
                .samAccountName(samAccountName)
                .userPrincipalName(address)
                .mail(address)
                .proxyAddresses(List.of("SMTP:" + address))
                .objectGuid(ObjectGuid.of(newGuidBytes()))
                .origin(settings.domain);
    }

    /**
     * Adds a user exactly as given (its objectGUID included); missing parent OUs are created. The user's extra
     * attributes must be in the schema ({@code employeeID}, {@code employeeNumber}, {@code extensionAttribute1},
     * {@code msExchMailboxGuid}, {@code displayName}, {@code givenName}).
     *
     * @param user the user
     * @return the same user
     */
    public OnPremUser addUser(OnPremUser user) {
        addUsers(List.of(user));
        return user;
    }

    /**
     * Adds users; see {@link #addUser}.
     *
     * @param users the users
     */
    public void addUsers(Collection<OnPremUser> users) {
        // One by one: addEntries would snapshot the whole directory for every batch.
        for (OnPremUser user : users) {
            try {
                DN dn = AdEntries.dn(user.distinguishedName());
                ensureContainers(dn.getParent());
                server.add(AdEntries.user(user, dn, domainDn));
            } catch (LDAPException e) {
                throw new IllegalStateException("cannot add " + user.distinguishedName() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Adds a computer, which AD models as a subclass of user.
     *
     * @param ou the OU name or DN
     * @param name the computer name, e.g. {@code WS0001}
     * @return the computer's DN
     */
    public String addComputer(String ou, String name) {
        DN dn = new DN(new RDN("CN", name), AdEntries.dn(ouDn(ou)));
        add(AdEntries.computer(dn, name, settings.domain, domainDn, newGuidBytes()));
        return dn.toString();
    }

    /**
     * Adds any entry as given, e.g. one with a broken objectGUID; missing parent OUs are created.
     *
     * @param entry the entry
     */
    public void add(Entry entry) {
        try {
            ensureContainers(entry.getParsedDN().getParent());
            server.add(entry);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot add " + entry.getDN() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets an attribute's values directly in the server, as another administrator would.
     *
     * @param dn the object
     * @param attribute the attribute
     * @param values the new values; none to remove the attribute
     */
    public void replace(String dn, String attribute, byte[]... values) {
        modify(dn, new Modification(ModificationType.REPLACE, attribute, values));
    }

    /**
     * Sets a text attribute's values directly in the server.
     *
     * @param dn the object
     * @param attribute the attribute
     * @param values the new values; none to remove the attribute
     */
    public void replace(String dn, String attribute, String... values) {
        modify(dn, new Modification(ModificationType.REPLACE, attribute, values));
    }

    /**
     * Reads an entry directly from the server, every attribute included.
     *
     * @param dn the object
     * @return the entry, or {@code null} when there is none
     */
    public Entry entry(String dn) {
        try {
            return server.getEntry(dn, "*", "+");
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot read " + dn + ": " + e.getMessage(), e);
        }
    }

    /**
     * Search requests received over the network so far; each page of a paged search counts once. Lets a test see
     * that a stream fetches pages only as they are consumed.
     *
     * @return the count
     */
    public long searchRequestCount() {
        return behaviour.searchRequests();
    }

    /**
     * Applies the next {@code times} modifies that succeed over the network and then loses their answer as
     * {@code how} says: the change is made and the client is not told.
     *
     * @param how how the answer is lost
     * @param times how many modifies
     */
    public void loseModifyAnswers(LostAnswer how, int times) {
        behaviour.loseModifyAnswers(java.util.Objects.requireNonNull(how, "how"), times);
    }

    /**
     * The number of entries.
     *
     * @return how many entries the server holds, containers included
     */
    public int size() {
        return server.countEntries();
    }

    /** Stops the listeners and deletes the generated key and trust stores. */
    @Override
    public void close() {
        server.shutDown(true);
        try {
            Files.deleteIfExists(tls.keyStore());
            Files.deleteIfExists(tls.trustStore());
            Files.deleteIfExists(workDirectory);
        } catch (IOException e) {
            // Temporary files only; the OS cleans its temp directory.
        }
    }

    // ---------------------------------------------------------------- internals

    private void modify(String dn, Modification modification) {
        try {
            server.modify(dn, modification);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot modify " + dn + ": " + e.getMessage(), e);
        }
    }

    /** Creates the OUs on the way down from the domain to {@code dn}, where missing. */
    private void ensureContainers(DN dn) throws LDAPException {
        if (dn == null || dn.isNullDN() || !dn.isDescendantOf(domainDn, false)) {
            return;
        }
        if (knownContainers.contains(dn)) {
            return;
        }
        if (server.getEntry(dn.toString()) != null) {
            knownContainers.add(dn);
            return;
        }
        ensureContainers(dn.getParent());
        RDN rdn = dn.getRDN();
        String type = rdn.getAttributeNames()[0];
        String value = rdn.getAttributeValues()[0];
        if (type.equalsIgnoreCase("OU")) {
            server.add(new Entry(dn, new Attribute("objectClass", "top", "organizationalUnit"),
                    new Attribute("ou", value)));
        } else {
            server.add(new Entry(dn, new Attribute("objectClass", "top", "container"), new Attribute("cn", value)));
        }
        knownContainers.add(dn);
    }

    private synchronized byte[] newGuidBytes() {
        return ObjectGuid.random(random).bytes();
    }

    /** Options for {@link InMemoryActiveDirectory}; every one has a default. */
    public static final class Builder {

        private String domain = DEFAULT_DOMAIN;
        private List<String> organizationalUnits = List.of("Staff");
        private String bindAccount = DEFAULT_BIND_ACCOUNT;
        private char[] bindPassword = "in-memory-Pa55".toCharArray();
        private long seed = DEFAULT_SEED;
        private List<String> certificateHostNames = List.of(HOST, "127.0.0.1", "::1");
        private boolean startTls = true;
        private boolean assertionControl;

        private Builder() {
        }

        /**
         * Sets the domain.
         *
         * @param dnsName the domain, e.g. {@code fabrikam.com}; its DN is built from the labels
         * @return this builder
         */
        public Builder domain(String dnsName) {
            if (dnsName == null || !dnsName.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*")) {
                throw new IllegalArgumentException("not a DNS name: " + dnsName);
            }
            this.domain = dnsName;
            return this;
        }

        /**
         * Sets the OUs to create.
         *
         * @param names OU names created directly under the domain (DNs allowed for nested OUs)
         * @return this builder
         */
        public Builder organizationalUnits(String... names) {
            this.organizationalUnits = List.of(names);
            return this;
        }

        /**
         * Sets the account clients bind as.
         *
         * @param samAccountName the bind account's name; its UPN is {@code name@domain}
         * @param password its password; copied
         * @return this builder
         */
        public Builder bindAccount(String samAccountName, char[] password) {
            this.bindAccount = samAccountName;
            this.bindPassword = password.clone();
            return this;
        }

        /**
         * Sets the seed of the generated objectGUIDs.
         *
         * @param value the seed of the objectGUID generator
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets the names the server's certificate is valid for.
         *
         * @param names the certificate's subject alternative names (host names and IP addresses); by default
         *        {@value #HOST}, {@code 127.0.0.1} and {@code ::1}. Leave {@value #HOST} out to test host-name
         *        verification.
         * @return this builder
         */
        public Builder certificateHostNames(String... names) {
            if (names.length == 0) {
                throw new IllegalArgumentException("at least one certificate host name is needed");
            }
            this.certificateHostNames = List.of(names);
            return this;
        }

        /**
         * The plain port refuses StartTLS, as a DC without a certificate does.
         *
         * @return this builder
         */
        public Builder withoutStartTls() {
            this.startTls = false;
            return this;
        }

        /**
         * Advertises and honours the RFC 4528 assertion control, which AD does not (OpenLDAP does).
         *
         * @return this builder
         */
        public Builder withAssertionControl() {
            this.assertionControl = true;
            return this;
        }

        /**
         * Generates the certificate, builds the tree and starts listening.
         *
         * @return the running directory; close it
         */
        public InMemoryActiveDirectory start() {
            try {
                return new InMemoryActiveDirectory(this);
            } catch (LDAPException | IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot start the in-memory directory: " + e.getMessage(), e);
            }
        }
    }
}
