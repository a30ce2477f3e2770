/**
 * Test support shared as the ldap-adapter's test-jar: {@link dev.oktaentra.ldap.testing.InMemoryActiveDirectory},
 * an Active-Directory-like LDAP server in memory with LDAPS and StartTLS on loopback, seeded from core's
 * {@link dev.oktaentra.core.directory.OnPremUser} objects; and {@link dev.oktaentra.ldap.testing.RealActiveDirectory},
 * the real domain controller (Samba 4, started by {@code .ci/samba-ad}) that the {@code *RealAdTest} classes use, with
 * its 10,000 seeded users ({@link dev.oktaentra.ldap.testing.RealAdSeed}), scratch OUs for writing tests and Samba's
 * own tools as oracles. Depends on the JDK, UnboundID and oktaentra only, so the examples module can run it outside a
 * test framework.
 */
package dev.oktaentra.ldap.testing;
