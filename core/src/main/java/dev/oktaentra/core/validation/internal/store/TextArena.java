package dev.oktaentra.core.validation.internal.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Texts held as UTF-8 bytes in one growing array, each named by an {@code int} handle, instead of as {@code String}
 * objects: a million cloud users' UPNs and ImmutableIDs become a few large arrays the garbage collector never has to
 * trace or copy. Handles are offsets; each text is stored behind a two-byte length.
 */
final class TextArena {

    /** The handle of "no text". */
    static final int NONE = -1;
    private static final int MAX_LENGTH = 0xffff;

    private byte[] data = new byte[1 << 16];
    private int size;

    /**
     * Stores a text.
     *
     * @param utf8 its UTF-8 bytes, at most 65,535
     * @return its handle
     */
    int add(byte[] utf8) {
        if (utf8.length > MAX_LENGTH) {
            throw new IllegalArgumentException("A text of " + utf8.length + " bytes is too long to index; "
                    + "the limit is " + MAX_LENGTH);
        }
        if (size + 2 + utf8.length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + 2 + utf8.length));
        }
        int handle = size;
        data[size] = (byte) (utf8.length >>> 8);
        data[size + 1] = (byte) utf8.length;
        System.arraycopy(utf8, 0, data, size + 2, utf8.length);
        size += 2 + utf8.length;
        return handle;
    }

    private int length(int handle) {
        return (data[handle] & 0xff) << 8 | data[handle + 1] & 0xff;
    }

    /** Whether the text behind a handle has exactly these bytes. */
    boolean equals(int handle, byte[] utf8) {
        return equals(handle, utf8, 0, utf8.length);
    }

    /** Whether the text behind a handle has exactly the {@code length} bytes of {@code utf8} from {@code from}. */
    boolean equals(int handle, byte[] utf8, int from, int length) {
        return handle != NONE && length(handle) == length
                && Arrays.equals(data, handle + 2, handle + 2 + length, utf8, from, from + length);
    }

    /**
     * Whether the text behind a handle and the {@code length} bytes of {@code utf8} from {@code from} are the same
     * letter case aside and stripped ({@link ProxyText#key}): ASCII is compared byte by byte, anything else through
     * {@code String}.
     */
    boolean sameIgnoringCase(int handle, byte[] utf8, int from, int length) {
        if (handle == NONE) {
            return false;
        }
        int n = length(handle);
        int at = handle + 2;
        if (n == length) {
            boolean ascii = true;
            for (int i = 0; i < n; i++) {
                byte b = data[at + i];
                byte k = utf8[from + i];
                if (b < 0 || k < 0) {
                    ascii = false;
                    break;
                }
                if (b != k && lower(b) != lower(k)) {
                    return false;
                }
            }
            if (ascii && (n == 0 || data[at] > ' ' && data[at + n - 1] > ' ')) {
                return true;
            }
        }
        String stored = ProxyText.key(new String(data, at, n, StandardCharsets.UTF_8));
        return stored != null && stored.equals(ProxyText.key(new String(utf8, from, length, StandardCharsets.UTF_8)));
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    /** The stored bytes of a text, as a range of the arena's array; valid until the next {@link #add}. */
    ArenaIndex.Key key(int handle) {
        return new ArenaIndex.Key(data, handle + 2, length(handle));
    }

    /** The text behind a handle, or {@code null} for {@link #NONE}. */
    String text(int handle) {
        return handle == NONE ? null : new String(data, handle + 2, length(handle), StandardCharsets.UTF_8);
    }

    /** A hash of some UTF-8 bytes, the same whether they are stored or not. */
    static int hash(byte[] utf8) {
        return hash(utf8, 0, utf8.length);
    }

    /** The {@link #hash(byte[])} of the {@code length} bytes from {@code from}. */
    static int hash(byte[] utf8, int from, int length) {
        int h = 1;
        for (int i = from, end = from + length; i < end; i++) {
            h = 31 * h + utf8[i];
        }
        return h;
    }

    /** The UTF-8 bytes of a text, or {@code null}. */
    static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
