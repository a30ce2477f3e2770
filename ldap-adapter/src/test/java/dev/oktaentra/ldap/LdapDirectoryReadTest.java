package dev.oktaentra.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.Attributes;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.directory.RejectedRecordException;
import dev.oktaentra.ldap.testing.InMemoryActiveDirectory;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading through the real SDK from the in-memory AD: paging, scope, computers, binary values, rejects, look-ups. */
class LdapDirectoryReadTest {

    private static InMemoryActiveDirectory ad;
    private static List<OnPremUser> staff;
    private static List<OnPremUser> sales;
    private static OnPremUser withBinaries;
    private static OnPremUser literalStar;

    @BeforeAll
    static void seed() {
        ad = InMemoryActiveDirectory.builder().organizationalUnits("Staff", "Sales", "Disabled").start();
        staff = ad.seedUsers("Staff", 10_000);
        sales = ad.seedUsers("Sales", 50);
        ad.seedUsers("Disabled", 20);
        ad.addComputer("Staff", "WS0001");
        ad.addComputer("Sales", "WS0002");
        byte[] mailboxGuid = new byte[16];
        new SplittableRandom(7).nextBytes(mailboxGuid);
        mailboxGuid[0] = 0;
        mailboxGuid[1] = (byte) 0xff;
        withBinaries = ad.addUser(ad.newUser("OU=EMEA,OU=Sales," + ad.domainDn(), "binary.jane")
                .consistencyGuid(ObjectGuid.parse("3ab39606-c642-489b-84b6-58c038d3ef39"))
                .attributes(Attributes.builder().add("employeeID", "4711").add("msExchMailboxGuid", mailboxGuid)
                        .add("extensionAttribute1", "Zoë Åström").build())
                .build());
        literalStar = ad.addUser(ad.newUser("Sales", "star").userPrincipalName("st*r@contoso.com").build());
    }

    @AfterAll
    static void stop() {
        ad.close();
    }

    private static LdapSettings.Builder settings() {
        return ad.plaintextSettings().searchBases(List.of(ad.ouDn("Staff")));
    }

    /** A search of the whole domain returns a continuation reference, as AD's does; the adapter passes over it. */
    @Test
    void records_fromTheDomainRoot_passOverTheContinuationReference() {
        try (LdapDirectory directory = LdapDirectory.connect(ad.plaintextSettings()
                .searchBases(List.of(ad.domainDn())).pageSize(3_000).build());
                Stream<OnPremUser> users = directory.users()) {
            assertThat(users.count()).isEqualTo(staff.size() + sales.size() + 20 + 2);
        }
    }

    @Test
    void records_returnsEveryEntryExactlyOnceAcrossPages() {
        long searchesBefore = ad.searchRequestCount();
        try (LdapDirectory directory = LdapDirectory.connect(settings().pageSize(250).build());
                Stream<OnPremUser> users = directory.users()) {
            Map<ObjectGuid, OnPremUser> read = new HashMap<>();
            users.forEach(user -> assertThat(read.put(user.objectGuid(), user)).as("read twice").isNull());

            assertThat(read).hasSize(10_000);
            for (OnPremUser expected : staff) {
                assertThat(read.get(expected.objectGuid())).isEqualTo(expected);
            }
        }
        // 10,000 / 250 = 40 pages, plus the root DSE read at connect.
        assertThat(ad.searchRequestCount() - searchesBefore).isBetween(40L, 42L);
    }

    @Test
    void records_fetchAtMostOnePageAheadOfTheConsumer() {
        try (LdapDirectory directory = LdapDirectory.connect(ad.plaintextSettings()
                .searchBases(List.of(ad.ouDn("Sales"))).pageSize(10).poolSize(1).build())) {
            long before = ad.searchRequestCount();
            try (Stream<DirectoryRecord<OnPremUser>> records = directory.records()) {
                assertThat(ad.searchRequestCount() - before).isZero();
                Iterator<DirectoryRecord<OnPremUser>> it = records.iterator();
                for (int i = 0; i < 15; i++) {
                    it.next();
                }
                // Pages 1 and 2 were taken; page 3 is requested (asynchronously) when page 2 arrives, no more.
                assertThat(ad.searchRequestCount() - before).isBetween(2L, 3L);
            }
            // Closing early awaited page 3, abandoned the search (page size 0) and returned the connection.
            assertThat(ad.searchRequestCount() - before).isEqualTo(4);
            try (Stream<OnPremUser> again = directory.users()) {
                assertThat(again.count()).isEqualTo(sales.size() + 2);
            }
        }
    }

