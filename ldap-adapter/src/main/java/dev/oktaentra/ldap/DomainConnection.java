package dev.oktaentra.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.AssertionRequestControl;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremUser;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One domain: its settings, its connection pool, and what reading it needs (filter, bases, mapper). */
final class DomainConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DomainConnection.class);

    private final LdapSettings settings;
    private final String name;
    private final Filter userFilter;
    private final List<DN> searchBases;
    private final UserEntryMapper mapper;
    private final LDAPConnectionPool pool;
    private final ConnectionPools.BindPassword password;
    private final boolean assertionControl;

    private DomainConnection(LdapSettings settings, String name, ConnectionPools.Opened opened,
            boolean assertionControl) {
        this.settings = settings;
        this.name = name;
        this.pool = opened.pool();
        this.password = opened.password();
        this.assertionControl = assertionControl;
        try {
            this.userFilter = Filter.create(settings.userFilter());
        } catch (LDAPException e) {
            throw new IllegalStateException("checked by LdapSettings", e);
        }
        this.searchBases = settings.searchBases().stream().map(DomainNames::parse).toList();
        this.mapper = new UserEntryMapper(name, settings.extraAttributes(), settings.binaryAttributes());
    }

    /** Connects, binds and reads the root DSE. */
    static DomainConnection open(LdapSettings settings) {
        String name = settings.url() + " (" + settings.domain() + ")";
        ConnectionPools.Opened opened = ConnectionPools.open(settings, name);
        LDAPConnectionPool pool = opened.pool();
        boolean assertion = false;
        try {
            RootDSE root = pool.getRootDSE();
            assertion = root != null && root.supportsControl(AssertionRequestControl.ASSERTION_REQUEST_OID);
        } catch (LDAPException e) {
            LOG.debug("{}: root DSE not readable ({}); writes use value-level guards only", name,
                    LdapErrors.describe(e));
        }
        LOG.info("Connected to {} as {}; assertion control {}", name, settings.bindIdentity(),
                assertion ? "supported" : "not supported, writes use value-level guards");
        return new DomainConnection(settings, name, opened, assertion);
    }

    String name() {
        return name;
    }

    LdapSettings settings() {
        return settings;
    }

    Filter userFilter() {
        return userFilter;
    }

    List<DN> searchBases() {
        return searchBases;
    }

    UserEntryMapper mapper() {
        return mapper;
    }

    LDAPConnectionPool pool() {
        return pool;
    }

    /** Whether the server honours RFC 4528 assertions (Active Directory does not; OpenLDAP and UnboundID do). */
    boolean supportsAssertionControl() {
        return assertionControl;
    }

    /** Whether a DN lies in one of the selected OUs. */
    boolean inScope(DN dn) {
        for (DN base : searchBases) {
            if (dn.isDescendantOf(base, true)) {
                return true;
            }
        }
        return false;
    }

    LDAPConnection checkOut() {
        try {
            return pool.getConnection();
        } catch (LDAPException e) {
            throw failure("cannot get a connection", e);
        }
    }

    /**
     * The in-scope users that match {@code condition} as well as the user filter, at most {@code limit}.
     */
    List<DirectoryRecord<OnPremUser>> lookUp(Filter condition, int limit) {
        Filter filter = Filter.createANDFilter(userFilter, condition);
        List<DirectoryRecord<OnPremUser>> found = new ArrayList<>();
        for (DN base : searchBases) {
            SearchRequest request = new SearchRequest(base.toString(), SearchScope.SUB, filter,
                    mapper.requestedAttributes());
            request.setSizeLimit(limit);
            try {
                SearchResult result = pool.search(request);
                for (SearchResultEntry entry : result.getSearchEntries()) {
                    found.add(mapper.map(entry, entry.getDN(), settings.domain()));
                }
            } catch (LDAPException e) {
                if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
                    throw failure("look-up " + filter + " under " + base + " failed", e);
                }
                // More than the limit matched: the caller only needs to know there are several.
                if (e instanceof LDAPSearchException search) {
                    for (SearchResultEntry entry : search.getSearchEntries()) {
                        found.add(mapper.map(entry, entry.getDN(), settings.domain()));
                    }
                }
            }
            if (found.size() >= limit) {
                break;
            }
        }
        return found;
    }

    LdapDirectoryException failure(String what, LDAPException e) {
        return new LdapDirectoryException(name + ": " + what + ": " + LdapErrors.explain(e, settings),
                e.getResultCode().intValue(), e);
    }

    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            password.wipe();
        }
    }
}
