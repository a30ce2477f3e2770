package dev.oktaentra.ldap.testing;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The slice of the Active Directory schema the migration touches, merged over UnboundID's standard schema. The OIDs
 * are AD's own. Binary attributes use {@code octetStringMatch}, so byte-exact equality filters and value deletes
 * work; {@code computer} is a subclass of {@code user}, as in AD, so {@code (objectClass=user)} matches computers.
 *
 * <p>The attributes Entra Connect's out-of-box rules read are defined as AD and Exchange define them:
 * <ul>
 *   <li>{@code isCriticalSystemObject}: Boolean, single-valued, 1.2.840.113556.1.4.868
 *       (Is-Critical-System-Object, https://learn.microsoft.com/windows/win32/adschema/a-iscriticalsystemobject);</li>
 *   <li>{@code displayName}: String(Unicode), single-valued (Display-Name,
 *       https://learn.microsoft.com/windows/win32/adschema/a-displayname); AD's OID is 1.2.840.113556.1.2.13, but the
 *       standard schema's {@code displayName} (2.16.840.1.113730.3.1.241) is kept, being already a single-valued
 *       directory string, so that the name keeps one definition;</li>
 *   <li>{@code mailNickname} and {@code msExchRecipientTypeDetails} belong to Exchange's schema extension, not to
 *       AD's base schema (the adschema reference has no page for them): ms-Exch-Mail-Nickname, a single-valued
 *       Unicode string, and ms-Exch-Recipient-Type-Details, a single-valued LargeInteger (syntax 2.5.5.16,
 *       https://learn.microsoft.com/windows/win32/adschema/s-largeinteger), 1.2.840.113556.1.4.7000.102.50855 as
 *       Exchange's setup files define it. The mailNickname OID, 1.2.840.113556.1.2.447, was seen in no Microsoft
 *       page; it names the attribute here only.</li>
 * </ul>
 */
final class AdSchema {

    private static final String DIRECTORY_STRING = "1.3.6.1.4.1.1466.115.121.1.15";
    private static final String OCTET_STRING = "1.3.6.1.4.1.1466.115.121.1.40";
    private static final String DN = "1.3.6.1.4.1.1466.115.121.1.12";
    private static final String BOOLEAN = "1.3.6.1.4.1.1466.115.121.1.7";
    private static final String INTEGER = "1.3.6.1.4.1.1466.115.121.1.27";

    private static final String LDIF = String.join("\n",
            "dn: cn=schema",
            "objectClass: top",
            "objectClass: ldapSubentry",
            "objectClass: subschema",
            "cn: schema",
            binary("1.2.840.113556.1.4.2", "objectGUID"),
            binary("1.2.840.113556.1.4.1360", "mS-DS-ConsistencyGuid"),
            binary("1.2.840.113556.1.4.7000.102.11058", "msExchMailboxGuid"),
            text("1.2.840.113556.1.4.656", "userPrincipalName", true),
            text("1.2.840.113556.1.4.221", "sAMAccountName", true),
            text("1.2.840.113556.1.2.210", "proxyAddresses", false),
            text("1.2.840.113556.1.4.35", "employeeID", true),
            text("1.2.840.113556.1.2.423", "extensionAttribute1", true),
            text("1.2.840.113556.1.4.619", "dNSHostName", true),
            text("1.2.840.113556.1.2.447", "mailNickname", true),
            "attributeTypes: ( 1.2.840.113556.1.4.868 NAME 'isCriticalSystemObject' EQUALITY booleanMatch SYNTAX "
                    + BOOLEAN + " SINGLE-VALUE )",
            "attributeTypes: ( 1.2.840.113556.1.4.7000.102.50855 NAME 'msExchRecipientTypeDetails' EQUALITY"
                    + " integerMatch SYNTAX " + INTEGER + " SINGLE-VALUE )",
            // AD's mail is a single-valued Unicode string; the standard schema's is multi-valued IA5.
            "attributeTypes: ( 0.9.2342.19200300.100.1.3 NAME ( 'mail' 'rfc822Mailbox' ) EQUALITY caseIgnoreMatch"
                    + " SUBSTR caseIgnoreSubstringsMatch SYNTAX " + DIRECTORY_STRING + " SINGLE-VALUE )",
            "attributeTypes: ( 1.2.840.113556.1.4.782 NAME 'objectCategory' EQUALITY distinguishedNameMatch SYNTAX "
                    + DN + " SINGLE-VALUE )",
            "objectClasses: ( 1.2.840.113556.1.5.9 NAME 'user' SUP organizationalPerson STRUCTURAL MAY ( objectGUID"
                    + " $ mS-DS-ConsistencyGuid $ userPrincipalName $ sAMAccountName $ proxyAddresses $ mail"
                    + " $ employeeID $ employeeNumber $ objectCategory $ msExchMailboxGuid $ extensionAttribute1"
                    + " $ displayName $ givenName $ isCriticalSystemObject $ mailNickname"
                    + " $ msExchRecipientTypeDetails ) )",
            "objectClasses: ( 1.2.840.113556.1.3.30 NAME 'computer' SUP user STRUCTURAL MAY dNSHostName )",
            "objectClasses: ( 1.2.840.113556.1.3.23 NAME 'container' SUP top STRUCTURAL MUST cn"
                    + " MAY ( objectGUID $ objectCategory ) )");

    private AdSchema() {
    }

    /** The standard schema with the AD definitions above merged over it. */
    static Schema schema() {
        try {
            Schema ad = Schema.getSchema(new ByteArrayInputStream(LDIF.getBytes(StandardCharsets.UTF_8)));
            return Schema.mergeSchemas(Schema.getDefaultStandardSchema(), ad);
        } catch (IOException | LDIFException | LDAPException e) {
            throw new IllegalStateException("the built-in AD schema does not parse", e);
        }
    }

    private static String binary(String oid, String name) {
        return "attributeTypes: ( " + oid + " NAME '" + name + "' EQUALITY octetStringMatch SYNTAX " + OCTET_STRING
                + " SINGLE-VALUE )";
    }

    private static String text(String oid, String name, boolean singleValued) {
        return "attributeTypes: ( " + oid + " NAME '" + name + "' EQUALITY caseIgnoreMatch SUBSTR"
                + " caseIgnoreSubstringsMatch SYNTAX " + DIRECTORY_STRING + (singleValued ? " SINGLE-VALUE" : "")
                + " )";
    }
}
