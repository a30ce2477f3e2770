package dev.oktaentra.core.provisioning;

import java.util.Objects;

/**
 * One app in the identity provider that provisions users into Entra ID, e.g. an Okta Office 365 app instance.
 *
 * @param id the app's id in the identity provider
 * @param label the name an admin sees, e.g. {@code Microsoft Office 365}
 * @param status the app's own status, e.g. {@code ACTIVE} or {@code INACTIVE}
 * @param signOnMode how users sign in, e.g. {@code WS_FEDERATION}
 * @param provisioning whether it provisions users now
 * @param detail what the provider reported about provisioning (connection status, feature state), for reports
 * @param consoleSteps the steps in the admin console that switch provisioning off by hand; never empty
 */
public record ProvisioningApp(
        String id,
        String label,
        String status,
        String signOnMode,
        ProvisioningState provisioning,
        String detail,
        String consoleSteps) {

    /**
     * Checks the required components.
     *
     * @param id the app's id in the identity provider
     * @param label the name an admin sees, e.g. {@code Microsoft Office 365}
     * @param status the app's own status, e.g. {@code ACTIVE} or {@code INACTIVE}
     * @param signOnMode how users sign in, e.g. {@code WS_FEDERATION}
     * @param provisioning whether it provisions users now
     * @param detail what the provider reported about provisioning (connection status, feature state), for reports
     * @param consoleSteps the steps in the admin console that switch provisioning off by hand; never empty
     */
    public ProvisioningApp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provisioning, "provisioning");
        Objects.requireNonNull(consoleSteps, "consoleSteps");
        label = label == null ? "" : label;
        status = status == null ? "" : status;
        signOnMode = signOnMode == null ? "" : signOnMode;
        detail = detail == null ? "" : detail;
    }
}
