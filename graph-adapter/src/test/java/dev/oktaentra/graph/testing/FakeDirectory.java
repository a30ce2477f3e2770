package dev.oktaentra.graph.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.tenant.DomainAuthentication;
import dev.oktaentra.core.tenant.OnPremisesProvisioningError;
import dev.oktaentra.core.tenant.TenantDomain;
import dev.oktaentra.core.tenant.TenantObject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fake tenant's domains, creation times, {@code onPremisesProvisioningErrors}, groups and contacts, and the rules
 * that go with them: how Graph answers a UPN change and an ImmutableID change of a user in a federated domain, and how
 * Entra ID's duplicate attribute resiliency handles a synced add that collides with an existing user. Guarded by the
 * server's lock like {@link FakeTenant}.
 */
final class FakeDirectory {

    /** When every seeded user was created: long before any test's matching window. */
    static final Instant SEEDED = Instant.parse("2021-03-01T09:00:00Z");

    private final FakeTenant tenant;
    /** The tenant's initial domain: managed, verified, {@code isInitial}. */
    String initialDomain = "contoso.onmicrosoft.com";
    /** Domains seeded explicitly, by name. */
    final Map<String, TenantDomain> domains = new LinkedHashMap<>();
    /** The domains of every UPN seen: a UPN's domain is always one the tenant verified. */
    private final Set<String> seen = new LinkedHashSet<>();
    final Map<String, Instant> created = new HashMap<>();
    final Map<String, List<OnPremisesProvisioningError>> errors = new HashMap<>();
    final List<TenantObject> groups = new ArrayList<>();
    final List<TenantObject> contacts = new ArrayList<>();
    private int placeholder = 4821;

    FakeDirectory(FakeTenant tenant) {
        this.tenant = tenant;
    }

    /**
     * The domains Graph lists: the initial one, the seeded ones, and the domain of every UPN a user held, managed
     * unless a seeded parent domain says otherwise (a subdomain inherits its root's authentication,
     * https://learn.microsoft.com/entra/identity/users/domains-verify-custom-subdomain).
     */
    List<TenantDomain> list() {
        remember();
        Map<String, TenantDomain> all = new LinkedHashMap<>();
        all.put(initialDomain, new TenantDomain(initialDomain, DomainAuthentication.MANAGED, true, true));
        all.putAll(domains);
        for (String name : seen) {
            all.putIfAbsent(name, new TenantDomain(name, inherited(name), false, true));
        }
        return List.copyOf(all.values());
    }

    /** How a UPN's domain authenticates, as {@link #list()} says; {@code null} when the tenant has no such domain. */
    DomainAuthentication authenticationOf(String upn) {
        String domain = domainOf(upn);
        for (TenantDomain d : list()) {
            if (d.name().equals(domain)) {
                return d.authentication();
            }
        }
        return null;
    }

    private DomainAuthentication inherited(String name) {
        for (String parent = name; parent != null; ) {
            TenantDomain d = domains.get(parent);
            if (d != null) {
                return d.authentication();
            }
            int dot = parent.indexOf('.');
            parent = dot < 0 ? null : parent.substring(dot + 1);
        }
        return DomainAuthentication.MANAGED;
    }

    private void remember() {
        for (CloudUser u : tenant.users) {
            String d = domainOf(u.userPrincipalName());
            if (d != null) {
                seen.add(d);
            }
        }
    }

