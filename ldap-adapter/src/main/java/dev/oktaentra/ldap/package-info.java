/**
 * Placeholder for the ldap-adapter module; its entry classes arrive with their own issues.
 */
package dev.oktaentra.ldap;
