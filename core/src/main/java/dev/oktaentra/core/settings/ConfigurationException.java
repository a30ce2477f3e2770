package dev.oktaentra.core.settings;

import dev.oktaentra.core.OktaEntraException;

/**
 * A setting given to a settings builder is missing or unusable. Every adapter's builder throws this one type; the
 * message names the setting and the bad value (shortened with {@link #quote(CharSequence)}), never a secret.
 *
 * <pre>{@code
 * LdapSettings.builder().port(0)   // ConfigurationException: port 0 is outside 1..65535
 * }</pre>
 */
public class ConfigurationException extends OktaEntraException {

    private static final long serialVersionUID = 1L;

    /** The setting that is wrong, as {@link #setting()} returns it. */
    private final String setting;

    /**
     * An exception about one setting.
     *
     * @param setting the setting's name as the builder spells it, e.g. {@code pageSize}
     * @param message the whole message: the setting, the value and what is wrong with it; never a secret
     */
    public ConfigurationException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /**
     * An exception about one setting, caused by another (e.g. a URL that does not parse).
     *
     * @param setting the setting's name
     * @param message the whole message, never a secret
     * @param cause what went wrong underneath
     */
    public ConfigurationException(String setting, String message, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    /**
     * The setting that is wrong.
     *
     * @return its name as the builder spells it, e.g. {@code baseUrl}
     */
    public String setting() {
        return setting;
    }
}
