package dev.oktaentra.ldap;

/** Active Directory attribute names (their {@code lDAPDisplayName}s) that the adapter reads and writes. */
final class AdAttributes {

    static final String USER_PRINCIPAL_NAME = "userPrincipalName";
    static final String SAM_ACCOUNT_NAME = "sAMAccountName";
    static final String MAIL = "mail";
    static final String PROXY_ADDRESSES = "proxyAddresses";
    static final String EMPLOYEE_ID = "employeeID";
    static final String OBJECT_CLASS = "objectClass";

    private AdAttributes() {
    }
}
