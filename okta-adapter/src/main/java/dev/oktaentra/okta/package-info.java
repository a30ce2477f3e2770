/**
 * Placeholder for the okta-adapter module; its entry classes arrive with their own issues.
 */
package dev.oktaentra.okta;
