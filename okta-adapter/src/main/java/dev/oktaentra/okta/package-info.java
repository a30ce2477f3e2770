/**
 * Okta's Office 365 apps through the Okta Management SDK for Java, as core's
 * {@link dev.oktaentra.core.provisioning.ProvisioningSource}: discovery of every Office 365 app instance, the
 * ImmutableIDs Okta stamped (the third witness beside AD and Entra ID), the mapping that computes them, and switching
 * one app's provisioning off or on. Switching Okta off for the migration is core's journaled
 * {@code disable-okta-provisioning} step; this package has no workflow of its own.
 *
 * <p>{@link dev.oktaentra.okta.OktaProvisioning} is the entry point ({@code OktaProvisioning.connect(settings)});
 * {@link dev.oktaentra.okta.OktaSettings} ({@code OktaSettings.builder()…build()}) holds the org URL, the
 * {@link dev.oktaentra.okta.OktaCredentials} (an API token or OAuth 2.0 private-key credentials, in core's
 * {@code Secret}) and the retry policy; {@link dev.oktaentra.okta.OktaException} reports Okta's errors.
 *
 * <p>The public types are the API; the machinery (the SDK calls and their error translation, Link-header paging, app
 * discovery from raw JSON, the provisioning probe and switch, the app-user stream, the immutableId mapping reader) is
 * package-private in this package, so that no one can call it.
 *
 * <p><b>Why the adapter has no {@code module-info}.</b> The Okta SDK cannot be required by a named module: its jars
 * ({@code okta-sdk-api}, {@code okta-sdk-impl}) carry no module name, neither a descriptor nor an
 * {@code Automatic-Module-Name}, so a {@code requires} would name a module derived from the jar's file name, which
 * changes with the file name and which Maven warns never to publish; and the SDK brings {@code handlebars} 4.4 (a
 * named module) beside {@code handlebars-jackson2} 4.3, both holding the package {@code com.github.jknack.handlebars},
 * which no module path can resolve. The adapter runs on the class path (its jar still names the automatic module
 * {@code dev.oktaentra.okta}), where only package-private classes are hidden.
 */
package dev.oktaentra.okta;