    @Test
    void records_readOnlyTheSelectedOusIncludingNestedOnes() {
        try (LdapDirectory directory = LdapDirectory.connect(ad.plaintextSettings()
                .searchBases(List.of(ad.ouDn("Sales"))).build());
                Stream<OnPremUser> users = directory.users()) {
            List<String> dns = users.map(OnPremUser::distinguishedName).toList();

            assertThat(dns).hasSize(sales.size() + 2)
                    .allMatch(dn -> dn.endsWith("OU=Sales," + ad.domainDn()))
                    .contains(withBinaries.distinguishedName(), literalStar.distinguishedName());
        }
    }

    @Test
    void records_excludeComputersThoughTheyAreUsers() {
        try (LdapDirectory directory = LdapDirectory.connect(ad.plaintextSettings()
                .searchBases(List.of(ad.ouDn("Sales"), ad.ouDn("Disabled"))).build());
                Stream<OnPremUser> users = directory.users()) {
            assertThat(users.map(OnPremUser::samAccountName)).hasSize(sales.size() + 2 + 20)
                    .noneMatch(sam -> sam.endsWith("$"));
        }
        assertThat(ad.entry("CN=WS0002," + ad.ouDn("Sales")).getObjectClassValues()).contains("user", "computer");
    }

    @Test
    void records_roundTripBinaryValuesAndCarryTheDomain() {
        OnPremUser read;
        try (LdapDirectory directory = LdapDirectory.connect(ad.plaintextSettings()
                .extraAttributes("msExchMailboxGuid", "extensionAttribute1").binaryAttributes("msExchMailboxGuid")
                .build())) {
            read = directory.findByObjectGuid(withBinaries.objectGuid()).orElseThrow().orElseThrow();
        }

        assertThat(read.consistencyGuid()).isEqualTo(withBinaries.consistencyGuid());
        assertThat(read.consistencyGuid().toImmutableId().value()).isEqualTo("BpazOkLGm0iEtljAONPvOQ==");
        assertThat(read.attributes().first("msExchMailboxGuid").orElseThrow().bytes())
                .isEqualTo(withBinaries.attributes().first("msExchMailboxGuid").orElseThrow().bytes());
        assertThat(read.attributes().first("msExchMailboxGuid").orElseThrow().isText()).isFalse();
        assertThat(read.attributes().first("extensionAttribute1")).contains(AttributeValue.ofString("Zoë Åström"));
        assertThat(read.attributes().first("employeeID")).contains(AttributeValue.ofString("4711"));
        assertThat(read.origin()).isEqualTo("contoso.com");
    }

    @Test
    void records_rejectEntriesWhoseGuidsAreNotSixteenBytes() {
        try (InMemoryActiveDirectory broken = InMemoryActiveDirectory.start()) {
            broken.seedUsers("Staff", 3);
            broken.add(userEntry(broken, "short.guid", new Attribute("objectGUID", new byte[15])));
            broken.add(userEntry(broken, "odd.consistency", new Attribute("objectGUID", new byte[16]),
                    new Attribute("mS-DS-ConsistencyGuid", new byte[] {1, 2, 3})));
            try (LdapDirectory directory = LdapDirectory.connect(broken.plaintextSettings().build());
                    Stream<DirectoryRecord<OnPremUser>> records = directory.records()) {
                List<DirectoryRecord<OnPremUser>> all = records.toList();

                assertThat(all).hasSize(5);
                assertThat(all).filteredOn(r -> r instanceof DirectoryRecord.Rejected<OnPremUser>)
                        .map(r -> (DirectoryRecord.Rejected<OnPremUser>) r)
                        .satisfiesExactlyInAnyOrder(
                                r -> {
                                    assertThat(r.location()).isEqualTo("CN=short.guid,OU=Staff,DC=contoso,DC=com");
                                    assertThat(r.identity()).isEqualTo("short.guid");
                                    assertThat(r.reason()).contains("objectGUID", "15 bytes", "16");
                                    assertThat(r.source()).isEqualTo(directory.name());
                                },
                                r -> assertThat(r.reason()).contains("mS-DS-ConsistencyGuid", "'010203'", "3 bytes"));
            }
            try (LdapDirectory directory = LdapDirectory.connect(broken.plaintextSettings().build());
                    Stream<OnPremUser> users = directory.users()) {
                assertThatThrownBy(users::toList).isInstanceOf(RejectedRecordException.class);
            }
        }
    }

