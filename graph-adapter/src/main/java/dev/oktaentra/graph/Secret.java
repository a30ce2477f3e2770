package dev.oktaentra.graph;

import java.util.Arrays;
import java.util.Objects;

/**
 * A client secret, certificate password or access token, held as characters so that it can be wiped, and never
 * printed: {@link #toString()} shows {@code [redacted]}.
 */
public final class Secret {

    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    /**
     * Wraps a secret.
     *
     * @param value the characters; copied, so the caller may wipe its array
     * @return the secret
     * @throws IllegalArgumentException when {@code value} is empty
     */
    public static Secret of(char[] value) {
        Objects.requireNonNull(value, "value");
        if (value.length == 0) {
            throw new IllegalArgumentException("A secret must not be empty");
        }
        return new Secret(value.clone());
    }

    /**
     * Wraps a secret given as a string, e.g. read from an environment variable.
     *
     * @param value the text
     * @return the secret
     * @throws IllegalArgumentException when {@code value} is empty
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        return of(value.toCharArray());
    }

    /**
     * The secret as text, for the one SDK call that needs it. Do not keep or log the result.
     *
     * @return the text
     */
    public String reveal() {
        return new String(value);
    }

    /** Overwrites the held characters; the secret is unusable afterwards. */
    public void wipe() {
        Arrays.fill(value, '\0');
    }

    /** Always {@code [redacted]}. */
    @Override
    public String toString() {
        return "[redacted]";
    }
}
