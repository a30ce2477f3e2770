/**
 * The adapter's machinery behind {@link dev.oktaentra.okta.OktaProvisioning}: the SDK calls and their error
 * translation, Link-header paging, app discovery from raw JSON, the provisioning probe and switch, the app-user
 * stream, the immutableId mapping reader and the disable workflow. Not API: it may change in any release, and no
 * public signature outside this package mentions it.
 */
package dev.oktaentra.okta.internal;
