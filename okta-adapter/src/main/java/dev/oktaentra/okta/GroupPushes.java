package dev.oktaentra.okta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oktaentra.core.provisioning.ProvisionedObjects;
import dev.oktaentra.core.provisioning.PushedGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads what an Office 365 app provisions besides users: the app feature {@code GROUP_PUSH} and its group push
 * mappings ({@code GET /api/v1/apps/{appId}/group-push/mappings}: {@code id}, {@code sourceGroupId},
 * {@code targetGroupId}, {@code status} {@code ACTIVE}/{@code INACTIVE}/{@code ERROR}, {@code errorSummary}; Okta
 * Management API, Group Push Mappings).
 *
 * <p>Okta's API does not expose the Office 365 provisioning type: with Universal Sync Okta also syncs security
 * groups, contacts, distribution lists and resource mailboxes (Okta, "Provisioning types for Office 365"), which no
 * reading here can see; the evidence says so. A mappings list the org does not answer (400, 403, 404, 405) leaves the
 * groups unknown; other failures are thrown.
 */
final class GroupPushes {

    static final String GROUP_PUSH = "GROUP_PUSH";
    private static final int PAGE_SIZE = 100;

    private final OktaApi api;

    GroupPushes(OktaApi api) {
        this.api = api;
    }

    /**
     * Reads one app.
     *
     * @param appId the app
     * @return the reading
     */
    ProvisionedObjects read(String appId) {
        JsonNode app = api.app(appId);
        Boolean feature = AppFeatures.lists(app, GROUP_PUSH);
        String universal = "Okta's API does not show the provisioning type: with Universal Sync the app also syncs "
                + "security groups, contacts, distribution lists and resource mailboxes.";
        List<PushedGroup> groups;
        try {
            groups = mappings(appId);
        } catch (OktaException e) {
            if (!ProvisioningProbe.notApplicable(e) && e.httpStatus() != 403) {
                throw e;
            }
            String why = e.httpStatus() == 403 ? " (an OAuth 2.0 client may need okta.groups.read besides "
                    + "okta.apps.read)" : "";
            return new ProvisionedObjects(appId, Boolean.FALSE.equals(feature) ? null : feature, List.of(),
                    "Group push mappings not readable (" + ProvisioningProbe.brief(e) + ")" + why + "; "
                            + AppFeatures.describe(app) + ". " + universal);
        }
        boolean pushes = Boolean.TRUE.equals(feature) || groups.stream().anyMatch(PushedGroup::active);
        Boolean groupPush = pushes ? Boolean.TRUE : feature == null && groups.isEmpty() ? null : Boolean.FALSE;
        return new ProvisionedObjects(appId, groupPush, groups, groups.size() + " group push mapping(s); "
                + AppFeatures.describe(app) + ". " + universal);
    }

    private List<PushedGroup> mappings(String appId) {
        List<PushedGroup> found = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String after = null;
        do {
            Page<JsonNode> page = api.groupPushMappings(appId, after, PAGE_SIZE);
            for (JsonNode m : page.items()) {
                found.add(new PushedGroup(text(m, "id"), text(m, "sourceGroupId"), text(m, "targetGroupId"),
                        text(m, "status"), text(m, "errorSummary")));
            }
            after = page.after();
            if (after != null && !cursors.add(after)) {
                throw api.errors().problem("the group push mappings of app " + appId + " point to the cursor after="
                        + after + " a second time; stopped instead of looping.");
            }
        } while (after != null);
        return found;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }
}
