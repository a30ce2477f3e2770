/**
 * <b>Internal, not API:</b> the validation's storage engine, the part that holds a million users per side in a 1 GB
 * heap. Its types are public only so that {@code dev.oktaentra.core.validation} can use them; nothing outside that
 * package should, they may change in any release, and the module does not export this package.
 *
 * <ul>
 *   <li>The cloud side: {@link dev.oktaentra.core.validation.internal.store.CloudStore}, its texts in a {@code TextArena}
 *       and an {@link dev.oktaentra.core.validation.internal.store.ArenaIndex} per rule (hash tables in flat arrays,
 *       {@code ProbeTable}), and the claims the matching counts on each user.</li>
 *   <li>The on-prem side: {@link dev.oktaentra.core.validation.internal.store.OnPremBatch}es of keys read ahead,
 *       {@link dev.oktaentra.core.validation.internal.store.Pairings} (what the matching found per object, as codes it
 *       gives), {@link dev.oktaentra.core.validation.internal.store.AnchorSet} (which objects share an anchor).</li>
 *   <li>The display data in a temporary file, {@link dev.oktaentra.core.validation.internal.store.Spill}, deleted on close, when
 *       collected or at the JVM's exit.</li>
 *   <li>The threads that feed and drain them: {@link dev.oktaentra.core.validation.internal.store.ReadAhead},
 *       {@link dev.oktaentra.core.validation.internal.store.Prefetch}, {@link dev.oktaentra.core.validation.internal.store.WriteBehind}.
 *   </li>
 * </ul>
 *
 * <p>What a pairing, a claim or an outcome means is decided in {@code dev.oktaentra.core.validation.MatchDecision},
 * never here.
 */
package dev.oktaentra.core.validation.internal.store;
