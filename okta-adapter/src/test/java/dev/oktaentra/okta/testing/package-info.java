/**
 * Test support shared as the okta-adapter's test-jar: {@link dev.oktaentra.okta.testing.FakeOktaServer}, a loopback
 * Okta org for the real Okta SDK, seeded with {@link dev.oktaentra.okta.testing.FakeApp}s and core's
 * {@link dev.oktaentra.core.provisioning.ProvisionedUser}s, logging {@link dev.oktaentra.okta.testing.RecordedRequest}s.
 * Depends only on the JDK, Jackson and oktaentra-core, so the examples module can run it in its embedded rehearsal.
 */
package dev.oktaentra.okta.testing;
