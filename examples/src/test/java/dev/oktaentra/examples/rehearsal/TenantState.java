package dev.oktaentra.examples.rehearsal;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.graph.testing.RecordedRequest;
import dev.oktaentra.okta.testing.FakeApp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the three fakes hold that a runbook may change, read straight from the servers (not through the
 * adapters), so that a test can compare before and after.
 *
 * @param ldap per user DN, {@code mail} and {@code mS-DS-ConsistencyGuid} (as GUID text) as the server holds them
 * @param cloud the Graph fake's users
 * @param apps the Okta fake's apps
 * @param guards the tenant's matching guards
 */
record TenantState(Map<String, String> ldap, List<CloudUser> cloud, List<FakeApp> apps, MatchBlocks guards) {

    static TenantState of(EmbeddedEnvironment env) {
        return new TenantState(ldap(env), env.graph().users(), env.okta().apps(), env.graph().matchBlocks());
    }

    /** {@code mail|consistencyGuid} per DN of every user object under the domain. */
    static Map<String, String> ldap(EmbeddedEnvironment env) {
        Map<String, String> state = new TreeMap<>();
        try (LDAPConnection connection = env.activeDirectory().connection()) {
            for (SearchResultEntry e : connection.search(env.activeDirectory().domainDn(), SearchScope.SUB,
                    "(objectClass=user)", "mail", "mS-DS-ConsistencyGuid").getSearchEntries()) {
                byte[] guid = e.getAttributeValueBytes("mS-DS-ConsistencyGuid");
                state.put(e.getDN(), e.getAttributeValue("mail") + "|"
                        + (guid == null ? null : ObjectGuid.of(guid).toString()));
            }
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
        return state;
    }

    /**
     * The Graph fake's requests that change something: PATCHes and POSTs (a {@code $batch} counts once; one that only
     * reads, such as the {@code isCloudManaged} reads, not at all).
     */
    static List<RecordedRequest> graphWrites(EmbeddedEnvironment env) {
        return env.graph().writes();
    }

    /** The PATCHes of users, inside {@code $batch} requests or not. */
    static List<RecordedRequest> userPatches(EmbeddedEnvironment env) {
        return env.graph().requests().stream().filter(r -> r.method().equals("PATCH")
                && r.path().startsWith("/users/")).toList();
    }

    static List<dev.oktaentra.okta.testing.RecordedRequest> oktaWrites(EmbeddedEnvironment env) {
        return env.okta().requests().stream().filter(dev.oktaentra.okta.testing.RecordedRequest::isWrite).toList();
    }
}
