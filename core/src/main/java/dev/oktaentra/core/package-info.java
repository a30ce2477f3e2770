/**
 * The library's core: what every adapter and every user of oktaentra shares.
 *
 * <ul>
 *   <li>{@code anchor}: ObjectGUID, ImmutableID and their conversions; the {@code Anchors} facade for one-liners.</li>
 *   <li>{@code directory}: the on-prem and cloud users and the ports that stream and write them.</li>
 *   <li>{@code provisioning}: the identity provider (Okta) that provisions Entra ID today, as a port.</li>
 *   <li>{@code tenant}: the Entra tenant's sync controls (matching guards, cloud sync jobs, provisioning log) and
 *       what a provisioning-log failure means ({@code ProvisioningFailure}).</li>
 *   <li>{@code settings}: what every adapter's settings share: {@code Secret}, {@code RetryPolicy},
 *       {@code ConfigurationException} and the loopback-only rule for plaintext.</li>
 * </ul>
 *
 * <p>{@link dev.oktaentra.core.OktaEntraException} is the root of the library's exceptions.
 */
package dev.oktaentra.core;
