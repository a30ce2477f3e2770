package dev.oktaentra.okta;

import com.okta.sdk.resource.model.ApplicationFeature;
import com.okta.sdk.resource.model.CapabilitiesCreateObject;
import com.okta.sdk.resource.model.CapabilitiesObject;
import com.okta.sdk.resource.model.CapabilitiesUpdateObject;
import com.okta.sdk.resource.model.EnabledStatus;
import com.okta.sdk.resource.model.ProvisioningConnectionAuthScheme;
import com.okta.sdk.resource.model.ProvisioningConnectionResponse;
import com.okta.sdk.resource.model.ProvisioningConnectionStatus;
import com.okta.sdk.resource.model.UserProvisioningApplicationFeature;
import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.ProvisioningState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an app's provisioning state: the default provisioning connection decides it, the USER_PROVISIONING feature
 * adds detail for reports.
 *
 * <p>A connection whose status or auth scheme is {@code UNKNOWN} is one Okta's connection API does not apply to
 * (Okta answers 200 with {@code UNKNOWN} rather than an error); so is an app for which Okta answers the connection
 * call with 400, 404 or 405. Both are {@link ProvisioningState#MANUAL_ONLY}. Authentication, permission, rate-limit
 * and server errors are not guessed at: they are thrown.
 */
final class ProvisioningProbe {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningProbe.class);

    private final OktaApi api;

    /**
     * Reads provisioning states through one API.
     *
     * @param api the API
     */
    public ProvisioningProbe(OktaApi api) {
        this.api = api;
    }

    /**
     * Describes one app with its current state.
     *
     * @param app the app as listed
     * @return the app for the port
     */
    public ProvisioningApp describe(AppRecord app) {
        ConnectionReading connection = connection(app.id());
        String feature = feature(app.id());
        return new ProvisioningApp(app.id(), app.label(), app.status(), app.signOnMode(), connection.state(),
                connection.summary() + "; " + feature, ConsoleSteps.disable(app.id(), app.label()));
    }

    /**
     * Reads the default provisioning connection.
     *
     * @param appId the app
     * @return the reading
     */
    public ConnectionReading connection(String appId) {
        ProvisioningConnectionResponse response;
        try {
            response = api.connection(appId);
        } catch (OktaException e) {
            if (!notApplicable(e)) {
                throw e;
            }
            LOG.debug("Connection API not applicable to app {}: {}", appId, e.getMessage());
            return new ConnectionReading(ProvisioningState.MANUAL_ONLY,
                    "provisioning connection not readable through the API (" + brief(e)
                            + "), so Okta's connection API does not apply to this app");
        }
        ProvisioningConnectionStatus status = response == null ? null : response.getStatus();
        ProvisioningConnectionAuthScheme scheme = response == null || response.getProfile() == null ? null
                : response.getProfile().getAuthScheme();
        String schemeText = scheme == null ? "none" : scheme.getValue();
        String statusText = status == null ? "missing" : status.getValue();
        String summary = "provisioning connection " + statusText + " (auth " + schemeText + ")";
        if (scheme == ProvisioningConnectionAuthScheme.UNKNOWN || status == null) {
            return manual(summary);
        }
        return switch (status) {
            case ENABLED -> new ConnectionReading(ProvisioningState.ENABLED, summary);
            case DISABLED -> new ConnectionReading(ProvisioningState.DISABLED, summary);
            default -> manual(summary);
        };
    }

    private static ConnectionReading manual(String summary) {
        return new ConnectionReading(ProvisioningState.MANUAL_ONLY,
                summary + ", so Okta's connection API does not apply to this app");
    }

    private String feature(String appId) {
        ApplicationFeature feature;
        try {
            feature = api.userProvisioningFeature(appId);
        } catch (OktaException e) {
            if (!notApplicable(e)) {
                throw e;
            }
            return "USER_PROVISIONING feature not available (" + brief(e) + ")";
        }
        StringBuilder text = new StringBuilder("USER_PROVISIONING feature ").append(value(feature.getStatus()));
        if (feature instanceof UserProvisioningApplicationFeature provisioning
                && provisioning.getCapabilities() != null) {
            CapabilitiesObject caps = provisioning.getCapabilities();
            CapabilitiesCreateObject create = caps.getCreate();
            CapabilitiesUpdateObject update = caps.getUpdate();
            text.append(" (create users ")
                    .append(value(create == null || create.getLifecycleCreate() == null ? null
                            : create.getLifecycleCreate().getStatus()))
                    .append(", update attributes ")
                    .append(value(update == null || update.getProfile() == null ? null
                            : update.getProfile().getStatus()))
                    .append(", deactivate users ")
                    .append(value(update == null || update.getLifecycleDeactivate() == null ? null
                            : update.getLifecycleDeactivate().getStatus()))
                    .append(')');
        }
        return text.toString();
    }

    private static String value(EnabledStatus status) {
        return status == null ? "unset" : status.getValue();
    }

    /**
     * Whether an error means "this API does not apply to the app" rather than a failure to report.
     *
     * @param e the error
     * @return true for 400, 404 and 405
     */
    static boolean notApplicable(OktaException e) {
        int s = e.httpStatus();
        return s == 400 || s == 404 || s == 405;
    }

    static String brief(OktaException e) {
        return "HTTP " + e.httpStatus() + (e.errorCode() == null ? "" : " " + e.errorCode());
    }
}
