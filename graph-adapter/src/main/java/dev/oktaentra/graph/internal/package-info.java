/**
 * The adapter's machinery, not API: page readers, the {@code $batch} executor, error translation, token claims.
 * Nothing here appears in a public signature, and it may change without notice.
 */
package dev.oktaentra.graph.internal;
