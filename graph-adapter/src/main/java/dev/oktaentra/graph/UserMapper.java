package dev.oktaentra.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.anchor.InvalidAnchorException;
import dev.oktaentra.core.directory.Attributes;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one user of a Graph users page into a {@link CloudUser}, or into a {@link DirectoryRecord.Rejected} naming
 * the user and the field that is missing or malformed.
 */
final class UserMapper {

    /** The fields every {@link CloudUser} needs, for {@code $select}. */
    public static final List<String> FIELDS = List.of("id", "userPrincipalName", "onPremisesImmutableId",
            "onPremisesSyncEnabled", "mail", "proxyAddresses", "onPremisesLastSyncDateTime");

    private final String source;
    private final List<String> extraFields;
    private final Set<String> adminIds;

    /** A field that cannot be read; becomes the rejection's reason. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * A mapper for one directory.
     *
     * @param source the directory's name, for rejected records
     * @param extraFields further fields to copy into {@link CloudUser#attributes()}
     * @param adminIds object ids of users holding a directory role
     */
    public UserMapper(String source, List<String> extraFields, Set<String> adminIds) {
        this.source = source;
        this.extraFields = List.copyOf(extraFields);
        this.adminIds = Set.copyOf(adminIds);
    }

    /**
     * Maps one user.
     *
     * @param user the user's JSON; anything else is rejected
     * @param page the page number
     * @param index the position in the page
     * @return a usable or rejected record
     */
    public DirectoryRecord<CloudUser> map(JsonNode user, int page, int index) {
        String location = "users page " + page + ", item " + index;
        if (user == null || !user.isObject()) {
            return new DirectoryRecord.Rejected<>(source, location, null, "Graph sent "
                    + (user == null ? "nothing" : user.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)) + " instead of a user");
        }
        String id = user.path("id").isTextual() ? user.get("id").asText() : null;
        String upn = user.path("userPrincipalName").isTextual() ? user.get("userPrincipalName").asText() : null;
        String identity = blank(upn) ? (blank(id) ? null : id) : upn;
        try {
            if (blank(id)) {
                throw new Malformed("the user has no object id (id is " + quote(user.get("id")) + ")");
            }
            if (blank(upn)) {
                throw new Malformed("the user has no userPrincipalName");
            }
            String immutableId = text(user, "onPremisesImmutableId");
            return new DirectoryRecord.Usable<>(CloudUser.builder()
                    .id(id)
                    .userPrincipalName(upn)
                    // A never-set anchor is null, one "cleared" with an empty string is "": both mean none.
                    .immutableId(immutableId == null || immutableId.isEmpty() ? null : immutableId)
                    .onPremisesSyncEnabled(bool(user, "onPremisesSyncEnabled"))
                    .mail(text(user, "mail"))
                    .proxyAddresses(texts(user, "proxyAddresses"))
                    .onPremisesLastSyncDateTime(instant(user, "onPremisesLastSyncDateTime"))
                    .holdsAdminRole(adminIds.contains(id))
                    .attributes(extras(user))
                    .build());
        } catch (Malformed e) {
            return new DirectoryRecord.Rejected<>(source, location, identity, e.getMessage());
        } catch (InvalidAnchorException e) {
            // An onPremisesImmutableId no anchor can be (a JSON escape of half a surrogate pair): this user only.
            return new DirectoryRecord.Rejected<>(source, location, identity,
                    "onPremisesImmutableId: " + e.getMessage());
        }
    }

    private Attributes extras(JsonNode user) {
        if (extraFields.isEmpty()) {
            return Attributes.NONE;
        }
        Attributes.Builder attributes = Attributes.builder();
        for (String field : extraFields) {
            JsonNode value = user.get(field);
            String name = field;
            if (value == null) {
                // Graph answers with its own spelling of a property, whatever case $select used.
                for (Iterator<Map.Entry<String, JsonNode>> it = user.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().equalsIgnoreCase(field)) {
                        value = e.getValue();
                        name = e.getKey();
                        break;
                    }
                }
            }
            add(attributes, name, value);
        }
        return attributes.build();
    }

    /** Scalars as text, arrays as several values, objects (e.g. onPremisesExtensionAttributes) as name.member. */
    private static void add(Attributes.Builder attributes, String name, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isArray()) {
            value.forEach(v -> add(attributes, name, v));
        } else if (value.isObject()) {
            value.fields().forEachRemaining(e -> add(attributes, name + "." + e.getKey(), e.getValue()));
        } else {
            attributes.add(name, value.asText());
        }
    }

    private static String text(JsonNode user, String field) throws Malformed {
        JsonNode v = user.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new Malformed(field + " is not text but " + quote(v));
        }
        return v.asText();
    }

    private static Boolean bool(JsonNode user, String field) throws Malformed {
        JsonNode v = user.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new Malformed(field + " is not true, false or null but " + quote(v));
        }
        return v.asBoolean();
    }

    private static List<String> texts(JsonNode user, String field) throws Malformed {
        JsonNode v = user.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new Malformed(field + " is not a list but " + quote(v));
        }
        List<String> values = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new Malformed(field + " holds " + quote(e) + ", which is not text");
            }
            values.add(e.asText());
        }
        return values;
    }

    private static Instant instant(JsonNode user, String field) throws Malformed {
        String text = text(user, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Malformed(field + " " + OktaEntraException.quote(text) + " is not an ISO 8601 date-time");
        }
    }

    private static String quote(JsonNode v) {
        return v == null ? "missing" : v.isTextual() ? OktaEntraException.quote(v.asText())
                : OktaEntraException.quote(v.toString());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
