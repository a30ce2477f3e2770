/**
 * Placeholder for the examples module; its entry classes arrive with their own issues.
 */
package dev.oktaentra.examples;
