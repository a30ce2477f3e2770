package dev.oktaentra.ldap.testing;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.OnPremUser;
import java.util.Locale;

/** Entries shaped as Active Directory shapes them, built from core's model objects. */
final class AdEntries {

    private AdEntries() {
    }

    /** A user entry with the object classes, naming and anchors AD gives it. */
    static Entry user(OnPremUser user, DN dn, String domainDn) {
        String cn = dn.getRDN().getAttributeValues()[0];
        Entry entry = new Entry(dn, new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("cn", cn), new Attribute("sn", cn),
                new Attribute("objectGUID", user.objectGuid().bytes()),
                new Attribute("objectCategory", "CN=Person,CN=Schema,CN=Configuration," + domainDn));
        if (user.consistencyGuid() != null) {
            entry.addAttribute(new Attribute("mS-DS-ConsistencyGuid", user.consistencyGuid().bytes()));
        }
        addIfPresent(entry, "userPrincipalName", user.userPrincipalName());
        addIfPresent(entry, "sAMAccountName", user.samAccountName());
        addIfPresent(entry, "mail", user.mail());
        if (!user.proxyAddresses().isEmpty()) {
            entry.addAttribute(new Attribute("proxyAddresses", user.proxyAddresses()));
        }
        addIfPresent(entry, "displayName", user.displayName());
        if (user.criticalSystemObject()) {
            entry.addAttribute(new Attribute("isCriticalSystemObject", "TRUE"));
        }
        addIfPresent(entry, "mailNickname", user.mailNickname());
        if (user.recipientTypeDetails() != null) {
            entry.addAttribute(new Attribute("msExchRecipientTypeDetails", user.recipientTypeDetails().toString()));
        }
        for (String name : user.attributes().names()) {
            if (name.equalsIgnoreCase("displayName") && user.displayName() != null) {
                continue;   // the model's own field wins; AD holds one value
            }
            byte[][] values = user.attributes().all(name).stream().map(AttributeValue::bytes).toArray(byte[][]::new);
            entry.addAttribute(new Attribute(name, values));
        }
        return entry;
    }

    private static void addIfPresent(Entry entry, String name, String value) {
        if (value != null) {
            entry.addAttribute(new Attribute(name, value));
        }
    }

    /** A computer: in AD a subclass of user, so {@code (objectClass=user)} matches it. */
    static Entry computer(DN dn, String name, String domain, String domainDn, byte[] objectGuid) {
        return new Entry(dn,
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user", "computer"),
                new Attribute("cn", name), new Attribute("sn", name),
                new Attribute("sAMAccountName", name + "$"),
                new Attribute("dNSHostName", name.toLowerCase(Locale.ROOT) + "." + domain),
                new Attribute("objectCategory", "CN=Computer,CN=Schema,CN=Configuration," + domainDn),
                new Attribute("objectGUID", objectGuid));
    }

    /** Whether an added object is of a class that AD gives a GUID and our schema allows one. */
    static boolean carriesGuid(Attribute objectClasses) {
        if (objectClasses == null) {
            return false;
        }
        for (String objectClass : objectClasses.getValues()) {
            if (objectClass.equalsIgnoreCase("user") || objectClass.equalsIgnoreCase("container")) {
                return true;
            }
        }
        return false;
    }

    static DN dn(String text) {
        try {
            return new DN(text);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("not a DN: " + text, e);
        }
    }

    static String domainDn(String dnsName) {
        StringBuilder dn = new StringBuilder();
        for (String label : dnsName.split("\\.")) {
            if (dn.length() > 0) {
                dn.append(',');
            }
            dn.append("DC=").append(label);
        }
        return dn.toString();
    }
}
