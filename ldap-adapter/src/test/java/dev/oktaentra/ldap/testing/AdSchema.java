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
 */
final class AdSchema {

    private static final String DIRECTORY_STRING = "1.3.6.1.4.1.1466.115.121.1.15";
    private static final String OCTET_STRING = "1.3.6.1.4.1.1466.115.121.1.40";
    private static final String DN = "1.3.6.1.4.1.1466.115.121.1.12";

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
            // AD's mail is a single-valued Unicode string; the standard schema's is multi-valued IA5.
            "attributeTypes: ( 0.9.2342.19200300.100.1.3 NAME ( 'mail' 'rfc822Mailbox' ) EQUALITY caseIgnoreMatch"
                    + " SUBSTR caseIgnoreSubstringsMatch SYNTAX " + DIRECTORY_STRING + " SINGLE-VALUE )",
            "attributeTypes: ( 1.2.840.113556.1.4.782 NAME 'objectCategory' EQUALITY distinguishedNameMatch SYNTAX "
                    + DN + " SINGLE-VALUE )",
            "objectClasses: ( 1.2.840.113556.1.5.9 NAME 'user' SUP organizationalPerson STRUCTURAL MAY ( objectGUID"
                    + " $ mS-DS-ConsistencyGuid $ userPrincipalName $ sAMAccountName $ proxyAddresses $ mail"
                    + " $ employeeID $ employeeNumber $ objectCategory $ msExchMailboxGuid $ extensionAttribute1"
                    + " $ displayName $ givenName ) )",
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
