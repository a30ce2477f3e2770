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
 */
package dev.oktaentra.okta;
