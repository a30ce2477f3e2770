/**
 * Okta's Office 365 apps through the Okta Management SDK for Java: discovery of every Office 365 app instance, the
 * ImmutableIDs Okta stamped (the third witness beside AD and Entra ID), the mapping that computes them, and switching
 * provisioning off as plan → apply → verify with a rollback.
 *
 * <p>{@link dev.oktaentra.okta.OktaProvisioning} is the entry point and implements core's
 * {@link dev.oktaentra.core.provisioning.ProvisioningSource}; {@link dev.oktaentra.okta.OktaCredentials} holds an
 * API token or OAuth 2.0 private-key credentials; {@link dev.oktaentra.okta.OktaException} reports Okta's errors.
 * The plan and result types are in {@code dev.oktaentra.okta.disable}.
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
