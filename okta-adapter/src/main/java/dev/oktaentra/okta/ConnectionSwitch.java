package dev.oktaentra.okta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.provisioning.ProvisioningState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the default provisioning connection of one Office 365 app off or on, reading the state before and after.
 *
 * <p>Before any change it checks that the app is an Office 365 app, so an id mixed up in a script can never switch
 * off another app's provisioning. An app whose state is not the one to change is left alone.
 *
 * <p>A switch whose answer is lost is read back before it counts as failed. {@link OktaApi} retries a 503 or 504
 * (even of a POST, as the Okta SDK does) and Okta may have switched the connection before answering so; after a
 * dropped connection a client cannot know whether the request was processed (RFC 9110 section 9.2.2). So when the activate or deactivate call fails
 * with no answer or a 5xx one, the connection is read again: in the wanted state, the switch took effect and is
 * reported like any other; still in the old state, the failure is thrown; unreadable, the failure says that
 * whether it took effect is unknown. A refusal (4xx, 429 after the retries) is thrown as it is: Okta did nothing.
 */
final class ConnectionSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSwitch.class);

    private final OktaApi api;
    private final ProvisioningProbe probe;

    /**
     * Switches connections through one API.
     *
     * @param api the API
     * @param probe reads the state
     */
    public ConnectionSwitch(OktaApi api, ProvisioningProbe probe) {
        this.api = api;
        this.probe = probe;
    }

    /**
     * What one switch did.
     *
     * @param before the state read first
     * @param called whether the activate or deactivate call was made
     * @param after the state read last (the same as {@code before} when nothing was called)
     */
    public record Outcome(ConnectionReading before, boolean called, ConnectionReading after) {
    }

    /**
     * Switches provisioning off when it is on.
     *
     * @param appId the app
     * @return what happened
     */
    public Outcome disable(String appId) {
        return flip(appId, ProvisioningState.ENABLED, true);
    }

    /**
     * Switches provisioning on when it is off.
     *
     * @param appId the app
     * @return what happened
     */
    public Outcome enable(String appId) {
        return flip(appId, ProvisioningState.DISABLED, false);
    }

    private Outcome flip(String appId, ProvisioningState from, boolean deactivate) {
        requireOffice365(appId);
        ConnectionReading before = probe.connection(appId);
        if (before.state() != from) {
            LOG.info("App {}: {}; no change made", appId, before.summary());
            return new Outcome(before, false, before);
        }
        try {
            if (deactivate) {
                api.deactivate(appId);
            } else {
                api.activate(appId);
            }
        } catch (OktaException e) {
            return new Outcome(before, true, afterLostAnswer(appId, from, e));
        }
        ConnectionReading after = probe.connection(appId);
        LOG.info("App {}: {} the default provisioning connection; it now reads: {}", appId,
                deactivate ? "deactivated" : "activated", after.summary());
        return new Outcome(before, true, after);
    }

    /** The state read after a switch whose answer failed; throws when it did not take effect or cannot be read. */
    private ConnectionReading afterLostAnswer(String appId, ProvisioningState from, OktaException failure) {
        if (failure.httpStatus() != OktaException.NO_HTTP_STATUS && failure.httpStatus() < 500) {
            throw failure;
        }
        ConnectionReading read;
        try {
            read = probe.connection(appId);
        } catch (OktaException e) {
            throw new OktaException(failure.getMessage() + " Reading the connection back failed too (" + e.getMessage()
                    + "), so whether it was switched is unknown: look at the app in the Admin Console, or plan the "
                    + "step again.", failure.httpStatus(), failure.errorCode(), failure);
        }
        if (read.state() == from) {
            throw failure;
        }
        LOG.warn("App {}: the answer to switching its provisioning connection was lost ({}); it now reads: {}", appId,
                failure.getMessage(), read.summary());
        return read;
    }

    private void requireOffice365(String appId) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("The app id is missing (null or blank).");
        }
        JsonNode app = api.app(appId);
        JsonNode name = app == null ? null : app.get("name");
        String text = name == null || name.isNull() ? null : name.asText();
        if (!Office365Apps.NAME.equals(text)) {
            throw new IllegalArgumentException("App " + OktaEntraException.quote(appId) + " in " + api.errors().org()
                    + " is " + OktaEntraException.quote(text) + ", not an Office 365 app ('" + Office365Apps.NAME
                    + "'); oktaentra switches only Office 365 provisioning.");
        }
    }
}
