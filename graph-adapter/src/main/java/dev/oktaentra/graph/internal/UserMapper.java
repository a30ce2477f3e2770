package dev.oktaentra.graph.internal;

import com.microsoft.graph.models.User;
import com.microsoft.kiota.serialization.AdditionalDataHolder;
import com.microsoft.kiota.serialization.UntypedNode;
import com.microsoft.kiota.serialization.ValuedEnum;
import com.microsoft.kiota.store.BackedModel;
import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.directory.Attributes;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Graph {@link User} into a {@link CloudUser}, or into a {@link DirectoryRecord.Rejected} naming the user
 * and what is wrong when a required field is missing or malformed.
 */
public final class UserMapper {

    /** The fields every {@link CloudUser} needs, for {@code $select}. */
    public static final List<String> FIELDS = List.of("id", "userPrincipalName", "onPremisesImmutableId",
            "onPremisesSyncEnabled", "mail", "proxyAddresses", "onPremisesLastSyncDateTime");

    private final String source;
    private final List<String> extraFields;
    private final Set<String> adminIds;

    /**
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
     * @param user the SDK's user, possibly null when Graph sent {@code null} in the page
     * @param page the page number
     * @param index the position in the page
     * @return a usable or rejected record
     */
    public DirectoryRecord<CloudUser> map(User user, int page, int index) {
        String location = "users page " + page + ", item " + index;
        if (user == null) {
            return new DirectoryRecord.Rejected<>(source, location, null, "Graph sent null instead of a user");
        }
        String id = user.getId();
        String upn = user.getUserPrincipalName();
        String identity = blank(upn) ? (blank(id) ? null : id) : upn;
        if (blank(id)) {
            return new DirectoryRecord.Rejected<>(source, location, identity,
                    "the user has no object id (id is " + OktaEntraException.quote(id) + ")");
        }
        if (blank(upn)) {
            return new DirectoryRecord.Rejected<>(source, location, identity,
                    "the user has no userPrincipalName");
        }
        try {
            List<String> proxies = user.getProxyAddresses();
            if (proxies != null && proxies.contains(null)) {
                return new DirectoryRecord.Rejected<>(source, location, identity,
                        "proxyAddresses holds a null entry");
            }
            String immutableId = user.getOnPremisesImmutableId();
            OffsetDateTime lastSync = user.getOnPremisesLastSyncDateTime();
            return new DirectoryRecord.Usable<>(CloudUser.builder()
                    .id(id)
                    .userPrincipalName(upn)
                    // Graph shows a never-set anchor as null, and one "cleared" with an empty string as "": both mean none.
                    .immutableId(immutableId == null || immutableId.isEmpty() ? null : immutableId)
                    .onPremisesSyncEnabled(user.getOnPremisesSyncEnabled())
                    .mail(user.getMail())
                    .proxyAddresses(proxies)
                    .onPremisesLastSyncDateTime(lastSync == null ? null : lastSync.toInstant())
                    .holdsAdminRole(adminIds.contains(id))
                    .attributes(extras(user))
                    .build());
        } catch (RuntimeException e) {
            return new DirectoryRecord.Rejected<>(source, location, identity,
                    "the user's fields cannot be read: " + Redaction.scrub(e.getMessage()));
        }
    }

    private Attributes extras(User user) {
        if (extraFields.isEmpty()) {
            return Attributes.NONE;
        }
        Attributes.Builder attributes = Attributes.builder();
        for (String field : extraFields) {
            add(attributes, field, lookup(user, field));
        }
        return attributes.build();
    }

    /** A property by name, as the SDK holds it: typed properties in the backing store, unknown ones in additionalData. */
    private static Object lookup(User user, String field) {
        Object value = user.getBackingStore().get(field);
        if (value != null) {
            return value;
        }
        Map<String, Object> additional = user.getAdditionalData();
        if (additional != null) {
            for (Map.Entry<String, Object> e : additional.entrySet()) {
                if (e.getKey().equalsIgnoreCase(field)) {
                    return e.getValue();
                }
            }
        }
        for (Map.Entry<String, Object> e : user.getBackingStore().enumerate().entrySet()) {
            if (e.getKey().equalsIgnoreCase(field)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static void add(Attributes.Builder attributes, String name, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof UntypedNode untyped) {
            add(attributes, name, untyped.getValue());
        } else if (value instanceof Iterable<?> list) {
            for (Object element : list) {
                add(attributes, name, element);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> add(attributes, name + "." + k, v));
        } else if (value instanceof BackedModel model) {
            // A complex property such as onPremisesExtensionAttributes: one attribute per member, e.g.
            // onPremisesExtensionAttributes.extensionAttribute1.
            model.getBackingStore().enumerate().forEach((k, v) -> {
                if (!"additionalData".equals(k) && !"odataType".equals(k)) {
                    add(attributes, name + "." + k, v);
                }
            });
            if (model instanceof AdditionalDataHolder holder && holder.getAdditionalData() != null) {
                holder.getAdditionalData().forEach((k, v) -> add(attributes, name + "." + k, v));
            }
        } else if (value instanceof ValuedEnum valued) {
            attributes.add(name, valued.getValue());
        } else if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            // JSON numbers of unknown properties arrive as Double; 42 should read "42", not "42.0".
            attributes.add(name, Long.toString(d.longValue()));
        } else {
            attributes.add(name, value.toString());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
