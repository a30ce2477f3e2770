package dev.oktaentra.ldap;

import dev.oktaentra.ldap.testing.InMemoryActiveDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import dev.oktaentra.core.directory.OnPremUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake behaves like a domain controller where the adapter depends on it. */
class InMemoryActiveDirectoryTest {

    @Test
    void seedUsers_sameSeedGivesTheSameGuids() {
        List<OnPremUser> first;
        List<OnPremUser> second;
        List<OnPremUser> other;
        try (InMemoryActiveDirectory a = InMemoryActiveDirectory.start()) {
            first = a.seedUsers("Staff", 3);
        }
        try (InMemoryActiveDirectory b = InMemoryActiveDirectory.start()) {
            second = b.seedUsers("Staff", 3);
        }
        try (InMemoryActiveDirectory c = InMemoryActiveDirectory.builder().seed(1).start()) {
            other = c.seedUsers("Staff", 3);
        }

        assertThat(second).isEqualTo(first);
        assertThat(other).extracting(OnPremUser::objectGuid)
                .doesNotContainAnyElementsOf(first.stream().map(OnPremUser::objectGuid).toList());
        assertThat(first.get(0).objectGuid().toUuid().version()).isEqualTo(4);
    }

    @Test
    void objectGuid_isAssignedOnAddAndNeverChanges() throws LDAPException {
        try (InMemoryActiveDirectory ad = InMemoryActiveDirectory.start(); LDAPConnection c = ad.connection()) {
            String dn = "CN=added,OU=Staff," + ad.domainDn();
            c.add(new Entry(dn, new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                    new Attribute("cn", "added"), new Attribute("sn", "added")));

            assertThat(ad.entry(dn).getAttributeValueBytes("objectGUID")).hasSize(16);
            assertThatThrownBy(() -> c.modify(dn, new Modification(ModificationType.REPLACE, "objectGUID",
                    new byte[16]))).isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.CONSTRAINT_VIOLATION));
        }
    }

    @Test
    void anonymousSearches_areRefusedAsInActiveDirectory() throws LDAPException {
        try (InMemoryActiveDirectory ad = InMemoryActiveDirectory.start();
                LDAPConnection anonymous = new LDAPConnection(ad.host(), ad.ldapPort())) {
            assertThatThrownBy(() -> anonymous.search(ad.domainDn(), SearchScope.SUB, "(objectClass=*)"))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
        }
    }

    @Test
    void pagedResultsCookies_belongToTheConnectionThatReceivedThem() throws LDAPException {
        try (InMemoryActiveDirectory ad = InMemoryActiveDirectory.start();
                LDAPConnection first = ad.connection(); LDAPConnection second = ad.connection()) {
            ad.seedUsers("Staff", 5);
            SearchRequest request = new SearchRequest(ad.ouDn("Staff"), SearchScope.SUB, "(objectClass=user)");
            request.setControls(new SimplePagedResultsControl(2, null, true));
            SearchResult page = first.search(request);
            ASN1OctetString cookie = SimplePagedResultsControl.get(page).getCookie();

            request.setControls(new SimplePagedResultsControl(2, cookie, true));
            assertThatThrownBy(() -> second.search(request)).isInstanceOfSatisfying(LDAPException.class,
                    e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.UNWILLING_TO_PERFORM));
            assertThat(page.getEntryCount()).isEqualTo(2);
            assertThat(first.search(request).getEntryCount()).isEqualTo(2);
        }
    }

    /**
     * A second value of a single-valued attribute is refused as a domain controller refuses it: Samba 4's DC answers
     * attributeOrValueExists (20) with {@code 0000200D} (ERROR_DS_ATTRIBUTE_OR_VALUE_EXISTS), measured by
     * {@code LdapWriterRealAdTest}; UnboundID's own server says objectClassViolation (65).
     */
    @Test
    void aSecondValueOfASingleValuedAttribute_isRefusedWithAttributeOrValueExists() throws LDAPException {
        try (InMemoryActiveDirectory ad = InMemoryActiveDirectory.start(); LDAPConnection c = ad.connection()) {
            String dn = ad.seedUsers("Staff", 1).get(0).distinguishedName();
            c.modify(dn, new Modification(ModificationType.ADD, "mS-DS-ConsistencyGuid", new byte[16]));

            for (Modification second : List.of(new Modification(ModificationType.ADD, "mail", "second@contoso.com"),
                    new Modification(ModificationType.ADD, "mS-DS-ConsistencyGuid", new byte[] {1, 2, 3}))) {
                assertThatThrownBy(() -> c.modify(dn, second)).isInstanceOfSatisfying(LDAPException.class, e -> {
                    assertThat(e.getResultCode()).isEqualTo(ResultCode.ATTRIBUTE_OR_VALUE_EXISTS);
                    assertThat(e.getDiagnosticMessage()).startsWith("0000200D: SINGLE-VALUE attribute "
                            + second.getAttributeName());
                });
            }
            c.modify(dn, new Modification(ModificationType.DELETE, "mail"),
                    new Modification(ModificationType.ADD, "mail", "replaced@contoso.com"));
            assertThat(ad.entry(dn).getAttributeValue("mail")).isEqualTo("replaced@contoso.com");
        }
    }

    /**
     * A search of the whole domain also returns a continuation reference to the configuration partition, as a DC's
     * does ([MS-ADTS] 3.1.1.4.7 "Continuations", https://msdn.microsoft.com/en-us/library/cc223420.aspx; "Referrals
     * (AD DS)", https://learn.microsoft.com/windows/win32/ad/referrals); a search of an OU does not.
     */
    @Test
    void aSearchOfTheWholeDomain_returnsAContinuationReferenceToTheConfigurationPartition() throws LDAPException {
        try (InMemoryActiveDirectory ad = InMemoryActiveDirectory.start(); LDAPConnection c = ad.connection()) {
            ad.seedUsers("Staff", 3);
            SearchRequest paged = new SearchRequest(ad.domainDn(), SearchScope.SUB, "(objectClass=user)", "1.1");
            paged.setControls(new SimplePagedResultsControl(2, null, true));

            for (SearchResult result : List.of(c.search(ad.domainDn(), SearchScope.SUB, "(objectClass=user)"),
                    c.search(paged))) {
                assertThat(result.getSearchReferences()).singleElement().satisfies(reference -> assertThat(
                        reference.getReferralURLs()).containsExactly("ldap://contoso.com/CN=Configuration,"
                                + ad.domainDn()));
            }
            assertThat(c.search(ad.ouDn("Staff"), SearchScope.SUB, "(objectClass=user)").getReferenceCount())
                    .isZero();
        }
    }

    @Test
    void close_deletesTheGeneratedKeyMaterial() {
        InMemoryActiveDirectory ad = InMemoryActiveDirectory.start();
        Path trustStore = ad.trustStore();
        assertThat(trustStore).exists();

        ad.close();

        assertThat(Files.exists(trustStore)).isFalse();
    }
}
