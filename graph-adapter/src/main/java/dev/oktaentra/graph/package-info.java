/**
 * Entra ID over the Microsoft Graph SDK for Java v6.
 *
 * <ul>
 *   <li>{@link dev.oktaentra.graph.GraphDirectory}: the entry class. A {@code CloudDirectory} that streams users page
 *       by page, built from a {@code GraphServiceClient} or from {@link dev.oktaentra.graph.GraphCredentials}.</li>
 *   <li>{@link dev.oktaentra.graph.GraphTenantSync}: the tenant's sync state, matching guards, cloud sync jobs and
 *       provisioning log ({@code TenantSync}).</li>
 *   <li>{@link dev.oktaentra.graph.ImmutableIdWriter}: compare-and-set {@code onPremisesImmutableId} writes in
 *       {@code $batch} requests.</li>
 *   <li>{@link dev.oktaentra.graph.GraphOptions}, {@link dev.oktaentra.graph.GraphCloud},
 *       {@link dev.oktaentra.graph.Secret}: configuration; secrets never print.</li>
 *   <li>{@link dev.oktaentra.graph.GraphException}: Graph's error code and message, never a token;
 *       {@link dev.oktaentra.graph.GraphSignInException}: a sign-in that failed, why, and what to check.</li>
 * </ul>
 */
package dev.oktaentra.graph;
