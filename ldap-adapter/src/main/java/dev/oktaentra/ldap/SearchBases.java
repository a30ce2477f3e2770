package dev.oktaentra.ldap;

import static dev.oktaentra.core.OktaEntraException.quote;

import com.unboundid.ldap.sdk.DN;
import dev.oktaentra.core.settings.ConfigurationException;
import java.util.ArrayList;
import java.util.List;

/** Checks on the OUs selected for sync: parseable, none inside another, all in one domain. */
final class SearchBases {

    private SearchBases() {
    }

    /** Parses the bases and refuses one inside another, whose users would be read twice. */
    static List<DN> parseDisjoint(List<String> bases) {
        List<DN> parsed = new ArrayList<>(bases.size());
        for (String base : bases) {
            parsed.add(DomainNames.parse(base));
        }
        for (int i = 0; i < parsed.size(); i++) {
            for (int j = 0; j < parsed.size(); j++) {
                if (i != j && parsed.get(i).isDescendantOf(parsed.get(j), true)) {
                    throw new ConfigurationException("searchBase", "search base " + quote(bases.get(i)) + " is inside "
                            + quote(bases.get(j)) + "; its users would be read twice, select only one");
                }
            }
        }
        return parsed;
    }

    /** The one domain every base lies in, by its {@code DC=} components. */
    static String commonDomain(List<DN> bases) {
        String found = null;
        for (DN base : bases) {
            String name = DomainNames.dnsName(base);
            if (name == null) {
                throw new ConfigurationException("searchBase",
                        "search base " + quote(base.toString()) + " has no DC= components"
                        + " to name its domain; set domain(...)");
            }
            if (found != null && !found.equalsIgnoreCase(name)) {
                throw new ConfigurationException("searchBase", "search bases span the domains " + found + " and " + name
                        + "; give each domain its own LdapSettings and pass them together to"
                        + " LdapDirectory.connect(List)");
            }
            found = name;
        }
        return found;
    }
}
