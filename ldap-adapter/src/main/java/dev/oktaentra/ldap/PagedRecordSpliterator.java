package dev.oktaentra.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
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
 * Reads every search base of every domain page by page, at most one page ahead of the consumer: when a page
 * arrives, the request for the next one goes out at once, so the directory prepares it while the consumer works
 * through the current one. Memory stays at two pages whatever the directory's size. Each domain's cookie loop runs
 * on one checked-out connection (RFC 2696 cookies belong to the connection); the connection goes back to the pool
 * when the domain is done or the stream is closed.
 */
final class PagedRecordSpliterator implements Spliterator<DirectoryRecord<OnPremUser>>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PagedRecordSpliterator.class);

    private final Iterator<DomainConnection> domains;
    private DomainConnection domain;
    private LDAPConnection connection;
    private Iterator<DN> bases = Collections.emptyIterator();
    /** The page on its way, or {@code null}. */
    private PageRequest next;
    /** The cookie of the last page received, while more pages follow. */
    private ASN1OctetString cookie;
    private DN currentBase;
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
            if (!nextPage()) {
                close();
            }
        }
        return false;
    }

    /** Takes the next page of this base, or the first of the next base or domain; false when all are read. */
    private boolean nextPage() {
        try {
            while (next == null) {
                if (bases.hasNext()) {
                    currentBase = bases.next();
                    next = send(null);
                } else {
                    LOG.debug("{}: read {} entries", domain.name(), readInDomain);
                    releaseConnection();
                    if (!nextDomain()) {
                        return false;
                    }
                }
            }
            PageRequest.Page received = next.await(domain.settings().responseTimeout().toMillis());
            next = null;
            cookie = received.cookie();
            if (cookie != null) {
                next = send(cookie);
            }
            if (received.references() > 0) {
                LOG.debug("{}: {} search references under {} not followed", domain.name(), received.references(),
                        currentBase);
            }
            page = received.entries().iterator();
            return true;
        } catch (LDAPException e) {
            LdapDirectoryException failure = domain.failure("paged search under " + currentBase + " failed after "
                    + readInDomain + " entries", e);
            domain.pool().releaseConnectionAfterException(connection, e);
            connection = null;
            next = null;
            cookie = null;
            closed = true;
            throw failure;
        } catch (RuntimeException e) {
            closed = true;
            throw e;
        }
    }

    private PageRequest send(ASN1OctetString pageCookie) throws LDAPException {
        return PageRequest.send(connection, currentBase, domain.userFilter(), domain.mapper().requestedAttributes(),
                domain.settings().pageSize(), pageCookie);
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

    /**
     * Returns the connection. A page still on its way is awaited first, and an unfinished paged search is dropped
     * with a page size of 0, as RFC 2696 asks, so the pooled connection carries no server-side state.
     */
    private void releaseConnection() {
        if (connection == null) {
            return;
        }
        LDAPConnection held = connection;
        connection = null;
        try {
            if (next != null) {
                cookie = next.await(domain.settings().responseTimeout().toMillis()).cookie();
                next = null;
            }
            if (cookie != null) {
                SearchRequest abandon = new SearchRequest(currentBase.toString(), SearchScope.SUB,
                        domain.userFilter(), domain.mapper().requestedAttributes());
                abandon.setControls(new SimplePagedResultsControl(0, cookie, true));
                cookie = null;
                held.search(abandon);
            }
        } catch (LDAPException e) {
            LOG.debug("{}: ending the paged search early failed: {}", domain.name(), LdapErrors.describe(e));
            next = null;
            cookie = null;
            domain.pool().releaseDefunctConnection(held);
            return;
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
