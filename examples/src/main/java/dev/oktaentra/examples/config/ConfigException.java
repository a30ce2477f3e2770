package dev.oktaentra.examples.config;

import dev.oktaentra.core.OktaEntraException;

/**
 * A configuration file that cannot be used, or a secret that cannot be had: the message names the file, the setting
 * (as a path such as {@code onPrem.ldap.port}) and what is wrong, and never a secret's value.
 */
public final class ConfigException extends OktaEntraException {

    private static final long serialVersionUID = 1L;

    /**
     * A configuration error with a message only.
     *
     * @param message what is wrong, and where
     */
    public ConfigException(String message) {
        super(message);
    }

    /**
     * A configuration error caused by another failure.
     *
     * @param message what is wrong, and where
     * @param cause the underlying failure; its message must not carry a secret either
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
