/**
 * Finding which on-prem attribute populated the cloud's ImmutableIDs:
 * {@link dev.oktaentra.core.detect.AnchorSourceDetector} and its {@link dev.oktaentra.core.detect.AnchorDetection}.
 */
package dev.oktaentra.core.detect;
