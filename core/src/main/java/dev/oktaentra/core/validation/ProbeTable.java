package dev.oktaentra.core.validation;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A hash index from keys to entry numbers, several entries per key allowed, in flat arrays rather than a map of boxed
 * lists. Subclasses hold the keys, one per slot, and say whether a slot's key equals another.
 *
 * <p>Open addressing with linear probing over one {@code long} per cell that packs the key's hash with its slot, so
 * that walking a probe sequence reads one array and compares hashes; a stored key is only compared when its hash
 * matches. At a million entries every such comparison is a cache miss, and this is what indexing spends its time on.
 *
 * @param <K> how a key is given when adding and finding
 */
abstract class ProbeTable<K> {

    private int[] entries;
    /** Per cell: 0 when empty, else {@code (hash << 32) | (slot + 1)}. */
    private long[] cells;
    private int size;

    ProbeTable(int expected) {
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(expected, 8) - 1) << 1);
        entries = new int[capacity];
        cells = new long[capacity * 2];
    }

    /** @return how many slots the subclass's key arrays need at first */
    final int capacity() {
        return entries.length;
    }

    /** Whether the key in a slot equals {@code key}. */
    abstract boolean sameKey(int slot, K key);

    /** Grows the subclass's key arrays to {@code capacity} slots, keeping the slots in use. */
    abstract void growKeys(int capacity);

    /**
     * Adds an entry under a key and reports the entries that already had it, so that duplicates are found while
     * indexing rather than by a second pass of look-ups. The caller stores the key in slot {@code size() - 1}
     * afterwards.
     *
     * @param hash the key's hash
     * @param earlier receives each earlier entry with the same key; may be {@code null}
     * @return how many entries already had the key
     */
    final int add(K key, int hash, int entry, IntConsumer earlier) {
        if (size == entries.length) {
            grow();
        }
        int spread = spread(hash);
        int mask = cells.length - 1;
        int same = 0;
        int i = spread & mask;
        for (long cell = cells[i]; cell != 0; cell = cells[i = (i + 1) & mask]) {
            if ((int) (cell >>> 32) == spread && sameKey((int) cell - 1, key)) {
                same++;
                if (earlier != null) {
                    earlier.accept(entries[(int) cell - 1]);
                }
            }
        }
        entries[size] = entry;
        cells[i] = ((long) spread << 32) | (size + 1);
        size++;
        return same;
    }

    /**
     * The entries with a key, at most {@code limit} of them, into {@code out}.
     *
     * @param hash the key's hash
     * @return how many entries have the key (may exceed {@code limit})
     */
    final int find(K key, int hash, int[] out, int limit) {
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

    /** @return the number of slots in use */
    final int size() {
        return size;
    }

    /** Hashes of similar keys differ in their low bits only a little; mix them for the probe. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void grow() {
        int capacity = entries.length * 2;
        entries = Arrays.copyOf(entries, capacity);
        growKeys(capacity);
        long[] old = cells;
        cells = new long[capacity * 2];
        int mask = cells.length - 1;
        for (long cell : old) {
            if (cell != 0) {
                int i = (int) (cell >>> 32) & mask;
                while (cells[i] != 0) {
                    i = (i + 1) & mask;
                }
                cells[i] = cell;
            }
        }
    }
}
