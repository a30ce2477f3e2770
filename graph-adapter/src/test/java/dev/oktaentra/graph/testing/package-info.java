/**
 * A loopback fake of Microsoft Graph for tests and rehearsals, shipped in the graph adapter's test-jar.
 *
 * <p>{@link dev.oktaentra.graph.testing.FakeGraphServer} speaks Graph's JSON for the endpoints the adapter uses:
 * users with {@code @odata.nextLink} paging, {@code $select} and the advanced-query filter for synced users, PATCH
 * and {@code $batch} (ImmutableID and UPN, refusing an ImmutableID change of a user in a federated domain), domains,
 * groups and contacts with {@code onPremisesProvisioningErrors}, a synced add with duplicate attribute resiliency
 * ({@code syncAdd}), organization, onPremisesSynchronization, role assignments, service principals and their
 * synchronization jobs, and the provisioning log. It is seeded from core's model objects, injects faults (429 with
 * {@code Retry-After}, 503, malformed bodies) at a chosen rate with a seeded random, and logs every request with
 * its {@code Authorization} header redacted. It depends only on the JDK, Jackson and core.
 */
package dev.oktaentra.graph.testing;
