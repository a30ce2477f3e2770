package dev.oktaentra.core.directory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One value of a directory attribute, binary-safe: an octet string such as {@code objectGUID} and a text such as
 * {@code mail} are both held as bytes (text as UTF-8). Immutable; equal by bytes.
 */
public final class AttributeValue {

    private final byte[] bytes;
    private final boolean text;

    private AttributeValue(byte[] bytes, boolean text) {
        this.bytes = bytes;
        this.text = text;
    }

    /**
     * A text value.
     *
     * @param value the text
     * @return the value
     */
    public static AttributeValue ofString(String value) {
        return new AttributeValue(Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * A binary value.
     *
     * @param value the raw bytes; copied
     * @return the value
     */
    public static AttributeValue ofBytes(byte[] value) {
        return new AttributeValue(Objects.requireNonNull(value, "value").clone(), false);
    }

    /**
     * The raw bytes (UTF-8 for a text value).
     *
     * @return a copy
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The value as text: the string itself, or the bytes decoded as UTF-8 for a binary value.
     *
     * @return the text
     */
    public String asString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Whether this value was created from text.
     *
     * @return true for {@link #ofString} values
     */
    public boolean isText() {
        return text;
    }

    /**
     * Number of bytes.
     *
     * @return the length
     */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttributeValue that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The text for a text value, {@code base64:…} for a binary one, so that logs never carry raw bytes. */
    @Override
    public String toString() {
        return text ? asString() : "base64:" + Base64.getEncoder().encodeToString(bytes);
    }
}
