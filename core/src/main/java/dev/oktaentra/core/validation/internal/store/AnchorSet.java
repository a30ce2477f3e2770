package dev.oktaentra.core.validation.internal.store;

import java.util.Arrays;

/**
 * The on-prem anchors, to find objects that yield the same one. The common anchor is the Base64 of a GUID, held here
 * as its 16 bytes in two {@code long}s rather than as a 24-character string, which halves the memory and spares the
 * string hashing; any other anchor goes to a {@link KeyIndex}. Anchors are appended while the objects are matched
 * and compared all at once afterwards ({@link ProbeTable#build}), which fills the table in order instead of with a
 * cache miss an object.
 */
public final class AnchorSet {

    private final GuidTable guids = new GuidTable(2048);
    private final KeyIndex others = new KeyIndex(16);

    /**
     * Adds an entry's anchor that is not the Base64 of a GUID.
     *
     * @param anchor the anchor's text
     * @param entry the entry
     */
    public void add(String anchor, int entry) {
        others.append(anchor, entry);
    }

    /**
     * Adds an entry's anchor of a GUID.
     *
     * @param hi the first eight bytes of the GUID in AD's byte order, big-endian
     * @param lo the last eight
     * @param entry the entry
     */
    public void add(long hi, long lo, int entry) {
        guids.append(hi, lo, entry);
    }

    /**
     * Reports every pair of entries that yielded the same anchor; call once, after the last {@code add}.
     *
     * @param duplicates hears each pair, the earlier entry first
     */
    public void findDuplicates(Duplicates duplicates) {
        guids.build(duplicates);
        others.build(duplicates);
    }

    /** The GUID anchors: a slot's key is its two halves. */
    private static final class GuidTable extends ProbeTable<GuidTable.Guid> {

        /** Built only when two hashes are equal, to compare the GUIDs behind them. */
        record Guid(long hi, long lo) {
        }

        private long[] his;
        private long[] los;

        GuidTable(int expected) {
            super(expected);
            his = new long[capacity()];
            los = new long[capacity()];
        }

        void append(long hi, long lo, int entry) {
            long h = (hi ^ Long.rotateLeft(lo, 29)) * 0x9E3779B97F4A7C15L;
            append((int) (h >>> 32), entry);
            his[size() - 1] = hi;
            los[size() - 1] = lo;
        }

        @Override
        boolean sameKey(int slot, Guid key) {
            return his[slot] == key.hi() && los[slot] == key.lo();
        }

        @Override
        Guid keyOf(int slot) {
            return new Guid(his[slot], los[slot]);
        }

        @Override
        void growKeys(int capacity) {
            his = Arrays.copyOf(his, capacity);
            los = Arrays.copyOf(los, capacity);
        }
    }
}
