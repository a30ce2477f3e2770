package dev.oktaentra.core.validation;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A hash index from texts held in a {@link TextArena} to entry numbers, several entries per text allowed. Open
 * addressing with linear probing over one {@code long} per cell that packs the text's hash with its slot, so a probe
 * reads one array and compares hashes; the bytes are compared only when the hashes agree.
 */
final class ArenaIndex {

    private final TextArena arena;
    private int[] keys;
    private int[] entries;
    /** Per cell: 0 when empty, else {@code (hash << 32) | (slot + 1)}. */
    private long[] cells;
    private int size;

    ArenaIndex(TextArena arena, int expected) {
        this.arena = arena;
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(expected, 8) - 1) << 1);
        keys = new int[capacity];
        entries = new int[capacity];
        cells = new long[capacity * 2];
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
        if (size == keys.length) {
            grow();
        }
        int hash = spread(TextArena.hash(utf8));
        int mask = cells.length - 1;
        int same = 0;
        int i = hash & mask;
        for (long cell = cells[i]; cell != 0; cell = cells[i = (i + 1) & mask]) {
            if ((int) (cell >>> 32) == hash && arena.equals(keys[(int) cell - 1], utf8)) {
                same++;
                if (earlier != null) {
                    earlier.accept(entries[(int) cell - 1]);
                }
            }
        }
        keys[size] = handle;
        entries[size] = entry;
        cells[i] = ((long) hash << 32) | (size + 1);
        size++;
        return same;
    }

    /**
     * The entries with this text, at most {@code limit} of them, into {@code out}.
     *
     * @return how many entries have the text (may exceed {@code limit})
     */
    int find(byte[] utf8, int[] out, int limit) {
        if (utf8 == null) {
            return 0;
        }
        int hash = spread(TextArena.hash(utf8));
        int mask = cells.length - 1;
        int n = 0;
        int i = hash & mask;
        for (long cell = cells[i]; cell != 0; cell = cells[i = (i + 1) & mask]) {
            if ((int) (cell >>> 32) == hash && arena.equals(keys[(int) cell - 1], utf8)) {
                if (n < limit) {
                    out[n] = entries[(int) cell - 1];
                }
                n++;
            }
        }
        return n;
    }

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void grow() {
        int capacity = keys.length * 2;
        keys = Arrays.copyOf(keys, capacity);
        entries = Arrays.copyOf(entries, capacity);
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
