package dev.oktaentra.ldap.bench;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.ldap.LdapDirectory;
import dev.oktaentra.ldap.LdapSettings;
import dev.oktaentra.ldap.testing.InMemoryActiveDirectory;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads 100,000 users from the in-memory AD through {@link LdapDirectory} and through a bare UnboundID paged-search
 * loop over the same server, OUs, filter, attributes and page size, alternating the two; prints the median times
 * and their ratio. Target: the adapter at most 1.3 times the raw loop. The adapter builds an {@code OnPremUser} per
 * entry (GUIDs decoded, attributes copied); it keeps up by asking for the next page while the current one is
 * consumed, which the raw loop does not.
 *
 * <p>{@code mvn -B -q -pl ldap-adapter -am -Pbench-ldap verify -DskipTests}
 */
public final class LdapReadBenchmarkMain {

    private static final int USERS = 100_000;
    private static final List<String> OUS = List.of("Staff", "Sales", "Engineering", "Operations");
    private static final int ROUNDS = 5;
    private static final double TARGET = 1.3;
    /** Keeps the JIT from discarding the reads. */
    private static volatile long sink;

    private LdapReadBenchmarkMain() {
    }

    public static void main(String[] args) throws LDAPException {
        try (InMemoryActiveDirectory ad = InMemoryActiveDirectory.builder()
                .organizationalUnits(OUS.toArray(String[]::new)).start()) {
            long seedStart = System.nanoTime();
            for (String ou : OUS) {
                ad.seedUsers(ou, USERS / OUS.size());
            }
            System.out.printf("Seeded %,d users over %d OUs in %.1f s%n", USERS, OUS.size(),
                    (System.nanoTime() - seedStart) / 1e9);

            // Plain LDAP for both, so that TLS cost does not hide the adapter's own.
            LdapSettings settings = ad.plaintextSettings().build();
            try (LdapDirectory directory = LdapDirectory.connect(settings);
                    LDAPConnection raw = ad.connection()) {
                String[] attributes = {"objectGUID", "mS-DS-ConsistencyGuid", "userPrincipalName", "sAMAccountName",
                        "mail", "proxyAddresses", "employeeID"};
                // Warm-up: one pass each.
                check(readAdapter(directory), "adapter warm-up");
                check(readRaw(raw, settings, attributes), "raw warm-up");

                long[] adapterNanos = new long[ROUNDS];
                long[] rawNanos = new long[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    long start = System.nanoTime();
                    check(readRaw(raw, settings, attributes), "raw");
                    rawNanos[round] = System.nanoTime() - start;
                    start = System.nanoTime();
                    check(readAdapter(directory), "adapter");
                    adapterNanos[round] = System.nanoTime() - start;
                }
                double adapter = median(adapterNanos) / 1e6;
                double baseline = median(rawNanos) / 1e6;
                double ratio = adapter / baseline;
                System.out.println();
                System.out.printf("Reading %,d users, page size %d, median of %d rounds (heap max %d MB)%n", USERS,
                        settings.pageSize(), ROUNDS, Runtime.getRuntime().maxMemory() >> 20);
                System.out.printf("  raw UnboundID paged loop   %9.0f ms   %,.0f users/s%n", baseline,
                        USERS / baseline * 1000);
                System.out.printf("  LdapDirectory.users()      %9.0f ms   %,.0f users/s%n", adapter,
                        USERS / adapter * 1000);
                System.out.printf("  ratio adapter / raw        %9.2fx  target <= %.1fx  %s%n", ratio, TARGET,
                        ratio <= TARGET ? "met" : "NOT MET");
            }
        }
    }

    /** Every user as an {@link OnPremUser}, with its anchors decoded; returns how many. */
    private static long readAdapter(LdapDirectory directory) {
        long count = 0;
        long checksum = 0;
        try (Stream<OnPremUser> users = directory.users()) {
            for (OnPremUser user : (Iterable<OnPremUser>) users::iterator) {
                checksum += user.objectGuid().hashCode() + user.userPrincipalName().length();
                count++;
            }
        }
        sink += checksum;
        return count;
    }

    /**
     * The loop a careful engineer writes by hand: one connection, cookie by cookie, page after page, reading the
     * same attributes as the adapter; returns how many users.
     */
    private static long readRaw(LDAPConnection connection, LdapSettings settings, String[] attributes)
            throws LDAPException {
        long count = 0;
        long checksum = 0;
        for (String base : settings.searchBases()) {
            SearchRequest request = new SearchRequest(base, SearchScope.SUB, settings.userFilter(), attributes);
            ASN1OctetString cookie = null;
            do {
                request.setControls(new SimplePagedResultsControl(settings.pageSize(), cookie, true));
                SearchResult page = connection.search(request);
                for (SearchResultEntry entry : page.getSearchEntries()) {
                    // The same values the adapter reads, through the same byte and string accessors.
                    byte[] objectGuid = entry.getAttributeValueBytes("objectGUID");
                    byte[] consistencyGuid = entry.getAttributeValueBytes("mS-DS-ConsistencyGuid");
                    String upn = entry.getAttributeValue("userPrincipalName");
                    String sam = entry.getAttributeValue("sAMAccountName");
                    String mail = entry.getAttributeValue("mail");
                    String[] proxies = entry.getAttributeValues("proxyAddresses");
                    String employeeId = entry.getAttributeValue("employeeID");
                    checksum += Arrays.hashCode(objectGuid) + upn.length() + sam.length() + mail.length()
                            + proxies.length + employeeId.length() + (consistencyGuid == null ? 0 : 1);
                    count++;
                }
                SimplePagedResultsControl response = SimplePagedResultsControl.get(page);
                cookie = response != null && response.moreResultsToReturn() ? response.getCookie() : null;
            } while (cookie != null);
        }
        sink += checksum;
        return count;
    }

    private static void check(long count, String what) {
        if (count != USERS) {
            throw new IllegalStateException(what + " read " + count + " users, not " + USERS);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
