package dev.oktaentra.core.validation.internal.store;

/**
 * The first entry to hold each value, by the value's 64-bit hash: open addressing with linear probing over a
 * {@code long} and an {@code int} a cell, about 16 to 24 bytes a value and no object per value (a map of strings costs
 * well over a hundred). Built as the entries are matched, to find the values two entries hold.
 *
 * <p>Only hashes are kept, so two different values with the same 64-bit hash are taken for one: at three million
 * values the chance that any two do is below one in a million, and the error is on the side that stops a cutover.
 */
public final class ValueHashes {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long[] hashes = new long[1024];
    /** Per cell: the first entry holding the value. */
    private int[] entries = new int[1024];
    private int size;

    /**
     * The hash of a value's UTF-8 bytes, with a seed that keeps values of different attributes apart.
     *
     * @param seed one number per attribute
     * @param bytes the array
     * @param from where the value starts
     * @param length its length in bytes
     * @return the hash, never 0
     */
    public static long hash(int seed, byte[] bytes, int from, int length) {
        long h = FNV_OFFSET ^ seed;
        for (int i = from; i < from + length; i++) {
            h = (h ^ (bytes[i] & 0xff)) * FNV_PRIME;
        }
        // FNV leaves the high bits poorly mixed for short keys; the finaliser of MurmurHash3 spreads them.
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /**
     * Records that an entry holds a value, unless an earlier entry does.
     *
     * @param hash the value's {@link #hash}
     * @param entry the entry
     * @return the first entry that held the value, or -1 when none did (or only {@code entry} itself)
     */
    public int put(long hash, int entry) {
        if ((size + 1) * 4 > hashes.length * 3) {
            grow();
        }
        int mask = hashes.length - 1;
        int i = (int) (hash ^ (hash >>> 32)) & mask;
        for (long cell = hashes[i]; cell != 0; cell = hashes[i = (i + 1) & mask]) {
            if (cell == hash) {
                return entries[i] == entry ? -1 : entries[i];
            }
        }
        hashes[i] = hash;
        entries[i] = entry;
        size++;
        return -1;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldEntries = entries;
        hashes = new long[oldHashes.length * 2];
        entries = new int[oldHashes.length * 2];
        int mask = hashes.length - 1;
        for (int c = 0; c < oldHashes.length; c++) {
            long hash = oldHashes[c];
            if (hash != 0) {
                int i = (int) (hash ^ (hash >>> 32)) & mask;
                while (hashes[i] != 0) {
                    i = (i + 1) & mask;
                }
                hashes[i] = hash;
                entries[i] = oldEntries[c];
            }
        }
    }
}
