package dev.oktaentra.graph.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.tenant.DomainAuthentication;
import dev.oktaentra.core.tenant.TenantDomain;
import dev.oktaentra.core.tenant.TenantObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /domains} and {@code /domains/{id}} as Graph's List domains page shows them
 * (https://learn.microsoft.com/graph/api/domain-list: {@code authenticationType}, {@code isDefault},
 * {@code isInitial}, {@code isRoot}, {@code isVerified}, {@code id}, {@code supportedServices}), and
 * {@code GET /groups} and {@code /contacts} with {@code $select}, {@code onPremisesProvisioningErrors} included only
 * when selected.
 */
final class DirectoryRoutes {

    private final FakeTenant tenant;
    private final String baseUrl;

    DirectoryRoutes(FakeTenant tenant, String baseUrl) {
        this.tenant = tenant;
        this.baseUrl = baseUrl;
    }

    /** The answer, or {@code null} when the request is not one of these routes. */
    Reply route(FakeRequest req, String[] p) {
        if (!req.method().equals("GET")) {
            return null;
        }
        if (p[0].equals("domains") && p.length <= 2) {
            return p.length == 1 ? domains(req) : domain(p[1]);
        }
        if (p.length == 1 && p[0].equals("groups")) {
            return objects(req, tenant.directory.groups);
        }
        if (p.length == 1 && p[0].equals("contacts")) {
            return objects(req, tenant.directory.contacts);
        }
        return null;
    }

    private Reply domains(FakeRequest req) {
        List<ObjectNode> items = new ArrayList<>();
        tenant.directory.list().forEach(d -> items.add(json(d)));
        ObjectNode page = Paging.page(baseUrl, req, items, 100, 999);
        page.put("@odata.context", baseUrl + "/$metadata#domains");
        return Reply.ok(page);
    }

    private Reply domain(String id) {
        for (TenantDomain d : tenant.directory.list()) {
            if (d.name().equalsIgnoreCase(id)) {
                return Reply.ok(json(d));
            }
        }
        return Reply.error(404, "Request_ResourceNotFound", "Resource '" + id + "' does not exist or one of its "
                + "queried reference-property objects are not present.");
    }

    private static ObjectNode json(TenantDomain d) {
        ObjectNode node = Json.object();
        node.put("authenticationType", d.authentication() == DomainAuthentication.FEDERATED ? "Federated"
                : "Managed");
        node.putNull("availabilityStatus");
        node.put("id", d.name());
        node.put("isAdminManaged", true);
        node.put("isDefault", false);
        node.put("isInitial", d.initial());
        node.put("isRoot", d.name().chars().filter(c -> c == '.').count() <= 1);
        node.put("isVerified", d.verified());
        node.putArray("supportedServices").add("Email").add("OfficeCommunicationsOnline");
        return node;
    }

    private Reply objects(FakeRequest req, List<TenantObject> all) {
        Set<String> select = new TreeSet<>();
        String fields = req.param("$select");
        if (fields != null) {
            for (String f : fields.split(",")) {
                select.add(f.trim().toLowerCase(Locale.ROOT));
            }
        } else {
            select.addAll(List.of("id", "displayname", "mail"));
        }
        List<ObjectNode> items = new ArrayList<>();
        for (TenantObject o : all) {
            items.add(object(o, select));
        }
        return Reply.ok(Paging.page(baseUrl, req, items, 100, 999));
    }

    private static ObjectNode object(TenantObject o, Set<String> select) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", o.id());
            if (select.contains("displayname")) {
                g.writeStringField("displayName", o.displayName());
            }
            if (select.contains("mail")) {
                g.writeStringField("mail", o.mail());
            }
            if (select.contains("onpremisessyncenabled")) {
                if (o.onPremisesSyncEnabled() == null) {
                    g.writeNullField("onPremisesSyncEnabled");
                } else {
                    g.writeBooleanField("onPremisesSyncEnabled", o.onPremisesSyncEnabled());
                }
            }
            if (select.contains("createddatetime") && o.type() == TenantObject.Type.GROUP) {
                g.writeStringField("createdDateTime", o.createdDateTime() == null ? FakeDirectory.SEEDED.toString()
                        : o.createdDateTime().toString());
            }
            if (select.contains("onpremisesprovisioningerrors")) {
                FakeDirectory.writeErrors(g, o.provisioningErrors());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (ObjectNode) Json.parse(out.toByteArray());
    }
}
