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
 *
 * <p>The public types are the API; the machinery (connection pools, paged searches, entry mapping, the writer, LDIF
 * parsing, error translation) is package-private in this package, so that no one can call it.
 *
 * <p><b>Why the adapter has no {@code module-info}.</b> The UnboundID LDAP SDK's jar carries no module name, neither
 * a descriptor nor an {@code Automatic-Module-Name}: a {@code requires} would name {@code unboundid.ldapsdk}, a module
 * derived from the jar's file name, which changes with the file name or as soon as UnboundID names its module, and
 * which Maven warns never to publish. The adapter runs on the class path (its jar still names the automatic module
 * {@code dev.oktaentra.ldap}), where only package-private classes are hidden.
 */
package dev.oktaentra.ldap;
