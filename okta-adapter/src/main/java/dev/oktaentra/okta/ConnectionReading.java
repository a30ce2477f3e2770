package dev.oktaentra.okta;

import dev.oktaentra.core.provisioning.ProvisioningState;

/**
 * What the default provisioning connection of one app showed.
 *
 * @param state the state as the port models it
 * @param summary one clause for reports, e.g. {@code provisioning connection ENABLED (auth OAUTH2)}
 */
record ConnectionReading(ProvisioningState state, String summary) {
}
