package dev.oktaentra.core.migration;

/**
 * What a {@link ChangeKind} read back from a change's target, to settle a write whose answer was lost.
 *
 * @param readable whether the target could be read at all
 * @param value the value it holds, as the change's text; {@code null} when empty (or when not readable)
 */
public record ReadBack(boolean readable, String value) {

    private static final ReadBack UNREADABLE = new ReadBack(false, null);

    /**
     * Checks that an unreadable target carries no value.
     *
     * @param readable whether the target could be read at all
     * @param value the value it holds, as the change's text; {@code null} when empty (or when not readable)
     */
    public ReadBack {
        if (!readable && value != null) {
            throw new IllegalArgumentException("An unreadable target has no value, got " + value);
        }
    }

    /**
     * A value read.
     *
     * @param value the value as text, {@code null} for empty
     * @return the read-back
     */
    public static ReadBack of(String value) {
        return new ReadBack(true, value);
    }

    /**
     * The target cannot be read (no port reads it, or the read failed too).
     *
     * @return the read-back
     */
    public static ReadBack unreadable() {
        return UNREADABLE;
    }
}
