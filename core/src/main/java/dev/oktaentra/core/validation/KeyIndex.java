package dev.oktaentra.core.validation;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A hash index from string keys to entry numbers, allowing several entries per key, in flat arrays rather than a
 * map of boxed lists: a million keys cost about 24 MB beside the keys themselves, which the caller keeps.
 *
 * <p>Open addressing with linear probing over one {@code long} per cell that packs the key's hash with its slot, so
 * that walking a probe sequence reads one array and compares hashes; a key string is only dereferenced when its hash
 * matches. At a million entries every dereference is a cache miss, and this is what the validation spends its time
 * on.
 */
final class KeyIndex {

    private String[] keys;
    private int[] entries;
    /** Per cell: 0 when empty, else {@code (hash << 32) | (slot + 1)}. */
    private long[] cells;
    private int size;

    KeyIndex(int expected) {
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(expected, 8) - 1) << 1);
        keys = new String[capacity];
        entries = new int[capacity];
        cells = new long[capacity * 2];
    }

    /** Adds an entry under a key; {@code null} keys are not indexed. */
    void add(String key, int entry) {
        addAndFindEarlier(key, entry, null);
    }

    /**
     * Adds an entry under a key and reports the entries that already had the same key, so that duplicates are
     * found while indexing rather than by a second pass of look-ups.
     *
     * @param earlier receives each earlier entry with the same key; may be {@code null}
     * @return how many entries already had the key
     */
    int addAndFindEarlier(String key, int entry, IntConsumer earlier) {
        if (key == null) {
            return 0;
        }
        if (size == keys.length) {
            grow();
        }
        int hash = spread(key.hashCode());
        int mask = cells.length - 1;
        int same = 0;
        int i = hash & mask;
        for (long cell = cells[i]; cell != 0; cell = cells[i = (i + 1) & mask]) {
            if ((int) (cell >>> 32) == hash) {
                int slot = (int) cell - 1;
                if (keys[slot].equals(key)) {
                    same++;
                    if (earlier != null) {
                        earlier.accept(entries[slot]);
                    }
                }
            }
        }
        keys[size] = key;
        entries[size] = entry;
        cells[i] = ((long) hash << 32) | (size + 1);
        size++;
        return same;
    }

    /** How many entries have this key. */
    int count(String key) {
        return find(key, null, 0);
    }

    /**
     * The entries with this key, at most {@code limit} of them, into {@code out}.
     *
     * @return how many entries have the key (may exceed {@code limit})
     */
    int find(String key, int[] out, int limit) {
        if (key == null) {
            return 0;
        }
        int hash = spread(key.hashCode());
        int mask = cells.length - 1;
        int n = 0;
        int i = hash & mask;
        for (long cell = cells[i]; cell != 0; cell = cells[i = (i + 1) & mask]) {
            if ((int) (cell >>> 32) == hash) {
                int slot = (int) cell - 1;
                if (keys[slot].equals(key)) {
                    if (n < limit) {
                        out[n] = entries[slot];
                    }
                    n++;
                }
            }
        }
        return n;
    }

    /** String hashes of similar keys differ in their low bits only a little; mix them for the probe. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void grow() {
        int capacity = keys.length * 2;
        keys = Arrays.copyOf(keys, capacity);
        entries = Arrays.copyOf(entries, capacity);
        cells = new long[capacity * 2];
        int mask = cells.length - 1;
        for (int slot = 0; slot < size; slot++) {
            int hash = spread(keys[slot].hashCode());
            int i = hash & mask;
            while (cells[i] != 0) {
                i = (i + 1) & mask;
            }
            cells[i] = ((long) hash << 32) | (slot + 1);
        }
    }
}
