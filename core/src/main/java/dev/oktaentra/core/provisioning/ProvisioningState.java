package dev.oktaentra.core.provisioning;

/** Whether an identity provider's app still provisions users into Entra ID. */
public enum ProvisioningState {

    /** Provisioning is on: the app creates and updates users (Okta: "Enable API integration" is set). */
    ENABLED,

    /** Provisioning is off. */
    DISABLED,

    /**
     * The state cannot be read or changed through the API for this app; a person must check it in the admin
     * console. The app's {@link ProvisioningApp#consoleSteps()} say how.
     */
    MANUAL_ONLY
}
