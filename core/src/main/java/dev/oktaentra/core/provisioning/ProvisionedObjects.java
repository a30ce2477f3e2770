package dev.oktaentra.core.provisioning;

import java.util.List;
import java.util.Objects;

/**
 * What an identity-provider app provisions into Entra ID besides users, as far as the provider's API shows.
 *
 * <p>Okta's Universal Sync also syncs "security groups", "contacts", "distribution lists" and "resource mailboxes";
 * User Sync does not (Okta, "Provisioning types for Office 365",
 * https://help.okta.com/oie/en-us/Content/Topics/Apps/Office365/References/provisioning-types.htm). Okta's API does
 * not expose which provisioning type an app uses; it does show the app feature {@code GROUP_PUSH} and the group push
 * mappings ({@code GET /api/v1/apps/{appId}/group-push/mappings}, Okta Management API, Group Push Mappings).
 *
 * @param appId the app
 * @param groupPush whether the app pushes groups: {@code TRUE}, {@code FALSE}, or {@code null} when the API did not
 *        say
 * @param pushedGroups the group push mappings read, possibly none
 * @param evidence what the provider reported, or why it could not be read, for a person
 */
public record ProvisionedObjects(String appId, Boolean groupPush, List<PushedGroup> pushedGroups, String evidence) {

    /**
     * Checks the components and freezes the list.
     *
     * @param appId the app
     * @param groupPush whether the app pushes groups, or {@code null} when unknown
     * @param pushedGroups the group push mappings read
     * @param evidence what the provider reported, for a person
     */
    public ProvisionedObjects {
        Objects.requireNonNull(appId, "appId");
        pushedGroups = pushedGroups == null ? List.of() : List.copyOf(pushedGroups);
        evidence = evidence == null ? "" : evidence;
    }

    /**
     * A reading that could not be made.
     *
     * @param appId the app
     * @param why why not, for a person
     * @return a reading with {@code groupPush} unknown and no groups
     */
    public static ProvisionedObjects unknown(String appId, String why) {
        return new ProvisionedObjects(appId, null, List.of(), why);
    }

    /**
     * The mappings Okta still pushes.
     *
     * @return the active ones
     */
    public List<PushedGroup> activeGroups() {
        return pushedGroups.stream().filter(PushedGroup::active).toList();
    }

    /**
     * Whether the app pushes groups, or may: a {@code GROUP_PUSH} feature, an active mapping, or an API that did not
     * say.
     *
     * @return true unless the provider showed no group push
     */
    public boolean mayPushGroups() {
        return !Boolean.FALSE.equals(groupPush) || !activeGroups().isEmpty();
    }
}
