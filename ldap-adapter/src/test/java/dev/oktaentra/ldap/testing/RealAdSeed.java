package dev.oktaentra.ldap.testing;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The 10,000 users the real-AD tests read, under {@code OU=oktaentra-seed} of the domain:
 *
 * <pre>
 * OU=Staff            4,321 users  seed00001..seed04321, and 3 computers (AD makes computers users too)
 * OU=Sales            2,345 users  seed04322..seed06666
 *   OU=EMEA           1,234 users  seed06667..seed07900 (nested: read through OU=Sales)
 * OU=Contractors      2,100 users  seed07901..seed10000
 * </pre>
 *
 * <p>Each user has a UPN and an {@code employeeID} ({@code E00042}); all but every 500th have {@code mail}. The
 * directory assigns every objectGUID; nothing here chooses one. Seeding takes about 35 s and happens once per
 * domain: the parent OU's {@code description} records a finished seed, and a seed without it (an interrupted run)
 * is deleted and made again. Adds go about 1,000 to a connection, which keeps Samba's memory per connection small.
 */
public final class RealAdSeed {

    /** How many users the seed holds. */
    public static final int USERS = 10_000;
    /** The seed's OU, under the domain. */
    public static final String PARENT_RDN = "OU=oktaentra-seed";
    /** Every how many users one lacks {@code mail}. */
    public static final int NO_MAIL_EVERY = 500;
    /** Computers in {@code OU=Staff}, which the adapter must leave out. */
    public static final int COMPUTERS = 3;

    private static final String MARKER = "oktaentra seed v1: 10000 users, 3 computers";
    private static final int ADDS_PER_CONNECTION = 1_000;

    /** An OU of the seed: its path under the seed's OU and how many users it holds directly. */
    private record Ou(String path, int users) {
    }

    private static final List<Ou> OUS = List.of(new Ou("OU=Staff", 4_321), new Ou("OU=Sales", 2_345),
            new Ou("OU=EMEA,OU=Sales", 1_234), new Ou("OU=Contractors", 2_100));
    private static final List<String> SEARCH_BASES = List.of("OU=Staff", "OU=Sales", "OU=Contractors");

    private final String parentDn;
    private final String domainName;

    private RealAdSeed(String domainDn) {
        this.parentDn = PARENT_RDN + "," + domainDn;
        this.domainName = domainDn.replaceAll("(?i)dc=", "").replace(',', '.');
    }

    static RealAdSeed ensure(RealActiveDirectory dc) {
        RealAdSeed seed = new RealAdSeed(dc.domainDn());
        try (LDAPConnection connection = dc.connection()) {
            Entry parent = connection.getEntry(seed.parentDn, "description");
            if (parent != null && MARKER.equals(parent.getAttributeValue("description"))) {
                return seed;
            }
            ScratchOu.deleteTree(connection, seed.parentDn);
            connection.add(new Entry(seed.parentDn, new Attribute("objectClass", "organizationalUnit")));
            for (Ou ou : OUS) {
                connection.add(new Entry(ou.path() + "," + seed.parentDn,
                        new Attribute("objectClass", "organizationalUnit")));
            }
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot prepare " + seed.parentDn + ": " + e.getMessage(), e);
        }
        seed.addUsers(dc);
        try (LDAPConnection connection = dc.connection()) {
            for (int i = 1; i <= COMPUTERS; i++) {
                String name = String.format(Locale.ROOT, "SEEDWS%d", i);
                connection.add(new Entry("CN=" + name + ",OU=Staff," + seed.parentDn,
                        new Attribute("objectClass", "top", "person", "organizationalPerson", "user", "computer"),
                        new Attribute("sAMAccountName", name + "$")));
            }
            connection.modify(seed.parentDn, new Modification(ModificationType.REPLACE, "description", MARKER));
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot finish the seed under " + seed.parentDn + ": " + e.getMessage(), e);
        }
        return seed;
    }

    private void addUsers(RealActiveDirectory dc) {
        List<Entry> pending = new ArrayList<>(USERS);
        int number = 1;
        for (Ou ou : OUS) {
            for (int i = 0; i < ou.users(); i++, number++) {
                pending.add(user(number, ou.path() + "," + parentDn));
            }
        }
        for (int from = 0; from < pending.size(); from += ADDS_PER_CONNECTION) {
            try (LDAPConnection connection = dc.connection()) {
                for (Entry entry : pending.subList(from, Math.min(pending.size(), from + ADDS_PER_CONNECTION))) {
                    connection.add(entry);
                }
            } catch (LDAPException e) {
                throw new IllegalStateException("seeding " + parentDn + " failed after " + from + " users: "
                        + e.getMessage(), e);
            }
        }
    }

    private Entry user(int number, String ouDn) {
        String sam = samAccountName(number);
        Entry entry = new Entry("CN=" + sam + "," + ouDn,
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("sAMAccountName", sam), new Attribute("userPrincipalName", userPrincipalName(number)),
                new Attribute("employeeID", String.format(Locale.ROOT, "E%05d", number)));
        if (hasMail(number)) {
            entry.addAttribute("mail", userPrincipalName(number));
        }
        return entry;
    }

    /**
     * The sAMAccountName of a seeded user.
     *
     * @param number 1 to {@value #USERS}
     * @return e.g. {@code seed00042}
     */
    public static String samAccountName(int number) {
        return String.format(Locale.ROOT, "seed%05d", number);
    }

    /**
     * The UPN of a seeded user.
     *
     * @param number 1 to {@value #USERS}
     * @return e.g. {@code seed00042@ad.oktaentra.test}
     */
    public String userPrincipalName(int number) {
        return samAccountName(number) + "@" + domainName;
    }

    /**
     * Whether a seeded user has a mail address.
     *
     * @param number 1 to {@value #USERS}
     * @return whether the user has {@code mail} (its UPN); every {@value #NO_MAIL_EVERY}th has none
     */
    public static boolean hasMail(int number) {
        return number % NO_MAIL_EVERY != 0;
    }

    /**
     * The OU that holds the seeded users.
     *
     * @return the seed's OU, e.g. {@code OU=oktaentra-seed,DC=ad,DC=oktaentra,DC=test}
     */
    public String parentDn() {
        return parentDn;
    }

    /**
     * The domain's DNS name.
     *
     * @return the DNS name of the domain, e.g. {@code ad.oktaentra.test}
     */
    public String domainName() {
        return domainName;
    }

    /**
     * The OUs selected for sync.
     *
     * @return the OUs selected for sync: Staff, Sales (with EMEA inside) and Contractors
     */
    public List<String> searchBases() {
        return SEARCH_BASES.stream().map(path -> path + "," + parentDn).toList();
    }

    /**
     * Users in a search base's subtree.
     *
     * @param searchBase one of {@link #searchBases()}
     * @return how many users it holds, computers not counted
     */
    public int usersUnder(String searchBase) {
        return OUS.stream().filter(ou -> (ou.path() + "," + parentDn).toLowerCase(Locale.ROOT)
                .endsWith(searchBase.toLowerCase(Locale.ROOT))).mapToInt(Ou::users).sum();
    }
}
