package dev.oktaentra.core.validation;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The on-prem anchors seen so far, to find two objects that yield the same one. The common anchor is the Base64 of a
 * GUID, held here as its 16 bytes in two {@code long}s rather than as a 24-character string, which halves the memory
 * and spares the string hashing; any other anchor falls back to a {@link KeyIndex}.
 */
final class AnchorSet {

    private long[] his = new long[2048];
    private long[] los = new long[2048];
    private int[] entries = new int[2048];
    /** Per cell: 0 when empty, else slot + 1. */
    private int[] cells = new int[4096];
    private int size;
    private final KeyIndex others = new KeyIndex(16);

    /**
     * Adds an entry's anchor, one that is not the Base64 of a GUID, and reports the entries that yielded the same
     * one before.
     *
     * @return how many entries already had the anchor
     */
    int addAndFindEarlier(String anchor, int entry, IntConsumer earlier) {
        return others.addAndFindEarlier(anchor, entry, earlier);
    }

    /** The same for the anchor of a GUID, given as the two halves of its AD byte order (big-endian). */
    int addAndFindEarlier(long hi, long lo, int entry, IntConsumer earlier) {
        if (size == his.length) {
            grow();
        }
        int mask = cells.length - 1;
        int i = index(hi, lo, mask);
        int same = 0;
        for (int cell = cells[i]; cell != 0; cell = cells[i = (i + 1) & mask]) {
            int slot = cell - 1;
            if (his[slot] == hi && los[slot] == lo) {
                same++;
                earlier.accept(entries[slot]);
            }
        }
        his[size] = hi;
        los[size] = lo;
        entries[size] = entry;
        cells[i] = ++size;
        return same;
    }

    private static int index(long hi, long lo, int mask) {
        long h = (hi ^ Long.rotateLeft(lo, 29)) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    private void grow() {
        int capacity = his.length * 2;
        his = Arrays.copyOf(his, capacity);
        los = Arrays.copyOf(los, capacity);
        entries = Arrays.copyOf(entries, capacity);
        cells = new int[capacity * 2];
        int mask = cells.length - 1;
        for (int slot = 0; slot < size; slot++) {
            int i = index(his[slot], los[slot], mask);
            while (cells[i] != 0) {
                i = (i + 1) & mask;
            }
            cells[i] = slot + 1;
        }
    }
}
