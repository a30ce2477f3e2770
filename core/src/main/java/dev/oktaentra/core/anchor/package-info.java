/**
 * Anchors: how an on-prem user and its Entra ID counterpart are tied together.
 *
 * <ul>
 *   <li>{@link dev.oktaentra.core.anchor.ObjectGuid}: 16 bytes in AD's order, with every text form.</li>
 *   <li>{@link dev.oktaentra.core.anchor.ImmutableId}: the cloud's {@code onPremisesImmutableId} text, binary
 *       (Base64) or string, and the connector-space DN it gives.</li>
 *   <li>{@link dev.oktaentra.core.anchor.Anchors}: one-liners to convert, detect and diagnose.</li>
 *   <li>{@link dev.oktaentra.core.anchor.MismatchCause}: the known ways a conversion goes wrong.</li>
 * </ul>
 */
package dev.oktaentra.core.anchor;
