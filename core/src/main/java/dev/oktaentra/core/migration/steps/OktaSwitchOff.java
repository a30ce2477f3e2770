package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.provisioning.Deprovisioning;
import dev.oktaentra.core.provisioning.ProvisionedObjects;
import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.PushedGroup;
import java.util.List;

/**
 * What {@code disable-okta-provisioning} tells a person about switching an Office 365 app's provisioning off, each
 * statement from its source.
 *
 * <ul>
 *   <li>Deprovisioning: "Deactivating or deprovisioning an Office 365 user occurs when they're unassigned in Okta or
 *       their Okta account is deactivated"; the options block sign-in, remove licences, delete the user, and "Once
 *       Microsoft has removed data during deprovisioning, it can't be recovered" (Okta, "Deprovisioning options for
 *       Office 365", https://help.okta.com/en-us/Content/Topics/apps/office365/references/deprovision-options.htm).
 *       Removing licences "triggers the deletion of stored data from the user's personal folders" after 30 days
 *       (same page, okta.github.io copy).</li>
 *   <li>Deactivating the app itself removes the assignments made through groups: "Deactivating an app results in a
 *       reconciliation being performed for all users who were assigned to the app through group assignments. The
 *       reconciliation process removes the app assignment for the deactivated app." (Okta, "Deactivate app
 *       integrations", https://help.okta.com/en-us/Content/topics/apps/apps-deactivate.htm).</li>
 *   <li>Switching off: Microsoft's tutorial says only "Clear the Enable API integration option" and "If you have
 *       multiple Office 365 apps that handle provisioning to Microsoft Entra ID, ensure they switched off"
 *       (https://learn.microsoft.com/entra/identity/enterprise-apps/migrate-okta-sync-provisioning, "Disable Okta
 *       provisioning to Microsoft Entra ID"); Okta documents only switching it on ("Provide Microsoft admin consent
 *       for Okta", https://help.okta.com/oie/en-us/Content/Topics/Apps/apps_o365_admin_consent.htm). What it does not
 *       do is inferred from there, and said to be inferred; whether a deprovisioning Okta already queued still runs is
 *       documented nowhere, so {@code verify-cutover} reads the audit log for writes by Okta's app.</li>
 *   <li>Groups and contacts: "For mail-enabled groups and contacts, you can soft match based on proxyAddresses. …
 *       For groups that aren't mail-enabled, there's no support for soft match or hard match." (Microsoft Learn,
 *       https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant, "Other
 *       objects than users"); Universal Sync syncs security groups, contacts, distribution lists and resource
 *       mailboxes (Okta, "Provisioning types for Office 365",
 *       https://help.okta.com/oie/en-us/Content/Topics/Apps/Office365/References/provisioning-types.htm).</li>
 * </ul>
 */
final class OktaSwitchOff {

    private OktaSwitchOff() {
    }

    /**
     * What clearing "Enable API integration" does and does not do, one paragraph.
     *
     * @return the text
     */
    static String whatSwitchingOffDoes() {
        return "What switching off \"Enable API integration\" does: Okta's provisioning connection for the app stops, "
                + "so Okta no longer creates, updates or deactivates Microsoft 365 users, nor pushes groups, for that "
                + "app. What it does not do (inferred: Okta documents only switching it on): it does not block, "
                + "unlicense or delete any Microsoft 365 user or group; it does not change the ImmutableIDs Okta "
                + "stamped; it does not remove the app's assignments or deactivate the app; it does not change sign-in "
                + "(the app's single sign-on and the domains federated to Okta stay as they are); it does not revoke "
                + "the consent given to Okta's app (\"Okta Microsoft Graph Client\") in Entra ID. Whether a "
                + "deprovisioning Okta queued before the switch still runs is documented nowhere: verify-cutover reads "
                + "Entra's audit log for writes by Okta's app after the cutover.";
    }

    /**
     * The start of the acknowledgement an app that deprovisions gets in the plan; {@code apply} looks for it.
     *
     * @param appId the app
     * @return the marker
     */
    static String marker(String appId) {
        return "(" + appId + ") deprovisions users in Microsoft 365";
    }

    /**
     * The acknowledgement for an app that deprovisions (or may): what unassigning would do, what to leave alone, and
     * how to acknowledge.
     *
     * @param app the app
     * @param reading its deprovisioning
     * @param stepId the step to confirm
     * @return the instruction
     */
    static String acknowledgement(ProvisioningApp app, Deprovisioning reading, String stepId) {
        String state = reading.deactivateUsers() == Deprovisioning.DeactivateUsers.ENABLED
                ? "\"Deactivate Users\" is on"
                : "whether \"Deactivate Users\" is on could not be read, so it is taken as on";
        return "Okta app " + app.label() + " " + marker(app.id()) + " (" + state + "; " + reading.evidence()
                + "): while its provisioning is on, unassigning a user or a group from the app, or deactivating an "
                + "Okta user, deactivates the user in Microsoft 365 as the app's \"user status on deactivation\" "
                + "option says: block sign-in, remove licences (the user's OneDrive and SharePoint data is then "
                + "deleted after 30 days), or block sign-in, remove licences and delete the user; once Microsoft has "
                + "removed the data it cannot be recovered. Okta's API does not show which option is set: look in the "
                + "Admin Console (the app, Provisioning, To App). Until the app is off, and after: do not unassign "
                + "users or groups from it, do not deactivate or delete the app (deactivating it removes the "
                + "assignments made through groups), do not deactivate Okta users as clean-up; best clear "
                + "\"Deactivate Users\" first. A rollback switches provisioning on again, and unassignments made "
                + "meanwhile would then deprovision. " + whatSwitchingOffDoes() + " Acknowledge this plan with: "
                + "confirm " + stepId + " --operator NAME --note \"...\"; apply is refused until then.";
    }

    /**
     * What an app provisions besides users and what the new engine will and will not take over.
     *
     * @param app the app
     * @param objects what it provisions besides users
     * @return the instruction
     */
    static String takeOver(ProvisioningApp app, ProvisionedObjects objects) {
        List<PushedGroup> active = objects.activeGroups();
        String pushed = active.isEmpty() ? (Boolean.TRUE.equals(objects.groupPush())
                ? "group push is on but no mapping could be read" : "whether it pushes groups could not be read")
                : active.size() + " group(s) pushed into Entra ID (Entra group ids " + active.stream()
                        .map(g -> g.targetGroupId() == null ? "not pushed yet (" + g.sourceGroupId() + ")"
                                : g.targetGroupId()).limit(20).toList() + (active.size() > 20 ? " and more" : "")
                        + ")";
        String verb = active.isEmpty() && !Boolean.TRUE.equals(objects.groupPush()) ? "may provision"
                : "provisions";
        return "Okta app " + app.label() + " (" + app.id() + ") " + verb + " more than users: " + pushed + "; with "
                + "Universal Sync it also syncs security groups, contacts, distribution lists and resource mailboxes, "
                + "which Okta's API does not show (" + objects.evidence() + "). The new engine takes over "
                + "mail-enabled groups and contacts by soft match on proxyAddresses; it takes over no group that is "
                + "not mail-enabled (no soft or hard match exists for those): it creates new groups from AD and "
                + "leaves Okta's as cloud groups nothing updates, so move their members, licences and app "
                + "assignments to the synced groups. Groups Okta pushed that have no AD counterpart stay cloud "
                + "groups nothing maintains once Okta is off.";
    }
}
