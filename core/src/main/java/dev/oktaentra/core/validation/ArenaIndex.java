package dev.oktaentra.core.validation;

import java.util.Arrays;
import java.util.function.IntConsumer;

/** A {@link ProbeTable} over texts held in a {@link TextArena}: a slot keeps the text's handle. */
final class ArenaIndex extends ProbeTable<byte[]> {

    private final TextArena arena;
    private int[] handles;

    ArenaIndex(TextArena arena, int expected) {
        super(expected);
        this.arena = arena;
        handles = new int[capacity()];
    }

    /**
     * Adds an entry under a stored text and reports the entries that already had it.
     *
     * @param handle the text's handle in the arena
     * @param utf8 the same text's bytes
     * @param earlier receives each earlier entry with the same text; may be {@code null}
     * @return how many entries already had the text
     */
    int add(int handle, byte[] utf8, int entry, IntConsumer earlier) {
        int same = add(utf8, TextArena.hash(utf8), entry, earlier);
        handles[size() - 1] = handle;
        return same;
    }

    /**
     * The entries with this text, at most {@code limit} of them, into {@code out}.
     *
     * @return how many entries have the text (may exceed {@code limit})
     */
    int find(byte[] utf8, int[] out, int limit) {
        return utf8 == null ? 0 : find(utf8, TextArena.hash(utf8), out, limit);
    }

    @Override
    boolean sameKey(int slot, byte[] utf8) {
        return arena.equals(handles[slot], utf8);
    }

    @Override
    void growKeys(int capacity) {
        handles = Arrays.copyOf(handles, capacity);
    }
}
