package dev.oktaentra.core.tenant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant's domains, to tell for a UPN how its user signs in and where a UPN can move to the tenant's managed
 * initial domain.
 *
 * <p>A UPN's domain is looked up by name; a subdomain Graph does not list takes its closest listed parent's
 * authentication ("all subsequent subdomains added to that root ... automatically inherit the authentication setting
 * from the root domain", https://learn.microsoft.com/entra/identity/users/domains-verify-custom-subdomain; Graph lists
 * an added subdomain with the authentication it inherits). A UPN no listed domain covers is
 * {@link DomainAuthentication#UNKNOWN}, which plans as federated: no source says a direct ImmutableID change works
 * for it.
 */
public final class TenantDomains {

    private final Map<String, TenantDomain> byName = new LinkedHashMap<>();

    private TenantDomains(Collection<TenantDomain> domains) {
        for (TenantDomain d : domains) {
            byName.put(d.name(), d);
        }
    }

    /**
     * The domains Graph listed.
     *
     * @param domains the domains
     * @return the lookup
     */
    public static TenantDomains of(Collection<TenantDomain> domains) {
        return new TenantDomains(List.copyOf(domains));
    }

    /**
     * Every domain, in the order given.
     *
     * @return the domains
     */
    public List<TenantDomain> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The domain that covers a UPN: its own, or its closest listed parent.
     *
     * @param userPrincipalName the UPN, e.g. {@code jane@sales.contoso.com}
     * @return the domain, or empty when none covers it (or the text has no {@code @})
     */
    public Optional<TenantDomain> domainOf(String userPrincipalName) {
        String suffix = suffix(userPrincipalName);
        while (suffix != null) {
            TenantDomain d = byName.get(suffix);
            if (d != null) {
                return Optional.of(d);
            }
            int dot = suffix.indexOf('.');
            suffix = dot < 0 ? null : suffix.substring(dot + 1);
        }
        return Optional.empty();
    }

    /**
     * How the user of a UPN signs in.
     *
     * @param userPrincipalName the UPN
     * @return its domain's authentication; {@link DomainAuthentication#UNKNOWN} when no listed domain covers it
     */
    public DomainAuthentication authenticationOf(String userPrincipalName) {
        return domainOf(userPrincipalName).map(TenantDomain::authentication).orElse(DomainAuthentication.UNKNOWN);
    }

    /**
     * The tenant's initial domain ({@code <tenant>.onmicrosoft.com}), where a UPN can move while its ImmutableID
     * changes: it is managed and cannot be removed or federated.
     *
     * @return the initial domain, if Graph listed one as managed
     */
    public Optional<TenantDomain> initial() {
        return byName.values().stream().filter(TenantDomain::initial)
                .filter(d -> d.authentication() == DomainAuthentication.MANAGED).findFirst();
    }

    /**
     * The UPN a user takes while its ImmutableID changes: the same prefix in the initial domain, e.g.
     * {@code jane@contoso.com} becomes {@code jane@contoso.onmicrosoft.com}.
     *
     * @param userPrincipalName the user's UPN
     * @return the UPN in the initial domain, or empty when there is no managed initial domain or no {@code @}
     */
    public Optional<String> inInitialDomain(String userPrincipalName) {
        int at = userPrincipalName == null ? -1 : userPrincipalName.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        return initial().map(d -> userPrincipalName.substring(0, at) + "@" + d.name());
    }

    /**
     * The domains whose users are federated.
     *
     * @return the federated domains' names
     */
    public List<String> federated() {
        List<String> names = new ArrayList<>();
        byName.values().stream().filter(d -> d.authentication() == DomainAuthentication.FEDERATED)
                .forEach(d -> names.add(d.name()));
        return names;
    }

    private static String suffix(String upn) {
        int at = upn == null ? -1 : upn.lastIndexOf('@');
        return at < 0 || at == upn.length() - 1 ? null : upn.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "TenantDomains" + byName.values().stream().map(d -> d.name() + "=" + d.authentication()).toList();
    }
}
