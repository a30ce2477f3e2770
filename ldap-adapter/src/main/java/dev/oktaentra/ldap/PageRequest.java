package dev.oktaentra.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.AsyncRequestID;
import com.unboundid.ldap.sdk.AsyncSearchResultListener;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One page of a simple-paged-results search, sent asynchronously: the connection's reader thread collects the
 * entries while the caller is still working through the previous page. {@link #await} hands over the entries and
 * the cookie for the next page.
 */
final class PageRequest implements AsyncSearchResultListener {

    private final List<SearchResultEntry> entries;
    private final CompletableFuture<SearchResult> done = new CompletableFuture<>();
    private final DN base;
    private int references;

    private PageRequest(DN base, int pageSize) {
        this.base = base;
        this.entries = new ArrayList<>(Math.min(pageSize, 1024));
    }

    /**
     * Sends the request for one page.
     *
     * @param cookie the cookie of the previous page, or {@code null} for the first
     */
    static PageRequest send(LDAPConnection connection, DN base, Filter filter, String[] attributes, int pageSize,
            ASN1OctetString cookie) throws LDAPException {
        PageRequest page = new PageRequest(base, pageSize);
        SearchRequest request = new SearchRequest(page, base.toString(), SearchScope.SUB, filter, attributes);
        // Critical: a server that cannot page must refuse, not silently return a truncated result.
        request.setControls(new SimplePagedResultsControl(pageSize, cookie, true));
        connection.asyncSearch(request);
        return page;
    }

    @Override
    public void searchEntryReturned(SearchResultEntry entry) {
        entries.add(entry);
    }

    @Override
    public void searchReferenceReturned(SearchResultReference reference) {
        references++;
    }

    @Override
    public void searchResultReceived(AsyncRequestID requestId, SearchResult result) {
        done.complete(result);
    }

    DN base() {
        return base;
    }

    /**
     * Waits for the page. The entries and the cookie are safe to read afterwards: the reader thread completes the
     * future only after it delivered them.
     *
     * @return the page
     * @throws LDAPException the server's error, or a timeout
     */
    Page await(long timeoutMillis) throws LDAPException {
        SearchResult result;
        try {
            result = done.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LDAPSearchException(ResultCode.TIMEOUT, "no answer to the page request within "
                    + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LDAPSearchException(ResultCode.USER_CANCELED, "interrupted while waiting for a page", e);
        } catch (ExecutionException e) {
            throw new LDAPSearchException(ResultCode.LOCAL_ERROR, "page request failed", e.getCause());
        }
        if (result.getResultCode() != ResultCode.SUCCESS) {
            throw new LDAPSearchException(result);
        }
        SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
        ASN1OctetString next = response != null && response.moreResultsToReturn() ? response.getCookie() : null;
        return new Page(entries, next, references);
    }

    /**
     * A received page.
     *
     * @param entries the entries, in the server's order
     * @param cookie the cookie for the next page, or {@code null} after the last
     * @param references search references (other domains) that were not followed
     */
    record Page(List<SearchResultEntry> entries, ASN1OctetString cookie, int references) {
    }
}
