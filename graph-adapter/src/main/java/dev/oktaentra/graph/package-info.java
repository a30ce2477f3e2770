/**
 * Entra ID over the Microsoft Graph SDK for Java v6.
 *
 * <ul>
 *   <li>{@link dev.oktaentra.graph.GraphDirectory}: the entry class. A {@code CloudDirectory} that streams users page
 *       by page: {@code GraphDirectory.connect(settings)}, or {@code GraphDirectory.of(client)} around a
 *       {@code GraphServiceClient} of your own.</li>
 *   <li>{@link dev.oktaentra.graph.GraphTenantSync}: the tenant's sync state, matching guards, cloud sync jobs,
 *       provisioning log, domains and what a failed match leaves on users, groups and contacts
 *       ({@code TenantSync}).</li>
 *   <li>{@link dev.oktaentra.graph.ImmutableIdWriter}: compare-and-set {@code onPremisesImmutableId} writes in
 *       {@code $batch} requests; {@link dev.oktaentra.graph.UserPrincipalNameWriter}: compare-and-set UPN writes for
 *       the UPN swap of users in federated domains; {@link dev.oktaentra.graph.GraphUserWriter}: both, the runbook's
 *       cloud writer.</li>
 *   <li>{@link dev.oktaentra.graph.GraphSettings} ({@code GraphSettings.builder()…build()}),
 *       {@link dev.oktaentra.graph.GraphCredentials}, {@link dev.oktaentra.graph.GraphCloud}: configuration, in the
 *       dialect of {@code dev.oktaentra.core.settings} (core's {@code Secret}, {@code RetryPolicy},
 *       {@code ConfigurationException}); secrets never print.</li>
 *   <li>{@link dev.oktaentra.graph.GraphException}: Graph's error code and message, never a token;
 *       {@link dev.oktaentra.graph.GraphSignInException}: a sign-in that failed, why, and what to check.</li>
 * </ul>
 *
 * <p>What the provisioning log's failures mean is decided in core
 * ({@code dev.oktaentra.core.tenant.ProvisioningFailure}); this adapter only reads the log.
 *
 * <p>Its public types are its API; the machinery (page readers, the {@code $batch} executor, error translation, token
 * claims, retries, redaction) is package-private in this package, so that no one can call it.
 *
 * <p><b>Why the adapter has no {@code module-info}.</b> The Graph SDK's dependencies cannot be resolved on a module
 * path: the seven {@code microsoft-kiota-*} jars all name themselves {@code com.microsoft.kiota} in their
 * {@code Automatic-Module-Name} and split the packages {@code com.microsoft.kiota.serialization} and
 * {@code com.microsoft.kiota.authentication} between them, and {@code stax-api} (through
 * {@code microsoft-kiota-authentication-azure}) holds {@code javax.xml.stream}, a package of the JDK's {@code java.xml}.
 * A named module requiring them could not start, so the adapter runs on the class path (its jar still names the
 * automatic module {@code dev.oktaentra.graph}), where only package-private classes are hidden.
 */
package dev.oktaentra.graph;
