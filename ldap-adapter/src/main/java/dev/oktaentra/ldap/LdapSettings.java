package dev.oktaentra.ldap;

import static dev.oktaentra.core.OktaEntraException.quote;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.Loopback;
import dev.oktaentra.core.settings.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to reach and read one Active Directory domain: the domain controller, TLS, the bind account, the OUs selected
 * for sync and paging. Immutable; built with {@link #builder()}, which checks every value as it is given and the
 * combination in {@link Builder#build()}.
 *
 * <p>The defaults are the safe ones: {@link LdapSecurity#LDAPS} with host-name verification against the JVM's trust
 * store (or the one given), pages of {@value #DEFAULT_PAGE_SIZE} (Active Directory's {@code MaxPageSize}), and the
 * {@link #DEFAULT_USER_FILTER} that keeps computers out. {@link #toString()} never shows a password.
 */
public final class LdapSettings {

    /** Port of LDAP over TLS. */
    public static final int DEFAULT_LDAPS_PORT = 636;
    /** Port of plain LDAP, also used for StartTLS. */
    public static final int DEFAULT_LDAP_PORT = 389;
    /** Entries per page; Active Directory's default {@code MaxPageSize}, beyond which it shortens pages anyway. */
    public static final int DEFAULT_PAGE_SIZE = 1000;
    /** Largest page size accepted; the adapter holds at most two pages in memory. */
    public static final int MAX_PAGE_SIZE = 10_000;
    /** Connections kept per domain controller. */
    public static final int DEFAULT_POOL_SIZE = 4;
    /** Largest pool accepted. */
    public static final int MAX_POOL_SIZE = 64;
    /** How long to wait for a TCP and TLS connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long to wait for the answer to one request, such as one page of a search. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofMinutes(2);
    /** Trust store format when none is named. */
    public static final String DEFAULT_TRUST_STORE_TYPE = "PKCS12";
    /**
     * Person users, not computers: in Active Directory {@code computer} is a subclass of {@code user}, so
     * {@code (objectClass=user)} alone also returns every workstation and managed service account.
     */
    public static final String DEFAULT_USER_FILTER = "(&(objectClass=user)(!(objectClass=computer)))";
    /** The attributes written back only where empty, unless {@link Builder#backFillAttributes} says otherwise. */
    public static final List<String> DEFAULT_BACK_FILL_ATTRIBUTES = List.of("mail");

    private final String host;
    private final int port;
    private final LdapSecurity security;
    private final Path trustStore;
    private final Secret trustStorePassword;
    private final String trustStoreType;
    private final String bindIdentity;
    private final Secret password;
    private final int poolSize;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final List<String> searchBases;
    private final String userFilter;
    private final int pageSize;
    private final List<String> extraAttributes;
    private final Set<String> binaryAttributes;
    private final List<String> backFillAttributes;
    private final String domain;

    private LdapSettings(Builder b, String domain) {
        this.host = b.host;
        this.port = b.port != 0 ? b.port : b.security == LdapSecurity.LDAPS ? DEFAULT_LDAPS_PORT : DEFAULT_LDAP_PORT;
        this.security = b.security;
        this.trustStore = b.trustStore;
        this.trustStorePassword = b.trustStorePassword;
        this.trustStoreType = b.trustStoreType;
        this.bindIdentity = b.bindIdentity;
        this.password = b.password;
        this.poolSize = b.poolSize;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.searchBases = List.copyOf(b.searchBases);
        this.userFilter = b.userFilter;
        this.pageSize = b.pageSize;
        this.extraAttributes = List.copyOf(b.extraAttributes);
        TreeSet<String> binary = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        binary.addAll(b.binaryAttributes);
        this.binaryAttributes = Collections.unmodifiableSet(binary);
        this.backFillAttributes = List.copyOf(b.backFillAttributes);
        this.domain = domain;
    }

    /**
     * A builder with the defaults; {@code host}, {@code bind} and at least one {@code searchBase} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The domain controller.
     *
     * @return the domain controller's host name or address
     */
    public String host() {
        return host;
    }

    /**
     * The port.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * How the connection is protected.
     *
     * @return how the connection is protected
     */
    public LdapSecurity security() {
        return security;
    }

    /**
     * The trust store file.
     *
     * @return the trust store file, or empty to trust what the JVM trusts
     */
    public Optional<Path> trustStore() {
        return Optional.ofNullable(trustStore);
    }

    /**
     * The trust store's format.
     *
     * @return the trust store format, e.g. {@code PKCS12} or {@code JKS}
     */
    public String trustStoreType() {
        return trustStoreType;
    }

    /**
     * The account the adapter binds as.
     *
     * @return the DN or UPN the adapter binds as
     */
    public String bindIdentity() {
        return bindIdentity;
    }

    /**
     * The size of the connection pool.
     *
     * @return connections kept open to the domain controller
     */
    public int poolSize() {
        return poolSize;
    }

    /**
     * How long to wait for a connection.
     *
     * @return how long to wait for a connection
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How long to wait for one response.
     *
     * @return how long to wait for one response
     */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /**
     * The OUs (or containers) selected for sync.
     *
     * @return the OUs (or containers) selected for sync, searched with subtree scope, none inside another
     */
    public List<String> searchBases() {
        return searchBases;
    }

    /**
     * The LDAP filter that selects users.
     *
     * @return the LDAP filter that selects users in the search bases
     */
    public String userFilter() {
        return userFilter;
    }

    /**
     * The page size of the paged search.
     *
     * @return entries per page of the paged search
     */
    public int pageSize() {
        return pageSize;
    }

    /**
     * Further attributes to read.
     *
     * @return further attributes read into {@code OnPremUser.attributes()}, beside {@code employeeID}
     */
    public List<String> extraAttributes() {
        return extraAttributes;
    }

    /**
     * Attributes read as bytes.
     *
     * @return attributes always read as raw bytes, never decoded as text (case-insensitive set)
     */
    public Set<String> binaryAttributes() {
        return binaryAttributes;
    }

    /**
     * Attributes the writer back-fills.
     *
     * @return attributes the writer back-fills where empty, besides {@code mS-DS-ConsistencyGuid}
     */
    public List<String> backFillAttributes() {
        return backFillAttributes;
    }

    /**
     * The DNS name of the domain, taken from the {@code DC=} components of the search bases unless set with
     * {@link Builder#domain}; every user read carries it as its origin.
     *
     * @return e.g. {@code contoso.com}
     */
    public String domain() {
        return domain;
    }

    /**
     * The domain controller's LDAP URL.
     *
     * @return e.g. {@code ldaps://dc1.contoso.com:636}
     */
    public String url() {
        String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return security.scheme() + "://" + shownHost + ":" + port;
    }

    /** A copy of the password, for the bind; package-private so it never leaves the adapter. The caller wipes it. */
    char[] password() {
        return password.chars();
    }

    /** A copy of the trust store password, or {@code null}. The caller wipes it. */
    char[] trustStorePassword() {
        return trustStorePassword == null ? null : trustStorePassword.chars();
    }

    /** Every setting but the passwords, which show as {@code (redacted)}. */
    @Override
    public String toString() {
        return "LdapSettings[" + url() + (security == LdapSecurity.START_TLS ? " +StartTLS" : "")
                + ", domain=" + domain
                + ", trustStore=" + (trustStore == null ? "(JVM default)" : trustStore + " (" + trustStoreType + ")")
                + ", bind=" + bindIdentity + ", password=(redacted)"
                + ", searchBases=" + searchBases + ", userFilter=" + userFilter + ", pageSize=" + pageSize
                + ", poolSize=" + poolSize + ", connectTimeout=" + connectTimeout
                + ", responseTimeout=" + responseTimeout + ", extraAttributes=" + extraAttributes
                + ", binaryAttributes=" + binaryAttributes + ", backFillAttributes=" + backFillAttributes + "]";
    }

    /**
     * Collects settings; each method checks its value at once and throws a {@link ConfigurationException} naming it.
     */
    public static final class Builder {

        private String host;
        private int port;
        private LdapSecurity security = LdapSecurity.LDAPS;
        private Path trustStore;
        private Secret trustStorePassword;
        private String trustStoreType = DEFAULT_TRUST_STORE_TYPE;
        private String bindIdentity;
        private Secret password;
        private int poolSize = DEFAULT_POOL_SIZE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private final List<String> searchBases = new ArrayList<>();
        private String userFilter = DEFAULT_USER_FILTER;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private final List<String> extraAttributes = new ArrayList<>();
        private final List<String> binaryAttributes = new ArrayList<>();
        private List<String> backFillAttributes = DEFAULT_BACK_FILL_ATTRIBUTES;
        private String domain;

        private Builder() {
        }

        /**
         * The domain controller (or a domain's DNS name that resolves to its DCs). With TLS, the name must be one
         * the certificate was issued for. A loopback address such as {@code 127.0.0.1} (an SSH tunnel, say) is
         * exempt from UnboundID's host-name check, which treats loopback as trustworthy; the certificate must
         * still be trusted.
         *
         * @param value a host name or address, without a scheme or port
         * @return this builder
         */
        public Builder host(String value) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException("host", "host is required, e.g. dc1.contoso.com");
            }
            if (value.contains("://")) {
                throw new ConfigurationException("host",
                        "host " + quote(value) + " contains a URL scheme; give the host"
                        + " name only and choose the protocol with ldaps(), startTls() or allowPlaintextOnLoopback()");
            }
            if (value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
                throw new ConfigurationException("host", "host " + quote(value) + " is not a host name or address");
            }
            this.host = value;
            return this;
        }

        /**
         * The port; by default {@value #DEFAULT_LDAPS_PORT} for LDAPS and {@value #DEFAULT_LDAP_PORT} otherwise.
         *
         * @param value 1 to 65535
         * @return this builder
         */
        public Builder port(int value) {
            if (value < 1 || value > 65_535) {
                throw new ConfigurationException("port", "port " + value + " is outside 1..65535");
            }
            this.port = value;
            return this;
        }

        /**
         * LDAP over TLS (the default).
         *
         * @return this builder
         */
        public Builder ldaps() {
            this.security = LdapSecurity.LDAPS;
            return this;
        }

        /**
         * Plain LDAP upgraded with StartTLS before the bind; a server that refuses the upgrade is an error.
         *
         * @return this builder
         */
        public Builder startTls() {
            this.security = LdapSecurity.START_TLS;
            return this;
        }

        /**
         * Opts in to unencrypted LDAP to a loopback host ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}; see
         * {@link Loopback}): the bind password and all data cross the connection readable, so it must not leave the
         * machine, e.g. a test server, or an SSH tunnel's local end given as {@code 127.0.0.1}. {@link #build()}
         * refuses plaintext to any other host. There is no other way to turn TLS off.
         *
         * @return this builder
         */
        public Builder allowPlaintextOnLoopback() {
            this.security = LdapSecurity.PLAINTEXT;
            return this;
        }

        /**
         * Trusts the certificates in a trust store file instead of the JVM's default trust store.
         *
         * @param file the trust store; must be readable
         * @param storePassword its password, or {@code null} when it has none
         * @param type {@code PKCS12} or {@code JKS}
         * @return this builder
         */
        public Builder trustStore(Path file, Secret storePassword, String type) {
            if (file == null) {
                throw new ConfigurationException("trustStore", "trust store file is missing (null)");
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new ConfigurationException("trustStore",
                        "trust store " + quote(file.toString()) + " is not a readable file");
            }
            if (type == null || type.isBlank()) {
                throw new ConfigurationException("trustStore", "trust store type is required, e.g. PKCS12 or JKS");
            }
            this.trustStore = file;
            this.trustStorePassword = storePassword;
            this.trustStoreType = type;
            return this;
        }

        /**
         * Trusts the certificates in a PKCS#12 trust store file.
         *
         * @param file the trust store; must be readable
         * @param storePassword its password, or {@code null}
         * @return this builder
         */
        public Builder trustStore(Path file, Secret storePassword) {
            return trustStore(file, storePassword, DEFAULT_TRUST_STORE_TYPE);
        }

        /**
         * The account to bind as, with a simple bind.
         *
         * @param dnOrUpn a DN ({@code CN=svc-sync,OU=Service,DC=contoso,DC=com}), a UPN ({@code svc-sync@contoso.com})
         *        or a down-level name ({@code CONTOSO\svc-sync}), as Active Directory accepts all three
         * @param accountPassword the password; never shown. A {@link Secret} is never empty, and must not be: an empty
         *        password makes an unauthenticated bind (RFC 4513 §5.1.2) that succeeds without checking anything.
         * @return this builder
         */
        public Builder bind(String dnOrUpn, Secret accountPassword) {
            if (dnOrUpn == null || dnOrUpn.isBlank()) {
                throw new ConfigurationException("bind", "bind identity is required: a DN, a UPN or DOMAIN\\user");
            }
            boolean looksLikeDn = dnOrUpn.indexOf('=') >= 0;
            if (looksLikeDn && !DN.isValidDN(dnOrUpn)) {
                throw new ConfigurationException("bind", "bind identity " + quote(dnOrUpn) + " is not a valid DN");
            }
            if (!looksLikeDn && dnOrUpn.indexOf('@') < 1 && dnOrUpn.indexOf('\\') < 1) {
                throw new ConfigurationException("bind", "bind identity " + quote(dnOrUpn)
                        + " is neither a DN, a UPN (user@domain) nor DOMAIN\\user");
            }
            if (accountPassword == null) {
                throw new ConfigurationException("bind", "the password for " + quote(dnOrUpn) + " is missing; an empty"
                        + " password makes an unauthenticated bind that checks nothing");
            }
            this.bindIdentity = dnOrUpn;
            this.password = accountPassword;
            return this;
        }

        /**
         * Connections kept to the domain controller; each open stream of records holds one.
         *
         * @param value 1 to {@value LdapSettings#MAX_POOL_SIZE}; default {@value LdapSettings#DEFAULT_POOL_SIZE}
         * @return this builder
         */
        public Builder poolSize(int value) {
            if (value < 1 || value > MAX_POOL_SIZE) {
                throw new ConfigurationException("poolSize", "poolSize " + value + " is outside 1.." + MAX_POOL_SIZE);
            }
            this.poolSize = value;
            return this;
        }

        /**
         * How long to wait for a connection, TLS handshake included.
         *
         * @param value positive; default 10 seconds
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive("connectTimeout", value);
            return this;
        }

        /**
         * How long to wait for one response, such as one page.
         *
         * @param value positive; default 2 minutes
         * @return this builder
         */
        public Builder responseTimeout(Duration value) {
            this.responseTimeout = positive("responseTimeout", value);
            return this;
        }

        /**
         * Adds an OU (or container, or the domain root) selected for sync; its whole subtree is read.
         *
         * @param dn e.g. {@code OU=Staff,DC=contoso,DC=com}
         * @return this builder
         */
        public Builder searchBase(String dn) {
            if (dn == null || !DN.isValidDN(dn) || dn.isBlank()) {
                throw new ConfigurationException("searchBase", "search base " + quote(dn) + " is not a valid DN");
            }
            this.searchBases.add(dn);
            return this;
        }

        /**
         * Replaces the search bases.
         *
         * @param dns the OUs selected for sync
         * @return this builder
         */
        public Builder searchBases(Collection<String> dns) {
            this.searchBases.clear();
            dns.forEach(this::searchBase);
            return this;
        }

        /**
         * Replaces {@link LdapSettings#DEFAULT_USER_FILTER}. Write the whole filter; keep the computer exclusion.
         *
         * @param filter an RFC 4515 filter, e.g. {@code (&(objectClass=user)(!(objectClass=computer))(employeeID=*))}
         * @return this builder
         */
        public Builder userFilter(String filter) {
            try {
                if (filter == null) {
                    throw new ConfigurationException("userFilter", "userFilter is missing (null)");
                }
                Filter.create(filter);
            } catch (LDAPException e) {
                throw new ConfigurationException("userFilter",
                        "userFilter " + quote(filter) + " is not an LDAP filter: "
                        + FilterProblem.describe(filter, e));
            }
            this.userFilter = filter;
            return this;
        }

        /**
         * Entries per page of the simple paged results search.
         *
         * @param value 1 to {@value LdapSettings#MAX_PAGE_SIZE}; default {@value LdapSettings#DEFAULT_PAGE_SIZE}
         * @return this builder
         */
        public Builder pageSize(int value) {
            if (value < 1 || value > MAX_PAGE_SIZE) {
                throw new ConfigurationException("pageSize", "pageSize " + value + " is outside 1.." + MAX_PAGE_SIZE);
            }
            this.pageSize = value;
            return this;
        }

        /**
         * Adds attributes to read into {@code OnPremUser.attributes()}, e.g. {@code employeeNumber} or
         * {@code extensionAttribute1} for a custom anchor. Values that are not valid UTF-8 are kept as bytes.
         *
         * @param names attribute names or OIDs
         * @return this builder
         */
        public Builder extraAttributes(String... names) {
            for (String name : names) {
                this.extraAttributes.add(attributeName("extraAttributes", "extra attribute", name));
            }
            return this;
        }

        /**
         * Declares attributes binary, so they are always kept as raw bytes (e.g. {@code msExchMailboxGuid}).
         * {@code objectGUID} and {@code mS-DS-ConsistencyGuid} are always binary.
         *
         * @param names attribute names
         * @return this builder
         */
        public Builder binaryAttributes(String... names) {
            for (String name : names) {
                this.binaryAttributes.add(attributeName("binaryAttributes", "binary attribute", name));
            }
            return this;
        }

        /**
         * Replaces the string attributes the writer may back-fill where empty (default {@code mail}).
         *
         * @param names attribute names; may be none
         * @return this builder
         */
        public Builder backFillAttributes(String... names) {
            List<String> list = new ArrayList<>();
            for (String name : names) {
                String checked = attributeName("backFillAttributes", "back-fill attribute", name);
                if (checked.equalsIgnoreCase(AdAttributes.CONSISTENCY_GUID)
                        || checked.equalsIgnoreCase(AdAttributes.OBJECT_GUID)) {
                    throw new ConfigurationException("backFillAttributes", "back-fill attribute " + quote(checked)
                            + " is binary; mS-DS-ConsistencyGuid is always writable and objectGUID never is");
                }
                list.add(checked);
            }
            this.backFillAttributes = list;
            return this;
        }

        /**
         * The domain's DNS name, when it cannot be read from the search bases' {@code DC=} components.
         *
         * @param dnsName e.g. {@code contoso.com}
         * @return this builder
         */
        public Builder domain(String dnsName) {
            if (dnsName == null || dnsName.isBlank() || dnsName.chars().anyMatch(Character::isWhitespace)) {
                throw new ConfigurationException("domain", "domain " + quote(dnsName) + " is not a DNS name");
            }
            this.domain = dnsName;
            return this;
        }

        /**
         * Checks the combination and builds the settings.
         *
         * @return the settings
         * @throws ConfigurationException when a required setting is missing, search bases nest, they span domains,
         *         or plaintext was allowed to a host that is not loopback
         */
        public LdapSettings build() {
            if (host == null) {
                throw new ConfigurationException("host", "host is required, e.g. dc1.contoso.com");
            }
            if (bindIdentity == null) {
                throw new ConfigurationException("bind",
                        "bind(identity, password) is required; Active Directory refuses"
                        + " anonymous searches");
            }
            if (searchBases.isEmpty()) {
                throw new ConfigurationException("searchBase",
                        "at least one searchBase is required: the OUs selected for sync");
            }
            if (security == LdapSecurity.PLAINTEXT) {
                String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
                Loopback.require("allowPlaintextOnLoopback", "ldap://" + shownHost + ":"
                        + (port != 0 ? port : DEFAULT_LDAP_PORT), host);
            }
            List<DN> parsed = SearchBases.parseDisjoint(searchBases);
            return new LdapSettings(this, domain != null ? domain : SearchBases.commonDomain(parsed));
        }

        private static Duration positive(String what, Duration value) {
            if (value == null || value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
                throw new ConfigurationException(what, what + " " + value + " must be positive and under 24 days");
            }
            return value;
        }

        private static String attributeName(String setting, String what, String name) {
            if (name == null || !com.unboundid.ldap.sdk.Attribute.nameIsValid(name)) {
                throw new ConfigurationException(setting, what + " " + quote(name) + " is not an attribute name");
            }
            return name;
        }

        @Override
        public String toString() {
            return "LdapSettings.Builder[host=" + host + ", bind=" + bindIdentity + ", password=(redacted)"
                    + ", searchBases=" + searchBases + "]";
        }
    }
}
