package dev.oktaentra.graph.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.CloudUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /users}: list with paging, {@code $select} and the synced filter; get, PATCH and {@code $count}; on v1.0 and
 * on beta, where alone {@code onPremisesObjectIdentifier} exists (v1.0 refuses to select it, as Graph refuses any
 * property its version's {@code user} lacks). Properties come only as {@code $select} asks, the {@code onPremises…}
 * ones never by default ("Returned only on {@code $select}", the Graph user resource), so a read that forgets to select
 * one gets nothing.
 */
final class UserRoutes {

    /** What Graph returns without {@code $select}: the default set, without any onPremises property. */
    private static final Set<String> DEFAULT_FIELDS = Set.of("id", "displayname", "userprincipalname", "mail");
    private static final Pattern SYNC_FILTER = Pattern.compile("\\s*onPremisesSyncEnabled\\s+eq\\s+(true|false)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final String OBJECT_IDENTIFIER = "onPremisesObjectIdentifier";
    private static final int DEFAULT_TOP = 100;
    private static final int MAX_TOP = 999;

    private final FakeTenant tenant;
    private final String baseUrl;

    UserRoutes(FakeTenant tenant, String baseUrl) {
        this.tenant = tenant;
        this.baseUrl = baseUrl;
    }

    Reply list(FakeRequest req, boolean beta) {
        Boolean synced = null;
        String filter = req.param("$filter");
        if (filter != null) {
            Matcher m = SYNC_FILTER.matcher(filter);
            if (!m.matches()) {
                return Reply.error(400, "Request_UnsupportedQuery", "The fake Graph server filters users only on"
                        + " onPremisesSyncEnabled eq true|false, not '" + filter + "'.");
            }
            if (!advanced(req)) {
                return Reply.error(400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause"
                        + " specified for property 'onPremisesSyncEnabled' of resource 'User'.");
            }
            synced = Boolean.valueOf(m.group(1).toLowerCase(Locale.ROOT));
        }
        int top = Paging.top(req, DEFAULT_TOP, MAX_TOP);
        int start = Paging.start(req);
        Set<String> select = select(req, beta);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, top * 320));
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", baseUrl + "/$metadata#users");
            if ("true".equalsIgnoreCase(req.param("$count"))) {
                long count = synced == null ? tenant.users.size()
                        : tenant.users.stream().filter(u -> matches(u, true)).count();
                g.writeNumberField("@odata.count", count);
            }
            g.writeArrayFieldStart("value");
            int i = start;
            int written = 0;
            for (; i < tenant.users.size() && written < top; i++) {
                CloudUser u = tenant.users.get(i);
                if (synced == null || matches(u, synced)) {
                    write(g, u, select, beta);
                    written++;
                }
            }
            while (synced != null && i < tenant.users.size() && !matches(tenant.users.get(i), synced)) {
                i++;
            }
            g.writeEndArray();
            if (i < tenant.users.size()) {
                g.writeStringField("@odata.nextLink", Paging.nextLink(baseUrl, req, i));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reply(200, Reply.JSON, out.toByteArray(), Map.of());
    }

    Reply get(FakeRequest req, String idOrUpn, boolean beta) {
        int index = tenant.find(idOrUpn);
        if (index < 0) {
            return notFound(idOrUpn);
        }
        Set<String> select = select(req, beta);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            write(g, tenant.users.get(index), select, beta);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reply(200, Reply.JSON, out.toByteArray(), Map.of());
    }

    Reply count(FakeRequest req) {
        if (!"eventual".equalsIgnoreCase(req.header("ConsistencyLevel"))) {
            return Reply.error(400, "Request_BadRequest", "$count is not currently supported.");
        }
        return Reply.text(200, "text/plain; charset=utf-8", Integer.toString(tenant.users.size()));
    }

    Reply patch(FakeRequest req, String idOrUpn) {
        int index = tenant.find(idOrUpn);
        if (index < 0) {
            return notFound(idOrUpn);
        }
        JsonNode body = Json.parse(req.body());
        if (body == null || !body.isObject()) {
            return Reply.error(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type"
                    + " header is set and payload is of valid JSON format.");
        }
        CloudUser user = tenant.users.get(index);
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("@odata.type") && !name.equalsIgnoreCase("onPremisesImmutableId")
                    && !name.equalsIgnoreCase("userPrincipalName")) {
                return Reply.error(400, "Request_BadRequest", "The fake Graph server does not write '" + name + "'.");
            }
        }
        if (user.isSynced()) {
            return Reply.error(400, "Request_BadRequest", "Unable to update the specified properties for on-premises"
                    + " mastered Directory Sync objects or objects currently undergoing migration.");
        }
        if (body.has("userPrincipalName")) {
            Reply refused = tenant.directory.changeUpn(index, body.get("userPrincipalName"));
            if (refused != null) {
                return refused;
            }
            user = tenant.users.get(index);
        }
        JsonNode value = body.get("onPremisesImmutableId");
        if (value == null) {
            return Reply.noContent();
        }
        if (value.isNull() || !value.isTextual()) {
            // v1.0 refuses null: 400 Bad Request (microsoftgraph/msgraph-sdk-powershell#2819).
            return Reply.error(400, "Request_BadRequest", "Invalid value specified for property"
                    + " 'onPremisesImmutableId' of resource 'User'.");
        }
        String text = value.asText();
        if (text.isEmpty()) {
            // Graph ignores an empty string here rather than clearing the value.
            return Reply.noContent();
        }
        if (text.indexOf('$') >= 0 || text.indexOf('_') >= 0 || text.chars().anyMatch(Character::isWhitespace)) {
            return Reply.error(400, "Request_BadRequest", "Invalid value specified for property"
                    + " 'onPremisesImmutableId' of resource 'User'.");
        }
        Reply federated = tenant.directory.refuseImmutableIdChange(user);
        if (federated != null) {
            return federated;
        }
        String holder = tenant.immutableIdHolder.get(text);
        if (holder != null && !holder.equalsIgnoreCase(user.id())) {
            return conflict(holder);
        }
        tenant.replace(index, withImmutableId(user, text));
        return Reply.noContent();
    }

    static boolean advanced(FakeRequest req) {
        return "eventual".equalsIgnoreCase(req.header("ConsistencyLevel")) && "true".equalsIgnoreCase(
                req.param("$count"));
    }

    private static boolean matches(CloudUser u, boolean synced) {
        return synced == u.isSynced();
    }

    private static Reply conflict(String holder) {
        var root = Json.error("Request_BadRequest",
                "Another object with the same value for property onPremisesImmutableId already exists.");
        var details = ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("error")).putArray("details");
        details.addObject().put("code", "ObjectConflict").put("message",
                "Another object with the same value for property onPremisesImmutableId already exists.")
                .put("target", "onPremisesImmutableId");
        details.addObject().put("code", "ConflictingObjects").put("message",
                "Another object with the same value for property onPremisesImmutableId already exists.")
                .put("target", "User_" + holder);
        return Reply.json(400, root);
    }

    /**
     * {@code GET /users/{id}/onPremisesSyncBehavior}: {@code isCloudManaged}, wrapped in {@code value} as
     * Microsoft's example answers it (https://learn.microsoft.com/graph/api/onpremisessyncbehavior-get) unless told
     * otherwise. A user never given a value is one on-premises sync may take over: {@code false}. On v1.0 the fake
     * can answer as a Graph without the segment does.
     */
    Reply syncBehavior(FakeRequest req, String idOrUpn, boolean beta) {
        if (!beta && !tenant.syncBehaviorOnV1) {
            return Reply.error(400, "BadRequest", "Resource not found for the segment 'onPremisesSyncBehavior'.");
        }
        if (req.rawQuery() != null && !req.rawQuery().isEmpty()) {
            return Reply.error(400, "BadRequest", "Query options are not supported on onPremisesSyncBehavior.");
        }
        int index = tenant.find(idOrUpn);
        if (index < 0) {
            return notFound(idOrUpn);
        }
        CloudUser u = tenant.users.get(index);
        var behaviour = Json.object().put("@odata.type", "#microsoft.graph.onPremisesSyncBehavior").put("id", u.id())
                .put("isCloudManaged", Boolean.TRUE.equals(u.cloudManaged()));
        if (!tenant.syncBehaviorWrapped) {
            return Reply.ok(behaviour);
        }
        var root = Json.object();
        root.set("value", behaviour);
        return Reply.ok(root);
    }

    private static Reply notFound(String idOrUpn) {
        return Reply.error(404, "Request_ResourceNotFound", "Resource '" + idOrUpn + "' does not exist or one of"
                + " its queried reference-property objects are not present.");
    }

    private static Set<String> select(FakeRequest req, boolean beta) {
        String select = req.param("$select");
        if (select == null || select.isBlank()) {
            return DEFAULT_FIELDS;
        }
        Set<String> fields = new TreeSet<>();
        for (String f : select.split(",")) {
            String field = f.trim();
            if (!beta && field.equalsIgnoreCase(OBJECT_IDENTIFIER)) {
                throw new Paging.Refusal(Reply.error(400, "BadRequest", "Could not find a property named '" + field
                        + "' on type 'microsoft.graph.user'."));
            }
            fields.add(field.toLowerCase(Locale.ROOT));
        }
        fields.add("id");
        return fields;
    }

    private void write(JsonGenerator g, CloudUser u, Set<String> select, boolean beta) throws IOException {
        g.writeStartObject();
        if (select.contains("id")) {
            g.writeStringField("id", u.id());
        }
        if (select.contains("displayname")) {
            g.writeStringField("displayName", u.displayName());
        }
        if (beta && select.contains("onpremisesobjectidentifier")) {
            g.writeStringField(OBJECT_IDENTIFIER, u.onPremisesObjectIdentifier());
        }
        if (select.contains("userprincipalname")) {
            g.writeStringField("userPrincipalName", u.userPrincipalName());
        }
        if (select.contains("mail")) {
            g.writeStringField("mail", u.mail());
        }
        if (select.contains("proxyaddresses")) {
            g.writeArrayFieldStart("proxyAddresses");
            for (String p : u.proxyAddresses()) {
                g.writeString(p);
            }
            g.writeEndArray();
        }
        if (select.contains("onpremisesimmutableid")) {
            g.writeStringField("onPremisesImmutableId", u.immutableId() == null ? null : u.immutableId().value());
        }
        if (select.contains("onpremisessyncenabled")) {
            if (u.onPremisesSyncEnabled() == null) {
                g.writeNullField("onPremisesSyncEnabled");
            } else {
                g.writeBooleanField("onPremisesSyncEnabled", u.onPremisesSyncEnabled());
            }
        }
        if (select.contains("onpremiseslastsyncdatetime")) {
            g.writeStringField("onPremisesLastSyncDateTime", u.onPremisesLastSyncDateTime() == null ? null
                    : u.onPremisesLastSyncDateTime().toString());
        }
        for (String name : u.attributes().names()) {
            if (select.contains(name.toLowerCase(Locale.ROOT))) {
                List<AttributeValue> values = u.attributes().all(name);
                if (values.size() == 1) {
                    g.writeStringField(name, values.get(0).asString());
                } else {
                    g.writeArrayFieldStart(name);
                    for (AttributeValue v : values) {
                        g.writeString(v.asString());
                    }
                    g.writeEndArray();
                }
            }
        }
        tenant.directory.writeUserFields(g, u, select);
        g.writeEndObject();
    }

    static CloudUser withImmutableId(CloudUser u, String value) {
        return u.toBuilder().immutableId(value).build();
    }
}
