/**
 * Active Directory through the UnboundID LDAP SDK, and {@code ldifde} files, as core's on-premises ports.
 *
 * <ul>
 *   <li>{@link dev.oktaentra.ldap.LdapSettings}: how to reach one domain (LDAPS or StartTLS with host-name
 *       verification, the bind account, the OUs selected for sync, paging); plaintext only by explicit opt-in.</li>
 *   <li>{@link dev.oktaentra.ldap.LdapDirectory}: one or several domains as an
 *       {@link dev.oktaentra.core.directory.OnPremDirectory}, streamed page by page; look-ups by objectGUID and UPN;
 *       {@link dev.oktaentra.ldap.LdapDirectory#writer()} for compare-and-set write-back of
 *       {@code mS-DS-ConsistencyGuid} and back-fills.</li>
 *   <li>{@link dev.oktaentra.ldap.LdifDirectory}: an {@code ldifde} export as an on-premises directory.</li>
 * </ul>
 */
package dev.oktaentra.ldap;
