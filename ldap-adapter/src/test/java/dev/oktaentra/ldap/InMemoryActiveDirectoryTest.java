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

    @Test
    void close_deletesTheGeneratedKeyMaterial() {
        InMemoryActiveDirectory ad = InMemoryActiveDirectory.start();
        Path trustStore = ad.trustStore();
        assertThat(trustStore).exists();

        ad.close();

        assertThat(Files.exists(trustStore)).isFalse();
    }
}
