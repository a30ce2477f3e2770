/**
 * Test support shared as the ldap-adapter's test-jar: {@link dev.oktaentra.ldap.testing.InMemoryActiveDirectory},
 * an Active-Directory-like LDAP server in memory with LDAPS and StartTLS on loopback, seeded from core's
 * {@link dev.oktaentra.core.directory.OnPremUser} objects. Depends on the JDK, UnboundID and oktaentra only, so the
 * examples module can run it outside a test framework.
 */
package dev.oktaentra.ldap.testing;
