package dev.oktaentra.core.validation;

import java.util.Arrays;

/**
 * A hash index from string keys to entry numbers, allowing several entries per key, in three int arrays rather
 * than a map of boxed lists: a million keys cost about 16 MB beside the keys themselves, which the caller keeps.
 */
final class KeyIndex {

    private static final int EMPTY = -1;

    private String[] keys;
    private int[] entries;
    /** Next slot in the same bucket chain, or EMPTY. */
    private int[] chain;
    /** Bucket heads: a slot number, or EMPTY. */
    private int[] buckets;
    private int size;

    KeyIndex(int expected) {
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(expected, 8) - 1) << 1);
        keys = new String[capacity];
        entries = new int[capacity];
        chain = new int[capacity];
        buckets = new int[capacity * 2];
        Arrays.fill(buckets, EMPTY);
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
    int addAndFindEarlier(String key, int entry, java.util.function.IntConsumer earlier) {
        if (key == null) {
            return 0;
        }
        if (size == keys.length) {
            grow();
        }
        int bucket = bucket(key, buckets.length);
        int same = 0;
        if (earlier != null) {
            for (int slot = buckets[bucket]; slot != EMPTY; slot = chain[slot]) {
                if (keys[slot].equals(key)) {
                    same++;
                    earlier.accept(entries[slot]);
                }
            }
        }
        keys[size] = key;
        entries[size] = entry;
        chain[size] = buckets[bucket];
        buckets[bucket] = size;
        size++;
        return same;
    }

    /** How many entries have this key. */
    int count(String key) {
        int n = 0;
        for (int slot = head(key); slot != EMPTY; slot = chain[slot]) {
            if (keys[slot].equals(key)) {
                n++;
            }
        }
        return n;
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
        int n = 0;
        for (int slot = head(key); slot != EMPTY; slot = chain[slot]) {
            if (keys[slot].equals(key)) {
                if (n < limit) {
                    out[n] = entries[slot];
                }
                n++;
            }
        }
        return n;
    }

    private int head(String key) {
        return key == null ? EMPTY : buckets[bucket(key, buckets.length)];
    }

    private static int bucket(String key, int length) {
        int h = key.hashCode();
        h ^= h >>> 16;
        return (h * 0x9E3779B9) >>> (Integer.numberOfLeadingZeros(length) + 1) & (length - 1);
    }

    private void grow() {
        int capacity = keys.length * 2;
        keys = Arrays.copyOf(keys, capacity);
        entries = Arrays.copyOf(entries, capacity);
        chain = Arrays.copyOf(chain, capacity);
        buckets = new int[capacity * 2];
        Arrays.fill(buckets, EMPTY);
        for (int slot = 0; slot < size; slot++) {
            int bucket = bucket(keys[slot], buckets.length);
            chain[slot] = buckets[bucket];
            buckets[bucket] = slot;
        }
    }
}
