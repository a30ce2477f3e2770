/**
 * Placeholder for the graph-adapter module; its entry classes arrive with their own issues.
 */
package dev.oktaentra.graph;
