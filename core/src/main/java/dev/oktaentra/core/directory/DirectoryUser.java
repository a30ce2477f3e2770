package dev.oktaentra.core.directory;

import java.util.List;

/**
 * What an on-prem and a cloud user have in common, so that one match rule can read either side.
 */
public sealed interface DirectoryUser permits OnPremUser, CloudUser {

    /**
     * The UPN.
     *
     * @return the UPN, or {@code null} when an on-prem user has none
     */
    String userPrincipalName();

    /**
     * The mail address.
     *
     * @return the address, or {@code null}
     */
    String mail();

    /**
     * The display name, which a takeover copies from on-premises to the cloud.
     *
     * @return the name, or {@code null}
     */
    String displayName();

    /**
     * The proxy addresses.
     *
     * @return the values, never null
     */
    List<String> proxyAddresses();

    /**
     * Further attributes, case-insensitive by name.
     *
     * @return the attributes, never null
     */
    Attributes attributes();

    /**
     * The primary SMTP address.
     *
     * @return the address without its {@code SMTP:} prefix, or {@code null}
     */
    String primarySmtpAddress();
}
