/**
 * The identity provider that provisions Entra ID before the migration (Okta's Office 365 app), as a port:
 * {@link dev.oktaentra.core.provisioning.ProvisioningSource} finds its apps, reads the ImmutableIDs it stamped, what
 * each app does on unassignment ({@link dev.oktaentra.core.provisioning.Deprovisioning}) and provisions besides
 * users ({@link dev.oktaentra.core.provisioning.ProvisionedObjects}), and switches provisioning off.
 */
package dev.oktaentra.core.provisioning;
