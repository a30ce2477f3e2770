package dev.oktaentra.okta.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.provisioning.ProvisionedUser;
import dev.oktaentra.core.provisioning.PushedGroup;

/** The JSON shapes of Okta's Management API that the fake answers with. */
final class OktaJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String CREATED = "2024-01-15T09:30:00.000Z";
    static final String USER_TYPE_ID = "oty1defaultusertype";

    private final String base;

    OktaJson(String base) {
        this.base = base;
    }

    ObjectNode app(FakeApp app) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", app.id())
                .put("name", app.name())
                .put("label", app.label())
                .put("status", app.status())
                .put("lastUpdated", CREATED)
                .put("created", CREATED)
                .put("signOnMode", app.signOnMode());
        ArrayNode features = node.putArray("features");
        if (app.userProvisioning() != null) {
            features.add("PUSH_NEW_USERS").add("PUSH_PROFILE_UPDATES").add("IMPORT_NEW_USERS");
            if (app.deactivateUsers()) {
                features.add("PUSH_USER_DEACTIVATION");
            }
        }
        if (!app.groupPushes().isEmpty()) {
            features.add("GROUP_PUSH");
        }
        node.putObject("accessibility").put("selfService", false);
        node.putObject("visibility").put("autoSubmitToolbar", false);
        ObjectNode settings = node.putObject("settings").putObject("app");
        if (app.name().equals("office365")) {
            settings.put("domain", "contoso.com").put("msftTenant", "contoso");
        }
        ObjectNode links = node.putObject("_links");
        links.putObject("self").put("href", base + "/api/v1/apps/" + app.id());
        links.putObject("users").put("href", base + "/api/v1/apps/" + app.id() + "/users");
        return node;
    }

    ObjectNode connection(FakeApp app) {
        String self = base + "/api/v1/apps/" + app.id() + "/connections/default";
        boolean oauth = app.name().equals("office365");
        ObjectNode node = MAPPER.createObjectNode();
        switch (app.connection()) {
            case UNKNOWN -> {
                node.put("authScheme", "UNKNOWN").put("status", "UNKNOWN");
                node.putObject("profile").put("authScheme", "UNKNOWN");
            }
            case ENABLED, DISABLED -> {
                if (!oauth) {
                    // Only TOKEN connections carry the top-level authScheme (Okta's operation reference).
                    node.put("authScheme", "TOKEN").put("baseUrl", "https://" + app.name() + ".example.com/scim");
                }
                node.put("status", app.connection().name());
                node.putObject("profile").put("authScheme", oauth ? "OAUTH2" : "TOKEN");
            }
            default -> throw new IllegalStateException("no connection body for " + app.connection());
        }
        ObjectNode links = node.putObject("_links");
        links.putObject("self").put("href", self).putObject("hints").putArray("allow").add("GET").add("POST");
        if (app.connection() == FakeConnection.ENABLED) {
            links.putObject("deactivate").put("href", self + "/lifecycle/deactivate")
                    .putObject("hints").putArray("allow").add("POST");
        } else if (app.connection() == FakeConnection.DISABLED) {
            links.putObject("activate").put("href", self + "/lifecycle/activate")
                    .putObject("hints").putArray("allow").add("POST");
        }
        return node;
    }

    ObjectNode userProvisioningFeature(FakeApp app) {
        String on = app.userProvisioning();
        ObjectNode node = MAPPER.createObjectNode()
                .put("name", "USER_PROVISIONING")
                .put("status", on)
                .put("description", "User provisioning settings from Okta to a downstream app");
        ObjectNode caps = node.putObject("capabilities");
        caps.putObject("create").putObject("lifecycleCreate").put("status", on);
        ObjectNode update = caps.putObject("update");
        update.putObject("lifecycleDeactivate").put("status", app.deactivateUsers() ? "ENABLED" : "DISABLED");
        update.putObject("profile").put("status", on);
        update.putObject("password").put("status", "DISABLED").put("seed", "RANDOM").put("change", "KEEP_EXISTING");
        node.putObject("_links").putObject("self")
                .put("href", base + "/api/v1/apps/" + app.id() + "/features/USER_PROVISIONING")
                .putObject("hints").putArray("allow").add("GET").add("PUT");
        return node;
    }

    ObjectNode appUser(ProvisionedUser user) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", user.userId())
                .put("externalId", user.externalId())
                .put("created", CREATED)
                .put("lastUpdated", CREATED)
                .put("scope", "USER")
                .put("status", user.status())
                .put("statusChanged", CREATED)
                .putNull("passwordChanged")
                .put("syncState", "SYNCHRONIZED")
                .put("lastSync", CREATED);
        node.putObject("credentials").put("userName", user.userName());
        ObjectNode profile = node.putObject("profile");
        if (user.immutableId() == null) {
            profile.putNull("immutableId");
        } else {
            profile.put("immutableId", user.immutableId().value());
        }
        profile.put("email", user.userName());
        ObjectNode links = node.putObject("_links");
        links.putObject("app").put("href", base + "/api/v1/apps/" + user.appId());
        links.putObject("user").put("href", base + "/api/v1/users/" + user.userId());
        return node;
    }

    /** One group push mapping, as the Group Push Mappings API lists it. */
    ObjectNode groupPush(FakeApp app, PushedGroup group) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", group.mappingId())
                .put("created", CREATED)
                .put("lastUpdated", CREATED)
                .put("sourceGroupId", group.sourceGroupId())
                .put("targetGroupId", group.targetGroupId())
                .put("status", group.status());
        if (group.targetGroupId() != null) {
            node.put("lastPush", CREATED);
        }
        if (group.errorSummary() != null) {
            node.put("errorSummary", group.errorSummary());
        }
        ObjectNode links = node.putObject("_links");
        links.putObject("self").put("href", base + "/api/v1/apps/" + app.id() + "/group-push/mappings/"
                + group.mappingId());
        links.putObject("app").put("href", base + "/api/v1/apps/" + app.id());
        links.putObject("sourceGroup").put("href", base + "/api/v1/groups/" + group.sourceGroupId());
        return node;
    }

    /** The Okta user → app user mapping (toApp) or the import mapping back (toApp false), without properties. */
    ObjectNode mappingSummary(FakeApp app, boolean toApp) {
        ObjectNode node = MAPPER.createObjectNode().put("id", mappingId(app, toApp));
        ObjectNode user = MAPPER.createObjectNode().put("id", USER_TYPE_ID).put("name", "user").put("type", "user");
        user.putObject("_links").putObject("self").put("href", base + "/api/v1/meta/types/user/" + USER_TYPE_ID);
        ObjectNode appUser = MAPPER.createObjectNode().put("id", app.id()).put("name", app.name())
                .put("type", "appuser");
        appUser.putObject("_links").putObject("self").put("href", base + "/api/v1/apps/" + app.id());
        node.set("source", toApp ? user : appUser);
        node.set("target", toApp ? appUser : user);
        node.putObject("_links").putObject("self").put("href", base + "/api/v1/mappings/" + mappingId(app, toApp));
        return node;
    }

    ObjectNode mapping(FakeApp app, boolean toApp) {
        ObjectNode node = mappingSummary(app, toApp);
        ObjectNode properties = MAPPER.createObjectNode();
        if (toApp) {
            properties.putObject("userName").put("expression", "user.login").put("pushStatus", "PUSH");
            properties.putObject("firstName").put("expression", "user.firstName").put("pushStatus", "PUSH");
            if (app.immutableIdExpression() != null) {
                properties.putObject("immutableId").put("expression", app.immutableIdExpression())
                        .put("pushStatus", "PUSH");
            }
        } else {
            properties.putObject("firstName").put("expression", "appuser.firstName").put("pushStatus", "PUSH");
        }
        // Okta puts properties between target and _links; order does not matter to clients.
        node.set("properties", properties);
        return node;
    }

    static String mappingId(FakeApp app, boolean toApp) {
        return (toApp ? "prmU" : "prmA") + app.id();
    }

    static ObjectNode error(String code, String summary) {
        ObjectNode node = MAPPER.createObjectNode().put("errorCode", code).put("errorSummary", summary)
                .put("errorLink", code).put("errorId", "oaeFake" + Long.toHexString(System.nanoTime()));
        node.putArray("errorCauses");
        return node;
    }
}
