package dev.oktaentra.okta.disable;

/** What a step does to one Office 365 app. */
public enum Action {

    /** Provisioning is on: deactivate the app's default provisioning connection. */
    DEACTIVATE,

    /** Provisioning is already off: leave the app alone and report it. */
    LEAVE_ALONE,

    /**
     * Okta's API cannot switch this app: a person follows the app's console steps in the Okta Admin Console and
     * confirms.
     */
    CONFIRM_BY_HAND,

    /** Rollback: activate the default provisioning connection that apply deactivated. */
    REACTIVATE
}
