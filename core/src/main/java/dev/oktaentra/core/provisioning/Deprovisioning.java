package dev.oktaentra.core.provisioning;

import java.util.Objects;

/**
 * What an identity-provider app does to its users in Microsoft 365 when they are unassigned from it or deactivated
 * in the identity provider, as far as the provider's API shows.
 *
 * <p>For Okta's Office 365 app: "Deactivating or deprovisioning an Office 365 user occurs when they're unassigned in
 * Okta or their Okta account is deactivated", and the app's "user status on deactivation" option then blocks
 * sign-in, removes licences or deletes the user (Okta, "Deprovisioning options for Office 365",
 * https://help.okta.com/en-us/Content/Topics/apps/office365/references/deprovision-options.htm). Whether it happens
 * at all is the provisioning feature's {@code lifecycleDeactivate} ("Determines whether deprovisioning occurs when
 * the app is unassigned", Okta Management API, Application Features) and the app feature
 * {@code PUSH_USER_DEACTIVATION}; which of the five options is set, Okta's API does not expose.
 *
 * @param appId the app
 * @param deactivateUsers whether unassignment or deactivation deprovisions the user in Microsoft 365
 * @param evidence what the provider reported, for a person, e.g.
 *        {@code USER_PROVISIONING update.lifecycleDeactivate ENABLED}
 */
public record Deprovisioning(String appId, DeactivateUsers deactivateUsers, String evidence) {

    /** Whether the app deprovisions users it no longer covers. */
    public enum DeactivateUsers {
        /** Unassignment or deactivation deprovisions the user in Microsoft 365. */
        ENABLED,
        /** It does not. */
        DISABLED,
        /** The provider's API did not say; taken as {@link #ENABLED}, the reading that cannot harm a user. */
        UNKNOWN
    }

    /**
     * Checks the components.
     *
     * @param appId the app
     * @param deactivateUsers whether unassignment or deactivation deprovisions the user in Microsoft 365
     * @param evidence what the provider reported, for a person
     */
    public Deprovisioning {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(deactivateUsers, "deactivateUsers");
        evidence = evidence == null ? "" : evidence;
    }

    /**
     * A reading that could not be made.
     *
     * @param appId the app
     * @param why why not, for a person
     * @return an {@link DeactivateUsers#UNKNOWN} reading
     */
    public static Deprovisioning unknown(String appId, String why) {
        return new Deprovisioning(appId, DeactivateUsers.UNKNOWN, why);
    }

    /**
     * Whether unassigning or deactivating users may deactivate, block or delete them in Microsoft 365: true unless
     * the provider said it does not.
     *
     * @return true when enabled or unknown
     */
    public boolean mayDeprovision() {
        return deactivateUsers != DeactivateUsers.DISABLED;
    }
}
