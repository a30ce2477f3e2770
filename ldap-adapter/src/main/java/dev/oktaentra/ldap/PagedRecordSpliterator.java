package dev.oktaentra.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremUser;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every search base of every domain, one page at a time, fetching the next page only when the consumer has
 * taken the last entry of the current one. Each domain's cookie loop runs on one checked-out connection (RFC 2696
 * cookies belong to the connection); the connection goes back to the pool when the domain is done or the stream is
 * closed.
 */
final class PagedRecordSpliterator implements Spliterator<DirectoryRecord<OnPremUser>>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PagedRecordSpliterator.class);

    private final Iterator<DomainConnection> domains;
    private DomainConnection domain;
    private LDAPConnection connection;
    private Iterator<DN> bases = Collections.emptyIterator();
    private SearchRequest request;
    private ASN1OctetString cookie;
    private Iterator<SearchResultEntry> page = Collections.emptyIterator();
    private long readInDomain;
    private boolean closed;

    /** Checks out the first domain's connection at once, so that an unreachable server fails the call. */
    PagedRecordSpliterator(List<DomainConnection> domains) {
        this.domains = domains.iterator();
        nextDomain();
    }

    @Override
    public boolean tryAdvance(Consumer<? super DirectoryRecord<OnPremUser>> action) {
        while (!closed) {
            if (page.hasNext()) {
                SearchResultEntry entry = page.next();
                readInDomain++;
                action.accept(domain.mapper().map(entry, entry.getDN(), domain.settings().domain()));
                return true;
            }
            if (!fetchPage()) {
                close();
            }
        }
        return false;
    }

    /** Fetches the next page of this base, or the first of the next base or domain; false when all are read. */
    private boolean fetchPage() {
        while (cookie == null) {
            if (bases.hasNext()) {
                DN base = bases.next();
                request = new SearchRequest(base.toString(), SearchScope.SUB, domain.userFilter(),
                        domain.mapper().requestedAttributes());
                break;
            }
            LOG.debug("{}: read {} entries", domain.name(), readInDomain);
            releaseConnection();
            try {
                if (!nextDomain()) {
                    return false;
                }
            } catch (RuntimeException e) {
                closed = true;
                throw e;
            }
        }
        // Critical: a server that cannot page must refuse, not silently return a truncated result.
        request.setControls(new SimplePagedResultsControl(domain.settings().pageSize(), cookie, true));
        try {
            SearchResult result = connection.search(request);
            SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
            cookie = response != null && response.moreResultsToReturn() ? response.getCookie() : null;
            if (result.getReferenceCount() > 0) {
                LOG.debug("{}: {} search references under {} not followed", domain.name(),
                        result.getReferenceCount(), request.getBaseDN());
            }
            page = result.getSearchEntries().iterator();
            return true;
        } catch (LDAPException e) {
            LdapDirectoryException failure = domain.failure("paged search under " + request.getBaseDN()
                    + " failed after " + readInDomain + " entries", e);
            domain.pool().releaseConnectionAfterException(connection, e);
            connection = null;
            cookie = null;
            closed = true;
            throw failure;
        }
    }

    private boolean nextDomain() {
        if (!domains.hasNext()) {
            domain = null;
            return false;
        }
        domain = domains.next();
        bases = domain.searchBases().iterator();
        readInDomain = 0;
        connection = domain.checkOut();
        return true;
    }

    /** Returns the connection, first telling the server to drop an unfinished paged search (page size 0). */
    private void releaseConnection() {
        if (connection == null) {
            return;
        }
        LDAPConnection held = connection;
        connection = null;
        if (cookie != null) {
            try {
                request.setControls(new SimplePagedResultsControl(0, cookie, true));
                held.search(request);
            } catch (LDAPException e) {
                LOG.debug("{}: abandoning the paged search failed: {}", domain.name(), LdapErrors.describe(e));
                domain.pool().releaseDefunctConnection(held);
                cookie = null;
                return;
            }
            cookie = null;
        }
        domain.pool().releaseConnection(held);
    }

    /** Releases the connection; safe to call more than once. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            page = Collections.emptyIterator();
            if (domain != null) {
                releaseConnection();
            }
        }
    }

    @Override
    public Spliterator<DirectoryRecord<OnPremUser>> trySplit() {
        return null;
    }

    @Override
    public long estimateSize() {
        return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
        return ORDERED | NONNULL;
    }
}