    static String domainOf(String upn) {
        int at = upn == null ? -1 : upn.lastIndexOf('@');
        return at < 0 ? null : upn.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Refuses an ImmutableID change of a user whose UPN is in a federated domain. Graph's answer is not documented;
     * the status and envelope are those of Graph's other refused user updates (400 {@code Request_BadRequest},
     * domain.md section 5), the text the only one documented, MSOnline's for the same refusal ("You must provide a
     * required property: Parameter name: FederatedUser.SourceAnchor", MicrosoftDocs/azure-docs#5108). Okta: "User
     * must be unfederated before the Immutable ID can be updated"
     * (https://support.okta.com/help/s/article/ms-o365-federation-immutableid-missing-issue-with-o365-federation).
     *
     * @return the refusal, or {@code null} when the change may go ahead
     */
    Reply refuseImmutableIdChange(CloudUser user) {
        boolean anyFederated = domains.values().stream()
                .anyMatch(d -> d.authentication() == DomainAuthentication.FEDERATED);
        if (!anyFederated || authenticationOf(user.userPrincipalName()) != DomainAuthentication.FEDERATED) {
            return null;
        }
        return Reply.error(400, "Request_BadRequest", "You must provide a required property: Parameter name: "
                + "FederatedUser.SourceAnchor");
    }

    /**
     * Changes a user's UPN as Graph does: the domain must be one of the tenant's, the UPN unique, and a user moving
     * into a federated domain must have an ImmutableID ("required if moving the user from a standard to a federated
     * identity domain", Set-MsolUserPrincipalName, https://learn.microsoft.com/powershell/module/msonline/set-msoluserprincipalname;
     * Graph's user resource: onPremisesImmutableId "must be specified when creating a new user account in the Graph
     * if you're using a federated domain"). No password is asked for (Okta's procedure changes the UPN with
     * {@code Update-MgUser -UserPrincipalName} alone).
     *
     * @return the refusal, or {@code null} when the UPN was changed
     */
    Reply changeUpn(int index, JsonNode value) {
        CloudUser user = tenant.users.get(index);
        if (value == null || !value.isTextual() || value.asText().indexOf('@') <= 0) {
            return Reply.error(400, "Request_BadRequest", "Invalid value specified for property "
                    + "'userPrincipalName' of resource 'User'.");
        }
        String upn = value.asText();
        DomainAuthentication target = authenticationOf(upn);
        if (target == null) {
            return Reply.error(400, "Request_BadRequest", "The domain portion of the userPrincipalName property is "
                    + "invalid. You must use one of the verified domain names in your organization.");
        }
        int holder = tenant.find(upn);
        if (holder >= 0 && holder != index && tenant.users.get(holder).userPrincipalName().equalsIgnoreCase(upn)) {
            ObjectNode root = Json.error("Request_BadRequest",
                    "Another object with the same value for property userPrincipalName already exists.");
            ((ObjectNode) root.get("error")).putArray("details").addObject().put("code", "ObjectConflict")
                    .put("target", "userPrincipalName");
            return Reply.json(400, root);
        }
        if (target == DomainAuthentication.FEDERATED && user.immutableId() == null) {
            return Reply.error(400, "Request_BadRequest", "A user moved to a federated domain needs an "
                    + "onPremisesImmutableId.");
        }
        tenant.byUpn.remove(user.userPrincipalName().toLowerCase(Locale.ROOT));
        tenant.replace(index, user.toBuilder().userPrincipalName(upn).build());
        remember();
        return null;
    }

    /**
     * What Entra ID makes of a synced add with duplicate attribute resiliency
     * (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-syncservice-duplicate-attribute-resiliency):
     * a UPN another user holds is replaced by "{@code <OriginalPrefix>+<4DigitNumber>@<InitialTenantDomain>}", a
     * proxy address another user holds is dropped ("quarantined"), and each is recorded in the new user's
     * {@code onPremisesProvisioningErrors} ({@code PropertyConflict}, {@code UserPrincipalName} or
     * {@code ProxyAddress}, https://learn.microsoft.com/graph/api/resources/onpremisesprovisioningerror). The user is
     * created synced.
     */
    CloudUser syncAdd(CloudUser incoming, Instant at) {
        if (incoming.immutableId() == null || tenant.immutableIdHolder.containsKey(incoming.immutableId().value())) {
            throw new IllegalArgumentException("A synced add needs an ImmutableID no user holds (else it is a hard "
                    + "match): " + incoming.immutableId());
        }
        List<OnPremisesProvisioningError> recorded = new ArrayList<>();
        String upn = incoming.userPrincipalName();
        if (tenant.find(upn) >= 0) {
            recorded.add(new OnPremisesProvisioningError("PropertyConflict", "UserPrincipalName", upn, at));
            upn = upn.substring(0, upn.lastIndexOf('@')) + "+" + (placeholder++) + "@" + initialDomain;
        }
        Set<String> held = new LinkedHashSet<>();
        tenant.users.forEach(u -> u.proxyAddresses().forEach(p -> held.add(address(p))));
        List<String> kept = new ArrayList<>();
        for (String p : incoming.proxyAddresses()) {
            if (held.contains(address(p))) {
                recorded.add(new OnPremisesProvisioningError("PropertyConflict", "ProxyAddress", p, at));
            } else {
                kept.add(p);
            }
        }
        String mail = incoming.mail() != null && held.contains(incoming.mail().toLowerCase(Locale.ROOT)) ? null
                : incoming.mail();
        CloudUser user = incoming.toBuilder().userPrincipalName(upn).proxyAddresses(kept).mail(mail)
                .onPremisesSyncEnabled(Boolean.TRUE).onPremisesLastSyncDateTime(at).build();
        tenant.addUser(user);
        created.put(key(user.id()), at);
        if (!recorded.isEmpty()) {
            errors.put(key(user.id()), List.copyOf(recorded));
        }
        return user;
    }

    private static String address(String proxy) {
        int colon = proxy.indexOf(':');
        return (colon < 0 ? proxy : proxy.substring(colon + 1)).toLowerCase(Locale.ROOT);
    }

    /** Writes {@code createdDateTime} and {@code onPremisesProvisioningErrors} of a user when selected. */
    void writeUserFields(JsonGenerator g, CloudUser u, Set<String> select) throws IOException {
        if (select.contains("createddatetime")) {
            g.writeStringField("createdDateTime", created.getOrDefault(key(u.id()), SEEDED).toString());
        }
        if (select.contains("onpremisesprovisioningerrors")) {
            writeErrors(g, errors.getOrDefault(key(u.id()), List.of()));
        }
    }

    static void writeErrors(JsonGenerator g, List<OnPremisesProvisioningError> list) throws IOException {
        g.writeArrayFieldStart("onPremisesProvisioningErrors");
        for (OnPremisesProvisioningError e : list) {
            g.writeStartObject();
            g.writeStringField("category", e.category());
            g.writeStringField("occurredDateTime", e.occurredDateTime() == null ? null
                    : e.occurredDateTime().toString());
            g.writeStringField("propertyCausingError", e.propertyCausingError());
            g.writeStringField("value", e.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
