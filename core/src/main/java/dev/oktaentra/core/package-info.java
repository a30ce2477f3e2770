/**
 * The library's core: what every adapter and every user of oktaentra shares.
 *
 * <ul>
 *   <li>{@code anchor}: ObjectGUID, ImmutableID and their conversions; the {@code Anchors} facade for one-liners.</li>
 * </ul>
 *
 * <p>{@link dev.oktaentra.core.OktaEntraException} is the root of the library's exceptions.
 */
package dev.oktaentra.core;
