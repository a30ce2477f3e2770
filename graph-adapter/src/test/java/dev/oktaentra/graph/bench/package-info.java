/** The graph adapter's benchmark: reading users through the adapter against a raw {@code java.net.http} loop. */
package dev.oktaentra.graph.bench;
