/**
 * The adapter's machinery behind {@link dev.oktaentra.okta.OktaProvisioning}: the SDK calls, their retries and error
 * translation, Link-header paging, app discovery from raw JSON, the provisioning probe and switch, the app-user
 * stream and the immutableId mapping reader. No workflow: planning, applying, verifying and rolling back belong to
 * core's journaled {@code disable-okta-provisioning} step. Not API: it may change in any release, and no
 * public signature outside this package mentions it.
 */
package dev.oktaentra.okta.internal;
