package dev.oktaentra.core.tenant;

import java.util.Locale;
import java.util.Objects;

/**
 * One domain of the Entra tenant, as Graph lists it ({@code GET /domains},
 * https://learn.microsoft.com/graph/api/domain-list).
 *
 * @param name the domain name, Graph's {@code id}, e.g. {@code contoso.com}; kept in lower case
 * @param authentication how its users sign in ({@code authenticationType})
 * @param initial whether it is the tenant's initial {@code <tenant>.onmicrosoft.com} domain ({@code isInitial})
 * @param verified whether the tenant proved it owns the domain ({@code isVerified})
 */
public record TenantDomain(String name, DomainAuthentication authentication, boolean initial, boolean verified) {

    /**
     * Checks the components and puts the name in lower case (domain names compare without case).
     *
     * @param name the domain name, e.g. {@code contoso.com}
     * @param authentication how its users sign in
     * @param initial whether it is the tenant's initial domain
     * @param verified whether the tenant proved it owns the domain
     */
    public TenantDomain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authentication, "authentication");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A domain needs a name");
        }
        name = name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A managed, verified domain that is not the initial one.
     *
     * @param name the domain name
     * @return the domain
     */
    public static TenantDomain managed(String name) {
        return new TenantDomain(name, DomainAuthentication.MANAGED, false, true);
    }

    /**
     * A federated, verified domain.
     *
     * @param name the domain name
     * @return the domain
     */
    public static TenantDomain federated(String name) {
        return new TenantDomain(name, DomainAuthentication.FEDERATED, false, true);
    }
}
