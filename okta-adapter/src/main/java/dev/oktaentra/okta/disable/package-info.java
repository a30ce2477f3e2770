/**
 * Switching Okta's Office 365 provisioning off as plan → apply → verify, with a rollback.
 *
 * <p>{@link dev.oktaentra.okta.disable.DisablePlan} lists every Office 365 app with its current state and the
 * {@link dev.oktaentra.okta.disable.Action} apply will take; {@link dev.oktaentra.okta.disable.DisableResult} keeps
 * each app's before-state and outcome ({@link dev.oktaentra.core.directory.WriteStatus}), so a rollback re-enables
 * exactly what was switched off; {@link dev.oktaentra.okta.disable.Verification} is the state read back.
 * The methods that produce them are on {@link dev.oktaentra.okta.OktaProvisioning}.
 */
package dev.oktaentra.okta.disable;
