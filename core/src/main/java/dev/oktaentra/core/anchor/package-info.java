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
 *
 * <p>A text or byte array that cannot be read, null included, is refused with
 * {@link dev.oktaentra.core.anchor.InvalidAnchorException} naming it; a null object argument ({@code ObjectGuid},
 * {@code ImmutableId}, {@code UUID}, {@code RandomGenerator}) throws {@link java.lang.NullPointerException} naming
 * the parameter.
 */
package dev.oktaentra.core.anchor;
