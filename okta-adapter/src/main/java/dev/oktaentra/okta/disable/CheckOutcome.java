package dev.oktaentra.okta.disable;

/** What verification found for one Office 365 app. */
public enum CheckOutcome {

    /** The default provisioning connection reads DISABLED. */
    DISABLED,

    /** The default provisioning connection still reads ENABLED: Okta still provisions through this app. */
    STILL_ENABLED,

    /** Okta's API cannot tell: a person must check the app in the Admin Console. */
    CONFIRM_BY_HAND,

    /** The app was in the plan but Okta no longer lists it (deleted since). */
    GONE
}
