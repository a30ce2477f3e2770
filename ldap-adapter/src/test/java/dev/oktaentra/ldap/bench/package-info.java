/** The ldap-adapter's read benchmark (profile {@code bench-ldap}); not part of the test-jar. */
package dev.oktaentra.ldap.bench;
