package dev.oktaentra.graph;

import com.microsoft.graph.models.Domain;
import com.microsoft.graph.models.DomainCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.oktaentra.core.tenant.DomainAuthentication;
import dev.oktaentra.core.tenant.TenantDomain;
import dev.oktaentra.core.tenant.TenantDomains;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the tenant's domains and how each authenticates its users: {@code GET /domains} with
 * {@code $select=id,authenticationType,isInitial,isVerified} (https://learn.microsoft.com/graph/api/domain-list;
 * {@code authenticationType} "is either Managed or Federated", https://learn.microsoft.com/graph/api/resources/domain).
 * Needs {@code Domain.Read.All} (or {@code Directory.Read.All}).
 */
final class GraphDomains {

    private static final Logger LOG = LoggerFactory.getLogger(GraphDomains.class);
    static final String[] FIELDS = {"id", "authenticationType", "isInitial", "isVerified"};

    private GraphDomains() {
    }

    /**
     * Every domain of the tenant.
     *
     * @param graph the client
     * @param settings the retry policy
     * @param name the directory's name, for messages
     * @return the domains
     * @throws GraphException when Graph refuses, e.g. without the permission
     */
    static TenantDomains read(GraphServiceClient graph, GraphSettings settings, String name) {
        var domains = graph.domains();
        List<TenantDomain> all = new ArrayList<>();
        Pages.<DomainCollectionResponse, Domain, Domain>stream("domains",
                link -> Calls.call("Reading the domains of " + name + " (needs Domain.Read.All)", () -> link == null
                        ? domains.get(rc -> {
                            rc.queryParameters.select = FIELDS;
                            Calls.retry(rc, settings);
                        })
                        : domains.withUrl(link).get(rc -> Calls.retry(rc, settings))),
                DomainCollectionResponse::getValue, DomainCollectionResponse::getOdataNextLink, (d, page, i) -> d)
                .filter(d -> d.getId() != null && !d.getId().isBlank())
                .forEach(d -> all.add(new TenantDomain(d.getId(), DomainAuthentication.of(d.getAuthenticationType()),
                        Boolean.TRUE.equals(d.getIsInitial()), Boolean.TRUE.equals(d.getIsVerified()))));
        TenantDomains result = TenantDomains.of(all);
        LOG.debug("Domains of {}: {}", name, result);
        return result;
    }
}
