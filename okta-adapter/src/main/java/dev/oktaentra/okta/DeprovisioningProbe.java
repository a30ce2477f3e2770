package dev.oktaentra.okta;

import com.fasterxml.jackson.databind.JsonNode;
import com.okta.sdk.resource.model.ApplicationFeature;
import com.okta.sdk.resource.model.CapabilitiesUpdateObject;
import com.okta.sdk.resource.model.EnabledStatus;
import com.okta.sdk.resource.model.UserProvisioningApplicationFeature;
import dev.oktaentra.core.provisioning.Deprovisioning;
import dev.oktaentra.core.provisioning.Deprovisioning.DeactivateUsers;

/**
 * Reads whether an Office 365 app deprovisions the users it no longer covers (Okta's "Deactivate Users").
 *
 * <p>Two witnesses: the USER_PROVISIONING feature's {@code capabilities.update.lifecycleDeactivate}, which
 * "Determines whether deprovisioning occurs when the app is unassigned" (Okta Management API, Application Features,
 * {@code LifecycleDeactivateSettingObject}), and the app's list of enabled features, where
 * {@code PUSH_USER_DEACTIVATION} means the same (Okta Apps API reference). Either one saying so makes it
 * {@code ENABLED}; {@code DISABLED} needs a witness that says so and none that says otherwise; without a witness the
 * answer is {@code UNKNOWN}, which the runbook treats as enabled. Okta's API does not expose what the deprovisioning
 * does (block sign-in, remove licences, delete the user: Okta, "Deprovisioning options for Office 365").
 */
final class DeprovisioningProbe {

    static final String PUSH_USER_DEACTIVATION = "PUSH_USER_DEACTIVATION";

    private final OktaApi api;

    DeprovisioningProbe(OktaApi api) {
        this.api = api;
    }

    /**
     * Reads one app.
     *
     * @param appId the app
     * @return the reading
     * @throws OktaException when Okta fails for another reason than "not applicable to this app"
     */
    Deprovisioning read(String appId) {
        JsonNode app = api.app(appId);
        Boolean listed = AppFeatures.lists(app, PUSH_USER_DEACTIVATION);
        String lifecycle;
        String featureText;
        try {
            lifecycle = lifecycleDeactivate(api.userProvisioningFeature(appId));
            featureText = "USER_PROVISIONING update.lifecycleDeactivate " + (lifecycle == null ? "unset" : lifecycle);
        } catch (OktaException e) {
            if (!ProvisioningProbe.notApplicable(e)) {
                throw e;
            }
            lifecycle = null;
            featureText = "USER_PROVISIONING feature not readable (" + ProvisioningProbe.brief(e) + ")";
        }
        String evidence = featureText + "; " + AppFeatures.describe(app);
        if ("ENABLED".equals(lifecycle) || Boolean.TRUE.equals(listed)) {
            return new Deprovisioning(appId, DeactivateUsers.ENABLED, evidence);
        }
        if ("DISABLED".equals(lifecycle) || lifecycle == null && Boolean.FALSE.equals(listed)) {
            return new Deprovisioning(appId, DeactivateUsers.DISABLED, evidence);
        }
        return new Deprovisioning(appId, DeactivateUsers.UNKNOWN, evidence);
    }

    private static String lifecycleDeactivate(ApplicationFeature feature) {
        if (!(feature instanceof UserProvisioningApplicationFeature provisioning)
                || provisioning.getCapabilities() == null) {
            return null;
        }
        CapabilitiesUpdateObject update = provisioning.getCapabilities().getUpdate();
        EnabledStatus status = update == null || update.getLifecycleDeactivate() == null ? null
                : update.getLifecycleDeactivate().getStatus();
        return status == null ? null : status.getValue();
    }
}
