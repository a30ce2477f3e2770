package dev.oktaentra.ldap.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ReadOnlyModifyRequest;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.controls.AssertionRequestControl;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.Schema;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the in-memory server does differently to behave like a domain controller for our purposes: simple binds by
 * UPN, an objectGUID assigned on every add over LDAP and never modifiable, paged searches served from a
 * server-side cursor ({@link ServerSidePaging}), and (unless asked otherwise) no RFC 4528 assertion control, which
 * AD neither advertises nor accepts. Two behaviours measured against a real DC (Samba 4, the {@code *RealAdTest}
 * classes): a second value of a single-valued attribute is refused with attributeOrValueExists (20) and
 * {@code 0000200D}, not UnboundID's objectClassViolation (65); and a search of the whole domain also returns a
 * continuation reference to the configuration partition ([MS-ADTS] 3.1.1.4.7 "Continuations",
 * https://msdn.microsoft.com/en-us/library/cc223420.aspx).
 */
final class AdBehaviour extends InMemoryOperationInterceptor {

    private final Map<String, String> upnToDn;
    private final Supplier<byte[]> newGuid;
    private final boolean assertionControl;
    private final AtomicLong searches = new AtomicLong();
    private final ServerSidePaging paging;
    private final DN domainDn;
    private final String configurationReference;
    private volatile InMemoryDirectoryServer server;
    private LostAnswer lose;
    private int losses;

    AdBehaviour(Map<String, String> upnToDn, Supplier<byte[]> newGuid, boolean assertionControl,
            ServerSidePaging paging, String domainDn, String domainName) throws LDAPException {
        this.paging = paging;
        this.upnToDn = Map.copyOf(upnToDn);
        this.newGuid = newGuid;
        this.assertionControl = assertionControl;
        this.domainDn = new DN(domainDn);
        this.configurationReference = "ldap://" + domainName + "/CN=Configuration," + domainDn;
    }

    void attach(InMemoryDirectoryServer directoryServer) {
        this.server = directoryServer;
    }

    @Override
    public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
        SimpleBindRequest bind = request.getRequest();
        String dn = upnToDn.get(bind.getBindDN().toLowerCase(Locale.ROOT));
        if (dn != null) {
            request.setRequest(new SimpleBindRequest(dn, bind.getPassword().getValue(), bind.getControls()));
        }
    }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) {
        AddRequest add = request.getRequest().duplicate();
        if (!add.hasAttribute("objectGUID") && AdEntries.carriesGuid(add.getAttribute("objectClass"))) {
            add.addAttribute(new Attribute("objectGUID", newGuid.get()));
            request.setRequest(add);
        }
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        for (Modification modification : request.getRequest().getModifications()) {
            if (modification.getAttributeName().equalsIgnoreCase("objectGUID")) {
                throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION,
                        "objectGUID is owned by the directory and never changes");
            }
        }
        refuseSecondSingleValue(request.getRequest());
        if (!assertionControl) {
            for (Control control : request.getRequest().getControlList()) {
                if (control.getOID().equals(AssertionRequestControl.ASSERTION_REQUEST_OID) && control.isCritical()) {
                    throw new LDAPException(ResultCode.UNAVAILABLE_CRITICAL_EXTENSION,
                            "critical control " + control.getOID() + " is not supported");
                }
            }
        }
    }

    /** Applies the modify to a copy of the entry first, to answer a second single value as a DC does. */
    private void refuseSecondSingleValue(ReadOnlyModifyRequest modify) throws LDAPException {
        InMemoryDirectoryServer directory = server;
        Entry current = directory == null ? null : directory.getEntry(modify.getDN());
        if (current == null) {
            return;
        }
        Entry after;
        try {
            after = Entry.applyModifications(current, false, modify.getModifications());
        } catch (LDAPException e) {
            return; // the server refuses it with its own result, as a DC would (e.g. noSuchAttribute)
        }
        Schema schema = directory.getSchema();
        for (Attribute attribute : after.getAttributes()) {
            AttributeTypeDefinition type = schema == null ? null : schema.getAttributeType(attribute.getBaseName());
            if (type != null && type.isSingleValued() && attribute.size() > 1) {
                throw new LDAPException(ResultCode.ATTRIBUTE_OR_VALUE_EXISTS, "0000200D: SINGLE-VALUE attribute "
                        + attribute.getName() + " on " + modify.getDN() + " specified more than once");
            }
        }
    }

    /** The next {@code times} modifies that succeed lose their answer as {@code how} says. */
    synchronized void loseModifyAnswers(LostAnswer how, int times) {
        this.lose = how;
        this.losses = times;
    }

    @Override
    public void processModifyResult(InMemoryInterceptedModifyResult result) {
        LostAnswer how;
        synchronized (this) {
            if (losses == 0 || result.getResult().getResultCode() != ResultCode.SUCCESS) {
                return;
            }
            losses--;
            how = lose;
        }
        if (how == LostAnswer.CONNECTION_CLOSED) {
            // Every client connection is closed (with a notice of disconnection) before this answer goes out.
            server.closeAllConnections(true);
            return;
        }
        ResultCode code = how == LostAnswer.BUSY ? ResultCode.BUSY : ResultCode.UNAVAILABLE;
        result.setResult(new LDAPResult(result.getMessageID(), code, "The server cannot answer now", null,
                (String[]) null, (Control[]) null));
    }

    @Override
    public void processSimpleBindResult(InMemoryInterceptedSimpleBindResult result) {
        paging.bound(result.getConnectionID(), result.getResult().getResultCode() == ResultCode.SUCCESS
                && !result.getRequest().getBindDN().isEmpty());
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        searches.incrementAndGet();
        ReadOnlySearchRequest search = request.getRequest();
        if (paging.authenticated(request.getConnectionID()) && search.getScope() != SearchScope.BASE
                && search.getParsedBaseDN().equals(domainDn) && isFirstPage(search)) {
            request.sendSearchReference(new SearchResultReference(new String[] {configurationReference},
                    new Control[0]));
        }
        paging.onRequest(request);
    }

    @Override
    public void processSearchResult(InMemoryInterceptedSearchResult result) {
        paging.onResult(result);
    }

    private static boolean isFirstPage(ReadOnlySearchRequest search) throws LDAPException {
        Control control = search.getControl(SimplePagedResultsControl.PAGED_RESULTS_OID);
        if (control == null) {
            return true;
        }
        SimplePagedResultsControl paged = new SimplePagedResultsControl(control.getOID(), control.isCritical(),
                control.getValue());
        return paged.getCookie() == null || paged.getCookie().getValueLength() == 0;
    }

    /** Search requests received over LDAP so far (each page of a paged search is one). */
    long searchRequests() {
        return searches.get();
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        Entry entry = result.getSearchEntry();
        if (!assertionControl && entry.getDN().isEmpty() && entry.hasAttribute("supportedControl")) {
            Entry rootDse = entry.duplicate();
            rootDse.removeAttributeValue("supportedControl", AssertionRequestControl.ASSERTION_REQUEST_OID);
            result.setSearchEntry(rootDse);
        }
    }
}
