package dev.oktaentra.core.settings;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A password, API token, client secret, private key or key-store password, held as characters so that it can be
 * cleared, and never printed: {@link #toString()} is {@code [redacted]}. Every adapter takes its secrets as this
 * type.
 *
 * <pre>{@code
 * Secret token = Secret.fromEnvironment("OKTAENTRA_OKTA_API_TOKEN");
 * Secret password = Secret.of(console.readPassword("LDAP password: "));   // copied; wipe your array afterwards
 * }</pre>
 *
 * <p>Two secrets are equal only when they are the same object, so that comparing them never compares the text.
 * The SDKs keep what they were given as a {@link String} for the life of their client; that is outside this
 * library's reach.
 */
public final class Secret {

    /** What an environment variable's name may look like; anything else is probably a pasted secret. */
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private final char[] value;
    private volatile boolean cleared;

    private Secret(char[] value) {
        this.value = value;
    }

    /**
     * Wraps a secret.
     *
     * @param value the characters; copied, so the caller may wipe its array
     * @return the secret
     * @throws ConfigurationException when {@code value} is null or empty
     */
    public static Secret of(char[] value) {
        if (value == null || value.length == 0) {
            throw new ConfigurationException("secret", "A secret is missing (null or empty).");
        }
        return new Secret(value.clone());
    }

    /**
     * Wraps a secret given as a string.
     *
     * @param value the text
     * @return the secret
     * @throws ConfigurationException when {@code value} is null or empty
     */
    public static Secret of(String value) {
        if (value == null) {
            throw new ConfigurationException("secret", "A secret is missing (null or empty).");
        }
        return of(value.toCharArray());
    }

    /**
     * Reads a secret from an environment variable, the way to keep it off command lines and out of files.
     *
     * @param variable the variable's name, e.g. {@code OKTAENTRA_LDAP_PASSWORD}
     * @return the secret
     * @throws ConfigurationException naming the variable (never a value) when the name is not a variable name, or
     *         the variable is not set or empty
     */
    public static Secret fromEnvironment(String variable) {
        if (variable == null || !VARIABLE.matcher(variable).matches()) {
            // A value that is not a variable name may be the secret itself, pasted by mistake: do not repeat it.
            throw new ConfigurationException("variable", "The name of the environment variable holding a secret is "
                    + (variable == null ? "missing" : "not a variable name (letters, digits and _; not shown)") + ".");
        }
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw new ConfigurationException(variable, "The environment variable " + variable + " is "
                    + (value == null ? "not set" : "set but empty") + "; it should hold a secret.");
        }
        return of(value);
    }

    /**
     * The secret as text, for the one SDK call that needs it. Do not keep or log the result.
     *
     * @return the text
     * @throws IllegalStateException when the secret was cleared
     */
    public String reveal() {
        return new String(chars0());
    }

    /**
     * A copy of the characters, for an SDK call that takes an array; wipe it after use.
     *
     * @return a fresh array
     * @throws IllegalStateException when the secret was cleared
     */
    public char[] chars() {
        return chars0().clone();
    }

    private char[] chars0() {
        if (cleared) {
            throw new IllegalStateException("This secret was cleared; create it again to use it.");
        }
        return value;
    }

    /**
     * Overwrites the held characters with zeros; {@link #reveal()} and {@link #chars()} throw afterwards. A client
     * already built from the secret keeps working.
     */
    public void clear() {
        cleared = true;
        Arrays.fill(value, '\0');
    }

    /**
     * Whether {@link #clear()} was called.
     *
     * @return true once cleared
     */
    public boolean isCleared() {
        return cleared;
    }

    /**
     * Always {@code [redacted]}.
     *
     * @return {@code [redacted]}
     */
    @Override
    public String toString() {
        return "[redacted]";
    }

    /**
     * Identity: two secrets are equal only when they are one object.
     *
     * @param other another object
     * @return {@code this == other}
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    /**
     * The identity hash, never derived from the text.
     *
     * @return the identity hash
     */
    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
