/**
 * The identity provider that provisions Entra ID before the migration (Okta's Office 365 app), as a port:
 * {@link dev.oktaentra.core.provisioning.ProvisioningSource} finds its apps, reads the ImmutableIDs it stamped and
 * switches provisioning off.
 */
package dev.oktaentra.core.provisioning;
