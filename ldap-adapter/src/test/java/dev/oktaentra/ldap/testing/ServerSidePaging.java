package dev.oktaentra.ldap.testing;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simple paged results the way a domain controller serves them: the first page runs the search once and keeps a
 * server-side cursor over its results; each later page sends the next entries from it. The cursor holds the entries
 * as they were when the search began (a snapshot, pared down to the requested attributes and sharing their values
 * with the server's own copies), so a change made while a client pages shows only in the next search. UnboundID's own in-memory
 * paging re-runs the whole search for every page and trims the front of an array list, which makes reading
 * 100,000 users take hours. Cookies belong to the connection that received them, as RFC 2696 says and AD enforces,
 * so a client that moves a paged search to another pooled connection fails here too.
 */
final class ServerSidePaging {

    private static final String RESPONSE_COOKIE = "oktaentra.paging.cookie";
    private static final String RESPONSE_SIZE = "oktaentra.paging.size";
    /** Cursors kept per connection; older ones are dropped as AD drops abandoned searches. */
    private static final int MAX_CURSORS_PER_CONNECTION = 8;

    private final Map<Long, Map<String, Cursor>> cursors = new ConcurrentHashMap<>();
    private final Set<Long> authenticated = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextCursor = new AtomicLong(1);
    private volatile InMemoryDirectoryServer server;

    /** The entries a paged search matched, and how far the client has read. */
    private static final class Cursor {
        private final List<SearchResultEntry> entries;
        private int position;

        Cursor(List<SearchResultEntry> entries) {
            this.entries = entries;
        }
    }

    void attach(InMemoryDirectoryServer directoryServer) {
        this.server = directoryServer;
    }

    void bound(long connectionId, boolean asSomeone) {
        if (asSomeone) {
            authenticated.add(connectionId);
        } else {
            authenticated.remove(connectionId);
        }
    }

    /** Whether a connection is bound as someone; AD answers anonymous searches with an error only. */
    boolean authenticated(long connectionId) {
        return authenticated.contains(connectionId);
    }

    /** Serves one page when the request carries the paged results control; otherwise leaves it to the server. */
    void onRequest(InMemoryInterceptedSearchRequest intercepted) throws LDAPException {
        ReadOnlySearchRequest request = intercepted.getRequest();
        Control control = request.getControl(SimplePagedResultsControl.PAGED_RESULTS_OID);
        long connection = intercepted.getConnectionID();
        if (control == null || server == null || !authenticated.contains(connection)) {
            return;
        }
        SimplePagedResultsControl paged = new SimplePagedResultsControl(control.getOID(), control.isCritical(),
                control.getValue());
        Map<String, Cursor> open = cursors.computeIfAbsent(connection, c -> new ConcurrentHashMap<>());
        String id;
        Cursor cursor;
        ASN1OctetString cookie = paged.getCookie();
        if (cookie == null || cookie.getValueLength() == 0) {
            SearchRequest everything = request.duplicate(new Control[0]);
            cursor = new Cursor(new ArrayList<>(server.search(everything).getSearchEntries()));
            id = Long.toString(nextCursor.getAndIncrement());
            if (open.size() >= MAX_CURSORS_PER_CONNECTION) {
                open.keySet().stream().mapToLong(Long::parseLong).min()
                        .ifPresent(oldest -> open.remove(Long.toString(oldest)));
            }
            open.put(id, cursor);
        } else {
            id = cookie.stringValue();
            cursor = open.get(id);
            if (cursor == null) {
                throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "the paged results cookie is not one this"
                        + " connection issued (cookies are valid only on the connection that received them)");
            }
        }
        if (paged.getSize() == 0) {
            // The client abandons the paged search.
            open.remove(id);
            respond(intercepted, request, "", 0);
            return;
        }
        int end = Math.min(cursor.entries.size(), cursor.position + paged.getSize());
        for (; cursor.position < end; cursor.position++) {
            intercepted.sendSearchEntry(cursor.entries.get(cursor.position));
            // Let the entries already sent be collected.
            cursor.entries.set(cursor.position, null);
        }
        boolean done = cursor.position >= cursor.entries.size();
        if (done) {
            open.remove(id);
        }
        respond(intercepted, request, done ? "" : id, cursor.entries.size());
    }

    /** Attaches the paged results response control to the result of a page served above. */
    void onResult(InMemoryInterceptedSearchResult intercepted) {
        Object cookie = intercepted.getProperty(RESPONSE_COOKIE);
        if (cookie == null) {
            return;
        }
        LDAPResult result = intercepted.getResult();
        Control response = new SimplePagedResultsControl((Integer) intercepted.getProperty(RESPONSE_SIZE),
                new ASN1OctetString(((String) cookie).getBytes(StandardCharsets.UTF_8)), false);
        intercepted.setResult(new LDAPResult(result.getMessageID(), result.getResultCode(),
                result.getDiagnosticMessage(), result.getMatchedDN(), result.getReferralURLs(),
                new Control[] {response}));
    }

    /** Lets the server finish the request with an empty result, keeping its access checks and base lookup. */
    private static void respond(InMemoryInterceptedSearchRequest intercepted, ReadOnlySearchRequest request,
            String cookie, int size) {
        intercepted.setProperty(RESPONSE_COOKIE, cookie);
        intercepted.setProperty(RESPONSE_SIZE, size);
        intercepted.setRequest(new SearchRequest(request.getBaseDN(), SearchScope.BASE,
                Filter.createNOTFilter(Filter.createPresenceFilter("objectClass")), "1.1"));
    }
}
