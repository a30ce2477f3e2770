/**
 * What every adapter's settings share, so that Graph, LDAP and Okta are configured in one dialect.
 *
 * <ul>
 *   <li>{@link dev.oktaentra.core.settings.Secret}: a password, token, client secret or key-store password; never
 *       printed, can be cleared.</li>
 *   <li>{@link dev.oktaentra.core.settings.RetryPolicy} and {@link dev.oktaentra.core.settings.Sleeper}: how often and
 *       how long to wait when a service throttles or is unavailable, honouring the service's own hint.</li>
 *   <li>{@link dev.oktaentra.core.settings.ConfigurationException}: what every settings builder throws, naming the
 *       setting and the bad value, never a secret.</li>
 *   <li>{@link dev.oktaentra.core.settings.Loopback}: the rule that unencrypted connections are allowed only to the
 *       machine itself.</li>
 * </ul>
 *
 * <p>The adapters follow one shape: {@code XSettings.builder()…build()} for the settings (credentials included) and
 * {@code X.connect(settings)} for the entry class that talks to a server.
 */
package dev.oktaentra.core.settings;
