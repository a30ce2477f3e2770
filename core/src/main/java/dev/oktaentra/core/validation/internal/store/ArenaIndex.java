package dev.oktaentra.core.validation.internal.store;

import java.util.Arrays;

/** A {@link ProbeTable} over texts held in a {@link TextArena}: a slot keeps the text's handle. */
public final class ArenaIndex extends ProbeTable<ArenaIndex.Key> {

    /**
     * A text given as a range of a byte array; short-lived, the JIT usually never builds it.
     *
     * @param bytes the array
     * @param from where the text starts
     * @param length how many bytes it has
     */
    public record Key(byte[] bytes, int from, int length) {
    }

    private final TextArena arena;
    private int[] handles;

    ArenaIndex(TextArena arena, int expected) {
        super(expected);
        this.arena = arena;
        handles = new int[capacity()];
    }

    /**
     * Appends an entry under a stored text, to be indexed by {@link #build}.
     *
     * @param handle the text's handle in the arena
     * @param utf8 the same text's bytes
     */
    void append(int handle, byte[] utf8, int entry) {
        append(TextArena.hash(utf8), entry);
        handles[size() - 1] = handle;
    }

    /**
     * The entries with this text, at most {@code limit} of them, into {@code out}.
     *
     * @return how many entries have the text (may exceed {@code limit})
     */
    int find(byte[] utf8, int[] out, int limit) {
        return utf8 == null ? 0 : find(new Key(utf8, 0, utf8.length), out, limit);
    }

    /**
     * The entries with the {@code length} bytes of {@code utf8} from {@code from}, as
     * {@link #find(byte[], int[], int)}.
     *
     * @return how many entries have the text (may exceed {@code limit})
     */
    int find(byte[] utf8, int from, int length, int[] out, int limit) {
        return find(new Key(utf8, from, length), out, limit);
    }

    private int find(Key key, int[] out, int limit) {
        return find(key, TextArena.hash(key.bytes, key.from, key.length), out, limit);
    }

    @Override
    boolean sameKey(int slot, Key key) {
        return arena.equals(handles[slot], key.bytes, key.from, key.length);
    }

    @Override
    Key keyOf(int slot) {
        return arena.key(handles[slot]);
    }

    @Override
    void growKeys(int capacity) {
        handles = Arrays.copyOf(handles, capacity);
    }
}
