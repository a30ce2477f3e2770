package dev.oktaentra.ldap;

import static dev.oktaentra.core.OktaEntraException.quote;

import com.unboundid.ldap.sdk.Filter;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.DirectoryException;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.settings.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Active Directory over LDAP: one domain, or several domains and forests read as one on-premises directory.
 *
 * <pre>{@code
 * LdapSettings contoso = LdapSettings.builder()
 *         .host("dc1.contoso.com")                                  // LDAPS on 636, host name verified
 *         .bind("svc-sync@contoso.com", password)
 *         .searchBase("OU=Staff,DC=contoso,DC=com")
 *         .searchBase("OU=Contractors,DC=contoso,DC=com")
 *         .build();
 * try (LdapDirectory ad = LdapDirectory.connect(contoso);
 *      Stream<DirectoryRecord<OnPremUser>> records = ad.records()) {
 *     records.forEach(record -> ...);
 * }
 * }</pre>
 *
 * <p>{@link #records()} runs a simple-paged-results search per selected OU, one page ahead of the consumer, so it
 * holds at most two pages whatever the directory's size. Each user carries its domain's DNS name as
 * {@link OnPremUser#origin()}. An entry whose {@code objectGUID} or {@code mS-DS-ConsistencyGuid} is not 16 bytes
 * is a {@link DirectoryRecord.Rejected} naming its DN. An open stream holds one pooled connection, of the domain it
 * is reading, until it ends or is closed. Look-ups and the {@link #writer()} use the same pools. Thread-safe;
 * streams themselves are for one thread.
 */
public final class LdapDirectory implements OnPremDirectory {

    /** How many matches a look-up asks for: one is the answer, two prove it ambiguous. */
    private static final int LOOK_UP_LIMIT = 2;

    private final List<DomainConnection> domains;
    private final String name;
    private volatile boolean closed;

    private LdapDirectory(List<DomainConnection> domains) {
        this.domains = List.copyOf(domains);
        this.name = domains.stream().map(DomainConnection::name).collect(Collectors.joining(", "));
    }

    /**
     * Connects to one domain: opens the pool and binds, so a wrong host, certificate or password fails here.
     *
     * @param settings the domain
     * @return the directory; close it
     * @throws LdapDirectoryException when the server cannot be reached, TLS fails or the bind is refused
     */
    public static LdapDirectory connect(LdapSettings settings) {
        return connect(List.of(settings));
    }

    /**
     * Connects to several domains or forests, one pool each, read in the given order as one directory. Each user
     * keeps its own domain as {@link OnPremUser#origin()}.
     *
     * @param domains one settings per domain; no domain twice
     * @return the directory; close it
     * @throws LdapDirectoryException when any domain cannot be reached; the others are closed again
     */
    public static LdapDirectory connect(List<LdapSettings> domains) {
        Objects.requireNonNull(domains, "domains");
        if (domains.isEmpty()) {
            throw new ConfigurationException("domains", "at least one domain's LdapSettings is required");
        }
        TreeSet<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (LdapSettings settings : domains) {
            if (!seen.add(settings.domain())) {
                throw new ConfigurationException("domain",
                        "domain " + settings.domain() + " is given twice; its users would be"
                        + " read twice. Put all its OUs in one LdapSettings");
            }
        }
        List<DomainConnection> opened = new ArrayList<>();
        try {
            for (LdapSettings settings : domains) {
                opened.add(DomainConnection.open(settings));
            }
        } catch (RuntimeException e) {
            opened.forEach(DomainConnection::close);
            throw e;
        }
        return new LdapDirectory(opened);
    }

    /**
     * Every in-scope object, domain by domain and OU by OU, page by page.
     *
     * @return a stream holding a pooled connection; close it
     * @throws LdapDirectoryException when no connection can be had; a failure mid-way ends the stream with one
     */
    @Override
    public Stream<DirectoryRecord<OnPremUser>> records() {
        ensureOpen();
        PagedRecordSpliterator pages = new PagedRecordSpliterator(domains);
        return StreamSupport.stream(pages, false).onClose(pages::close);
    }

    /**
     * Finds the in-scope user with an {@code objectGUID}, by a binary equality filter.
     *
     * @param objectGuid the GUID
     * @return the user (or its rejected record), or empty when no in-scope user has it
     * @throws DirectoryException when more than one object has it (GUIDs copied between forests)
     */
    public Optional<DirectoryRecord<OnPremUser>> findByObjectGuid(ObjectGuid objectGuid) {
        Objects.requireNonNull(objectGuid, "objectGuid");
        return findOne(Filter.createEqualityFilter(AdAttributes.OBJECT_GUID, objectGuid.bytes()),
                "objectGUID " + objectGuid);
    }

    /**
     * Finds the in-scope user with a {@code userPrincipalName} (compared as the directory does, ignoring case).
     * The value is escaped, so {@code *}, parentheses and backslashes match only themselves.
     *
     * @param userPrincipalName the UPN
     * @return the user (or its rejected record), or empty when no in-scope user has it
     * @throws DirectoryException when more than one object has it
     */
    public Optional<DirectoryRecord<OnPremUser>> findByUserPrincipalName(String userPrincipalName) {
        if (userPrincipalName == null || userPrincipalName.isEmpty()) {
            throw new IllegalArgumentException("userPrincipalName is required");
        }
        return findOne(Filter.createEqualityFilter(AdAttributes.USER_PRINCIPAL_NAME, userPrincipalName),
                "userPrincipalName " + quote(userPrincipalName));
    }

    private Optional<DirectoryRecord<OnPremUser>> findOne(Filter condition, String what) {
        ensureOpen();
        List<DirectoryRecord<OnPremUser>> found = new ArrayList<>();
        for (DomainConnection domain : domains) {
            found.addAll(domain.lookUp(condition, LOOK_UP_LIMIT));
        }
        if (found.size() > 1) {
            throw new DirectoryException(name + ": " + what + " matches more than one object: "
                    + found.stream().limit(LOOK_UP_LIMIT).map(LdapDirectory::locationOf)
                            .collect(Collectors.joining("; ")));
        }
        return found.stream().findFirst();
    }

    private static String locationOf(DirectoryRecord<OnPremUser> record) {
        if (record instanceof DirectoryRecord.Usable<OnPremUser> usable) {
            return usable.user().distinguishedName();
        }
        return ((DirectoryRecord.Rejected<OnPremUser>) record).location();
    }

    /**
     * The compare-and-set writer for remediation: {@code mS-DS-ConsistencyGuid} and the back-fill attributes of
     * each domain's settings, only on objects inside the selected OUs. It never deletes an object.
     *
     * @return a writer sharing this directory's connections
     */
    public DirectoryWriter writer() {
        ensureOpen();
        return new LdapWriter(domains, name);
    }

    /**
     * The DNS names of the domains read, in order.
     *
     * @return e.g. {@code [contoso.com, fabrikam.com]}
     */
    public List<String> domains() {
        return domains.stream().map(d -> d.settings().domain()).toList();
    }

    /**
     * The directory's name in messages and findings: its domain controllers' URLs.
     *
     * @return e.g. {@code ldaps://dc1.contoso.com:636 (contoso.com)}; several domains are joined by commas
     */
    @Override
    public String name() {
        return name;
    }

    /** Closes every connection pool; streams still open fail on their next page. */
    @Override
    public void close() {
        closed = true;
        domains.forEach(DomainConnection::close);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
    }

    @Override
    public String toString() {
        return "LdapDirectory[" + name + "]";
    }
}