    @Test
    void findByObjectGuid_usesABinaryFilterWithinScope() {
        try (LdapDirectory directory = LdapDirectory.connect(settings().build())) {
            OnPremUser someone = staff.get(1234);

            assertThat(directory.findByObjectGuid(someone.objectGuid())).contains(new DirectoryRecord.Usable<>(someone));
            assertThat(directory.findByObjectGuid(sales.get(0).objectGuid())).as("outside the OUs").isEmpty();
            assertThat(directory.findByObjectGuid(ObjectGuid.parse("00000000-0000-0000-0000-000000000000")))
                    .isEmpty();
        }
    }

    @Test
    void findByUserPrincipalName_cannotBeWidenedByFilterCharacters() {
        try (LdapDirectory directory = LdapDirectory.connect(ad.plaintextSettings().build())) {
            assertThat(directory.findByUserPrincipalName("a*)(uid=*")).isEmpty();
            assertThat(directory.findByUserPrincipalName("*")).isEmpty();
            assertThat(directory.findByUserPrincipalName("user000001@contoso.com)(|(userPrincipalName=*")).isEmpty();
            assertThat(directory.findByUserPrincipalName("st*r@contoso.com"))
                    .map(DirectoryRecord::orElseThrow).map(OnPremUser::samAccountName).contains("star");
            assertThat(directory.findByUserPrincipalName("USER000002@CONTOSO.COM"))
                    .map(DirectoryRecord::orElseThrow).contains(staff.get(1));
        }
    }

    @Test
    void findByUserPrincipalName_reportsDuplicatesInsteadOfPickingOne() {
        try (InMemoryActiveDirectory twins = InMemoryActiveDirectory.start()) {
            twins.addUser(twins.newUser("Staff", "jane").build());
            twins.addUser(twins.newUser("Staff", "jane2").userPrincipalName("jane@contoso.com").build());
            try (LdapDirectory directory = LdapDirectory.connect(twins.plaintextSettings().build())) {
                assertThatThrownBy(() -> directory.findByUserPrincipalName("jane@contoso.com"))
                        .hasMessageContaining("more than one object")
                        .hasMessageContaining("CN=jane,OU=Staff").hasMessageContaining("CN=jane2,OU=Staff");
            }
        }
    }

    @Test
    void records_afterClose_isRefused() {
        LdapDirectory directory = LdapDirectory.connect(settings().build());
        directory.close();

        assertThatThrownBy(directory::records).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void name_showsServerAndDomainButNoCredentials() {
        try (LdapDirectory directory = LdapDirectory.connect(settings().build())) {
            assertThat(directory.name()).isEqualTo("ldap://localhost:" + ad.ldapPort() + " (contoso.com)");
            assertThat(directory.domains()).containsExactly("contoso.com");
        }
    }

    static Entry userEntry(InMemoryActiveDirectory directory, String name, Attribute... more) {
        Entry entry = new Entry("CN=" + name + "," + directory.ouDn("Staff"),
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("cn", name), new Attribute("sn", name), new Attribute("sAMAccountName", name));
        for (Attribute attribute : more) {
            entry.addAttribute(attribute);
        }
        return entry;
    }
}
