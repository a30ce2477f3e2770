package dev.oktaentra.core.detect;

import dev.oktaentra.core.match.SourceAnchor;

/**
 * One attribute tried as the source of the cloud's ImmutableIDs.
 *
 * @param anchor the attribute, as a source anchor
 * @param explained how many distinct cloud ImmutableIDs it reproduces
 * @param coverage {@code explained} as a share of all cloud ImmutableIDs, 0 to 1
 */
public record AnchorCandidate(SourceAnchor anchor, long explained, double coverage) {
}
