/**
 * Okta's Office 365 apps through the Okta Management SDK for Java: discovery of every Office 365 app instance, the
 * ImmutableIDs Okta stamped (the third witness beside AD and Entra ID), the mapping that computes them, and switching
 * provisioning off as plan → apply → verify with a rollback.
 *
 * <p>{@link dev.oktaentra.okta.OktaProvisioning} is the entry point and implements core's
 * {@link dev.oktaentra.core.provisioning.ProvisioningSource}; {@link dev.oktaentra.okta.OktaCredentials} holds an
 * API token or OAuth 2.0 private-key credentials; {@link dev.oktaentra.okta.OktaException} reports Okta's errors.
 * The plan and result types are in {@code dev.oktaentra.okta.disable}.
 */
package dev.oktaentra.okta;
