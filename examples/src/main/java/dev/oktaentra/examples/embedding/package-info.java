/**
 * An example of embedding the library in in-house tooling: {@link dev.oktaentra.examples.embedding.CutoverCheck}
 * validates two exports, decides whether the cutover may go ahead and writes the ImmutableID fixes it can derive,
 * returning a {@link dev.oktaentra.examples.embedding.CutoverDecision} for the caller to act on.
 */
package dev.oktaentra.examples.embedding;
