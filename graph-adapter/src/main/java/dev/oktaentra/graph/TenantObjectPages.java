package dev.oktaentra.graph;

import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.OnPremisesProvisioningError;
import com.microsoft.graph.models.OrgContact;
import com.microsoft.graph.models.OrgContactCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.oktaentra.core.tenant.TenantObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Streams every user, group and contact with what shows a failed match: {@code onPremisesSyncEnabled},
 * {@code createdDateTime} (users and groups; {@code orgContact} has none) and {@code onPremisesProvisioningErrors},
 * which Graph returns only when {@code $select}ed (https://learn.microsoft.com/graph/api/resources/user;
 * the error's shape: https://learn.microsoft.com/graph/api/resources/onpremisesprovisioningerror). Users need
 * {@code User.Read.All}, groups and contacts {@code Directory.Read.All}. One page of each is held at a time.
 */
final class TenantObjectPages {

    static final String[] USER_FIELDS = {"id", "displayName", "userPrincipalName", "mail", "onPremisesSyncEnabled",
        "createdDateTime", "onPremisesProvisioningErrors"};
    static final String[] GROUP_FIELDS = {"id", "displayName", "mail", "onPremisesSyncEnabled", "createdDateTime",
        "onPremisesProvisioningErrors"};
    static final String[] CONTACT_FIELDS = {"id", "displayName", "mail", "onPremisesSyncEnabled",
        "onPremisesProvisioningErrors"};

    private TenantObjectPages() {
    }

    /**
     * Users, then groups, then contacts, lazily.
     *
     * @param graph the client
     * @param settings page size and retry policy
     * @param name the directory's name, for messages
     * @return the stream; close it after use
     */
    static Stream<TenantObject> stream(GraphServiceClient graph, GraphSettings settings, String name) {
        return Stream.of(users(graph, settings, name), groups(graph, settings, name), contacts(graph, settings, name))
                .flatMap(s -> s);
    }

    private static Stream<TenantObject> users(GraphServiceClient graph, GraphSettings settings, String name) {
        var users = graph.users();
        return Pages.<UserCollectionResponse, User, TenantObject>stream("users",
                link -> Calls.call("Reading the users of " + name + " with their onPremisesProvisioningErrors",
                        () -> link == null ? users.get(rc -> {
                            rc.queryParameters.select = USER_FIELDS;
                            rc.queryParameters.top = settings.pageSize();
                            Calls.retry(rc, settings);
                        }) : users.withUrl(link).get(rc -> Calls.retry(rc, settings))),
                UserCollectionResponse::getValue, UserCollectionResponse::getOdataNextLink,
                (u, page, i) -> new TenantObject(TenantObject.Type.USER, id(u.getId()), u.getDisplayName(),
                        u.getUserPrincipalName(), u.getMail(), u.getOnPremisesSyncEnabled(),
                        instant(u.getCreatedDateTime()), errors(u.getOnPremisesProvisioningErrors())));
    }

    private static Stream<TenantObject> groups(GraphServiceClient graph, GraphSettings settings, String name) {
        var groups = graph.groups();
        return Pages.<GroupCollectionResponse, Group, TenantObject>stream("groups",
                link -> Calls.call("Reading the groups of " + name + " with their onPremisesProvisioningErrors"
                        + " (needs Directory.Read.All)", () -> link == null ? groups.get(rc -> {
                            rc.queryParameters.select = GROUP_FIELDS;
                            rc.queryParameters.top = settings.pageSize();
                            Calls.retry(rc, settings);
                        }) : groups.withUrl(link).get(rc -> Calls.retry(rc, settings))),
                GroupCollectionResponse::getValue, GroupCollectionResponse::getOdataNextLink,
                (g, page, i) -> new TenantObject(TenantObject.Type.GROUP, id(g.getId()), g.getDisplayName(), null,
                        g.getMail(), g.getOnPremisesSyncEnabled(), instant(g.getCreatedDateTime()),
                        errors(g.getOnPremisesProvisioningErrors())));
    }

    private static Stream<TenantObject> contacts(GraphServiceClient graph, GraphSettings settings, String name) {
        var contacts = graph.contacts();
        return Pages.<OrgContactCollectionResponse, OrgContact, TenantObject>stream("contacts",
                link -> Calls.call("Reading the contacts of " + name + " with their onPremisesProvisioningErrors"
                        + " (needs Directory.Read.All)", () -> link == null ? contacts.get(rc -> {
                            rc.queryParameters.select = CONTACT_FIELDS;
                            rc.queryParameters.top = settings.pageSize();
                            Calls.retry(rc, settings);
                        }) : contacts.withUrl(link).get(rc -> Calls.retry(rc, settings))),
                OrgContactCollectionResponse::getValue, OrgContactCollectionResponse::getOdataNextLink,
                (c, page, i) -> new TenantObject(TenantObject.Type.CONTACT, id(c.getId()), c.getDisplayName(), null,
                        c.getMail(), c.getOnPremisesSyncEnabled(), null,
                        errors(c.getOnPremisesProvisioningErrors())));
    }

    private static String id(String id) {
        return id == null ? "" : id;
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static List<dev.oktaentra.core.tenant.OnPremisesProvisioningError> errors(
            List<OnPremisesProvisioningError> errors) {
        if (errors == null) {
            return List.of();
        }
        return errors.stream().filter(e -> e != null).map(e -> new dev.oktaentra.core.tenant.OnPremisesProvisioningError(
                e.getCategory(), e.getPropertyCausingError(), e.getValue(), instant(e.getOccurredDateTime())))
                .toList();
    }
}
