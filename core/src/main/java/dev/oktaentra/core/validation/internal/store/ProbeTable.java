package dev.oktaentra.core.validation.internal.store;

import java.util.Arrays;

/**
 * A hash index from keys to entry numbers, several entries per key allowed, in flat arrays rather than a map of boxed
 * lists. Subclasses hold the keys, one per slot, and say whether a slot's key equals another.
 *
 * <p>Open addressing with linear probing over one {@code long} per cell that packs the key's hash with its slot, so
 * that walking a probe sequence reads one array and compares hashes; a stored key is only compared when its hash
 * matches.
 *
 * <p>Entries are appended ({@link #append}) and indexed together ({@link #build}); look-ups follow. Added one at a
 * time, at a million entries each addition was a cache miss in the cells, and that was what indexing the cloud side
 * spent most of its time on; a build puts the entries in the order of their first cell (a radix sort) and so fills
 * the cells from start to end.
 *
 * @param <K> how a key is given when adding and finding
 */
abstract class ProbeTable<K> {

    private int[] entries;
    /** Per cell: 0 when empty, else {@code (hash << 32) | (slot + 1)}. */
    private long[] cells;
    private int size;
    /** Each appended slot's spread hash, until {@link #build}. */
    private int[] pending;

    ProbeTable(int expected) {
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(expected, 8) - 1) << 1);
        entries = new int[capacity];
        pending = new int[capacity];
    }

    /**
     * The initial capacity.
     *
     * @return how many slots the subclass's key arrays need at first
     */
    final int capacity() {
        return entries.length;
    }

    /** Whether the key in a slot equals {@code key}. */
    abstract boolean sameKey(int slot, K key);

    /** Grows the subclass's key arrays to {@code capacity} slots, keeping the slots in use. */
    abstract void growKeys(int capacity);

    /**
     * The entries with a key, at most {@code limit} of them, into {@code out}.
     *
     * @param hash the key's hash
     * @return how many entries have the key (may exceed {@code limit})
     */
    final int find(K key, int hash, int[] out, int limit) {
        if (pending != null) {
            throw new IllegalStateException("build the table before looking keys up");
        }
        int spread = spread(hash);
        int mask = cells.length - 1;
        int n = 0;
        int i = spread & mask;
        for (long cell = cells[i]; cell != 0; cell = cells[i = (i + 1) & mask]) {
            if ((int) (cell >>> 32) == spread && sameKey((int) cell - 1, key)) {
                if (n < limit) {
                    out[n] = entries[(int) cell - 1];
                }
                n++;
            }
        }
        return n;
    }

    /**
     * Appends an entry under a key without indexing it; {@link #build} indexes every appended entry. The caller
     * stores the key in slot {@code size() - 1} afterwards.
     *
     * @param hash the key's hash
     */
    final void append(int hash, int entry) {
        if (pending == null) {
            throw new IllegalStateException("this table is built; it takes no more entries");
        }
        if (size == entries.length) {
            int capacity = entries.length * 2;
            entries = Arrays.copyOf(entries, capacity);
            pending = Arrays.copyOf(pending, capacity);
            growKeys(capacity);
        }
        entries[size] = entry;
        pending[size] = spread(hash);
        size++;
    }

    /**
     * Indexes the appended entries; look-ups may follow. Entries with equal keys keep the order they were appended
     * in, as adding them one at a time would have left them.
     *
     * @param duplicates hears every pair of entries with equal keys; may be {@code null}
     */
    final void build(Duplicates duplicates) {
        if (pending == null) {
            throw new IllegalStateException("this table is built already");
        }
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(size, 8) - 1) << 2);
        cells = new long[capacity];
        int mask = capacity - 1;
        for (int slot : slotsByFirstCell(mask)) {
            int spread = pending[slot];
            int i = spread & mask;
            for (long cell = cells[i]; cell != 0; cell = cells[i = (i + 1) & mask]) {
                int other = (int) cell - 1;
                if (duplicates != null && (int) (cell >>> 32) == spread && sameKey(other, keyOf(slot))) {
                    duplicates.found(entries[other], entries[slot]);
                }
            }
            cells[i] = ((long) spread << 32) | (slot + 1);
        }
        pending = null;
    }

    /**
     * The slots in order of their first cell, and in slot order among equal first cells: a least-significant-digit
     * radix sort in two passes, each a sequential read and a write into at most 2,048 runs.
     */
    private int[] slotsByFirstCell(int mask) {
        int bits = Integer.bitCount(mask);
        int low = bits / 2;
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int[] byLowBits = new int[size];
        radixPass(order, byLowBits, 0, low);
        radixPass(byLowBits, order, low, bits - low);
        return order;
    }

    /** Sorts {@code from} stably into {@code to} by the {@code width} bits of the first cell at {@code shift}. */
    private void radixPass(int[] from, int[] to, int shift, int width) {
        int[] start = new int[(1 << width) + 1];
        int digitMask = (1 << width) - 1;
        for (int slot : from) {
            start[(pending[slot] >>> shift & digitMask) + 1]++;
        }
        for (int d = 0; d < digitMask + 1; d++) {
            start[d + 1] += start[d];
        }
        for (int slot : from) {
            to[start[pending[slot] >>> shift & digitMask]++] = slot;
        }
    }

    /** The key stored in a slot, for comparing two stored keys during a build. */
    abstract K keyOf(int slot);

    /**
     * The slots in use.
     *
     * @return the number of slots in use
     */
    final int size() {
        return size;
    }

    /** Hashes of similar keys differ in their low bits only a little; mix them for the probe. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
