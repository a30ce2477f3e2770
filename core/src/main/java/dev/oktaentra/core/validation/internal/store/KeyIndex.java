package dev.oktaentra.core.validation.internal.store;

import java.util.Arrays;

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
     * Appends an entry under a key, to be compared with the others by {@link #build}.
     *
     * @param key the key; {@code null} is not indexed
     */
    void append(String key, int entry) {
        if (key != null) {
            append(key.hashCode(), entry);
            keys[size() - 1] = key;
        }
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
