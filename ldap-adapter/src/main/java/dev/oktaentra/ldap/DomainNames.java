package dev.oktaentra.ldap;

import static dev.oktaentra.core.OktaEntraException.quote;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import dev.oktaentra.core.settings.ConfigurationException;

/** Reads a domain's DNS name from the {@code DC=} components that end a DN. */
final class DomainNames {

    private DomainNames() {
    }

    static DN parse(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new ConfigurationException("searchBase",
                    quote(dn) + " is not a valid DN: " + e.getDiagnosticMessage());
        }
    }

    /**
     * The DNS name the trailing {@code DC=} components spell, lower case: {@code OU=Staff,DC=Contoso,DC=com} gives
     * {@code contoso.com}.
     *
     * @return the name, or {@code null} when the DN does not end in {@code DC=} components
     */
    static String dnsName(DN dn) {
        RDN[] rdns = dn.getRDNs();
        int first = rdns.length;
        while (first > 0 && isDomainComponent(rdns[first - 1])) {
            first--;
        }
        if (first == rdns.length) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        for (int i = first; i < rdns.length; i++) {
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(rdns[i].getAttributeValues()[0].toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }

    private static boolean isDomainComponent(RDN rdn) {
        return !rdn.isMultiValued() && rdn.getAttributeNames()[0].equalsIgnoreCase("dc");
    }
}
