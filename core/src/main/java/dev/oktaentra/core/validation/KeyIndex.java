package dev.oktaentra.core.validation;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A {@link ProbeTable} over strings the caller keeps: a million keys cost about 24 MB beside the strings themselves.
 */
final class KeyIndex extends ProbeTable<String> {

    private String[] keys;

    KeyIndex(int expected) {
        super(expected);
        keys = new String[capacity()];
    }

    /**
     * Adds an entry under a key and reports the entries that already had the same key.
     *
     * @param key the key; {@code null} is not indexed
     * @param earlier receives each earlier entry with the same key; may be {@code null}
     * @return how many entries already had the key
     */
    int addAndFindEarlier(String key, int entry, IntConsumer earlier) {
        if (key == null) {
            return 0;
        }
        int same = add(key, key.hashCode(), entry, earlier);
        keys[size() - 1] = key;
        return same;
    }

    @Override
    boolean sameKey(int slot, String key) {
        return keys[slot].equals(key);
    }

    @Override
    String keyOf(int slot) {
        return keys[slot];
    }

    @Override
    void growKeys(int capacity) {
        keys = Arrays.copyOf(keys, capacity);
    }
}
