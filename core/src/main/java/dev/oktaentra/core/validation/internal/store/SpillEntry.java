package dev.oktaentra.core.validation.internal.store;

import dev.oktaentra.core.anchor.ObjectGuid;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One entry of a {@link Spill} as a {@link SpillReader} reads it, reused from entry to entry: a record that could not
 * be read ({@link #isInvalid()}), or an on-prem user, whose texts stay the bytes they are in the file so that the
 * report can write them as they are instead of making strings of them. A range is {@code null} text when its length is
 * negative. The reader fills the fields.
 */
public final class SpillEntry {
    byte[] bytes = new byte[512];
    int used;
    Spill.Invalid invalid;
    int upnFrom;
    int upnLength;
    int dnFrom;
    int dnLength;
    int expectedFrom;
    int expectedLength;
    final byte[] guid = new byte[ObjectGuid.LENGTH];
    String source;

    /**
     * Whether this entry is a record that could not be read; the user's accessors do not apply then.
     *
     * @return true for an unreadable record
     */
    public boolean isInvalid() {
        return invalid != null;
    }

    /**
     * The record that could not be read.
     *
     * @return the record, or {@code null} when this entry is a user
     */
    public Spill.Invalid invalid() {
        return invalid;
    }

    /**
     * The array the user's ranges are of.
     *
     * @return the array; valid until the next entry is read into this
     */
    public byte[] bytes() {
        return bytes;
    }

    /**
     * Where the UPN starts in {@link #bytes()}.
     *
     * @return the offset
     */
    public int upnFrom() {
        return upnFrom;
    }

    /**
     * How many bytes the UPN has.
     *
     * @return the length; negative when there is none
     */
    public int upnLength() {
        return upnLength;
    }

    /**
     * Where the DN starts in {@link #bytes()}.
     *
     * @return the offset
     */
    public int dnFrom() {
        return dnFrom;
    }

    /**
     * How many bytes the DN has.
     *
     * @return the length; negative when there is none
     */
    public int dnLength() {
        return dnLength;
    }

    /**
     * Where the expected ImmutableID starts in {@link #bytes()}.
     *
     * @return the offset
     */
    public int expectedFrom() {
        return expectedFrom;
    }

    /**
     * How many bytes the expected ImmutableID has.
     *
     * @return the length; negative when it was not spilled (it is the objectGUID's)
     */
    public int expectedLength() {
        return expectedLength;
    }

    /**
     * The UPN.
     *
     * @return the text, or {@code null}
     */
    public String upn() {
        return text(upnFrom, upnLength);
    }

    /**
     * The DN.
     *
     * @return the text, or {@code null}
     */
    public String dn() {
        return text(dnFrom, dnLength);
    }

    /**
     * The objectGUID.
     *
     * @return the GUID
     */
    public ObjectGuid objectGuid() {
        return ObjectGuid.of(guid);
    }

    /**
     * The ImmutableID the user yields: the one spilled, else its objectGUID's.
     *
     * @return the text
     */
    public String expectedImmutableId() {
        return expectedLength >= 0 ? text(expectedFrom, expectedLength) : objectGuid().toImmutableId().value();
    }

    /**
     * The file or directory the user came from.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    private String text(int from, int length) {
        return length < 0 ? null : new String(bytes, from, length, StandardCharsets.UTF_8);
    }

    /** Room for {@code length} more bytes; returns where they go. */
    int reserve(int length) {
        if (used + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + length));
        }
        int at = used;
        used += length;
        return at;
    }
}
