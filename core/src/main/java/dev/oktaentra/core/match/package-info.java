/**
 * Matching on-prem users to cloud users as Entra Connect does: {@link dev.oktaentra.core.match.SourceAnchor},
 * {@link dev.oktaentra.core.match.MatchRule} (hard and soft matches, and your own) and the
 * {@link dev.oktaentra.core.match.MatchOutcome} each object gets.
 */
package dev.oktaentra.core.match;
