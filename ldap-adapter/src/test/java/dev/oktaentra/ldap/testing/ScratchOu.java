package dev.oktaentra.ldap.testing;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.controls.SubtreeDeleteRequestControl;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An OU of its own for a test that writes, under {@code OU=oktaentra-scratch} of the real domain; closing it deletes
 * it with everything inside (AD's tree-delete control, {@code 1.2.840.113556.1.4.805}). Account names carry the OU's
 * random suffix, so a run never collides with what an interrupted run left behind; the first scratch OU of a JVM
 * clears such leftovers.
 */
public final class ScratchOu implements AutoCloseable {

    /** The container of every scratch OU, under the domain. */
    public static final String PARENT_RDN = "OU=oktaentra-scratch";

    private static boolean leftoversCleared;

    private final RealActiveDirectory dc;
    private final String dn;
    private final String suffix;
    private final String domainName;

    private ScratchOu(RealActiveDirectory dc, String dn, String suffix) {
        this.dc = dc;
        this.dn = dn;
        this.suffix = suffix;
        this.domainName = dc.domainDn().replaceAll("(?i)dc=", "").replace(',', '.');
    }

    static ScratchOu create(RealActiveDirectory dc, String purpose) {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        String suffix = HexFormat.of().formatHex(random);
        String parent = PARENT_RDN + "," + dc.domainDn();
        String dn = "OU=" + purpose + "-" + suffix + "," + parent;
        try (LDAPConnection connection = dc.connection()) {
            synchronized (ScratchOu.class) {
                if (!leftoversCleared) {
                    deleteTree(connection, parent);
                    leftoversCleared = true;
                }
                addIgnoringExisting(connection, new Entry(parent, new Attribute("objectClass", "organizationalUnit")));
            }
            connection.add(new Entry(dn, new Attribute("objectClass", "organizationalUnit")));
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot create the scratch OU " + dn + ": " + e.getMessage(), e);
        }
        return new ScratchOu(dc, dn, suffix);
    }

    /**
     * The scratch OU's distinguished name.
     *
     * @return the OU's DN, e.g. {@code OU=writes-1a2b3c,OU=oktaentra-scratch,DC=ad,DC=oktaentra,DC=test}
     */
    public String dn() {
        return dn;
    }

    /**
     * The account name a user added under {@code name} gets: the name and this OU's suffix (at most 20 characters
     * in all, AD's limit for sAMAccountName).
     *
     * @param name e.g. {@code cas1}
     * @return e.g. {@code cas1-1a2b3c}
     */
    public String samAccountName(String name) {
        return name + "-" + suffix;
    }

    /**
     * Adds a user as an administrator would: the directory assigns its objectGUID.
     *
     * @param name the short name; see {@link #samAccountName}
     * @param mail its mail, or {@code null} for none
     * @return its DN
     */
    public String addUser(String name, String mail) {
        String sam = samAccountName(name);
        String userDn = "CN=" + sam + "," + dn;
        Entry entry = new Entry(userDn, new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("sAMAccountName", sam), new Attribute("userPrincipalName", sam + "@" + domainName));
        if (mail != null) {
            entry.addAttribute("mail", mail);
        }
        try (LDAPConnection connection = dc.connection()) {
            connection.add(entry);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot add " + userDn + ": " + e.getMessage(), e);
        }
        return userDn;
    }

    /**
     * Reads attributes of an object straight from the DC, as bytes.
     *
     * @param objectDn the object
     * @param attribute the attribute
     * @return its values (none when absent)
     */
    public List<byte[]> read(String objectDn, String attribute) {
        try (LDAPConnection connection = dc.connection()) {
            Entry entry = connection.getEntry(objectDn, attribute);
            if (entry == null) {
                throw new IllegalStateException("no object " + objectDn);
            }
            Attribute values = entry.getAttribute(attribute);
            return values == null ? List.of() : new ArrayList<>(List.of(values.getValueByteArrays()));
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot read " + attribute + " of " + objectDn + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the OU and everything in it. */
    @Override
    public void close() {
        try (LDAPConnection connection = dc.connection()) {
            deleteTree(connection, dn);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot delete the scratch OU " + dn + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(LDAPConnection connection, String treeDn) throws LDAPException {
        DeleteRequest delete = new DeleteRequest(treeDn);
        delete.addControl(new SubtreeDeleteRequestControl(true));
        try {
            connection.delete(delete);
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
                throw e;
            }
        }
    }

    static void addIgnoringExisting(LDAPConnection connection, Entry entry) throws LDAPException {
        try {
            connection.add(entry);
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.ENTRY_ALREADY_EXISTS) {
                throw e;
            }
        }
    }
}
