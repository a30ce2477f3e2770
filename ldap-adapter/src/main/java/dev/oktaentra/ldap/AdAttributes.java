package dev.oktaentra.ldap;

/** Active Directory attribute names (their {@code lDAPDisplayName}s) that the adapter reads and writes. */
final class AdAttributes {

    static final String USER_PRINCIPAL_NAME = "userPrincipalName";
    static final String SAM_ACCOUNT_NAME = "sAMAccountName";
    static final String MAIL = "mail";
    static final String PROXY_ADDRESSES = "proxyAddresses";
    static final String EMPLOYEE_ID = "employeeID";
    static final String DISPLAY_NAME = "displayName";
    /** Boolean; AD sets it on krbtgt, the built-in accounts and other objects a DC cannot do without. */
    static final String IS_CRITICAL_SYSTEM_OBJECT = "isCriticalSystemObject";
    /** Exchange's alias (ms-Exch-Mail-Nickname); only in a forest with Exchange's schema extension. */
    static final String MAIL_NICKNAME = "mailNickname";
    /** Exchange's recipient type, a 64-bit integer (ms-Exch-Recipient-Type-Details); Exchange schema only. */
    static final String RECIPIENT_TYPE_DETAILS = "msExchRecipientTypeDetails";
    static final String OBJECT_CLASS = "objectClass";

    private AdAttributes() {
    }
}
