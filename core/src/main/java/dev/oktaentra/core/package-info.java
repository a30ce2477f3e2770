/**
 * The library's core: what every adapter and every user of oktaentra shares. Its packages, each named below relative
 * to {@code dev.oktaentra.core}:
 *
 * <ul>
 *   <li>{@code anchor}: ObjectGUID, ImmutableID and their conversions; the {@code Anchors} facade for one-liners.</li>
 *   <li>{@code detect}: which on-prem attribute populated the cloud's ImmutableIDs.</li>
 *   <li>{@code directory}: the on-prem and cloud users and the ports that stream and write them.</li>
 *   <li>{@code export}: the admins' PowerShell CSV exports of AD and Entra ID, read as directories.</li>
 *   <li>{@code match}: source anchors, match rules and the outcome each object gets, as Entra Connect matches.</li>
 *   <li>{@code validation}: mass validation of the two directories, its report and the predicted staging export.</li>
 *   <li>{@code validation.internal.store}: the validation's storage engine (a million users per side in a 1 GB heap);
 *       not API, not exported.</li>
 *   <li>{@code staging}: the staging server's pending exports, read and tied back to their causes.</li>
 *   <li>{@code migration}: runbooks of steps with plan, apply, verify and rollback, typed changes and the
 *       journal.</li>
 *   <li>{@code migration.steps}: the steps of the two ready runbooks (Connect server and cloud sync).</li>
 *   <li>{@code provisioning}: the identity provider (Okta) that provisions Entra ID today, as a port.</li>
 *   <li>{@code tenant}: the Entra tenant's sync controls (matching guards, cloud sync jobs, provisioning log) and
 *       what a provisioning-log failure means ({@code ProvisioningFailure}).</li>
 *   <li>{@code settings}: what every adapter's settings share: {@code Secret}, {@code RetryPolicy},
 *       {@code ConfigurationException} and the loopback-only rule for plaintext.</li>
 *   <li>{@code progress}: progress reporting for long operations.</li>
 *   <li>{@code report}: report output the others share: Excel-safe CSV and counts in the right number.</li>
 *   <li>{@code report.html}: the self-contained HTML report and its sections (validation, staging export, runbook
 *       status).</li>
 *   <li>{@code internal}: machinery core's packages share (the CSV limits); not API, not exported.</li>
 * </ul>
 *
 * <p>{@link dev.oktaentra.core.OktaEntraException} is the root of the library's exceptions.
 */
package dev.oktaentra.core;
