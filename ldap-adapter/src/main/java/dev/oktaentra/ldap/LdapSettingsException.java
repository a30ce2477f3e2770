package dev.oktaentra.ldap;

import dev.oktaentra.core.OktaEntraException;

/**
 * A setting given to {@link LdapSettings.Builder} is unusable; the message names the setting and the value
 * (shortened), never a password.
 */
public final class LdapSettingsException extends OktaEntraException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which setting, what value and what is wrong with it
     */
    public LdapSettingsException(String message) {
        super(message);
    }
}
