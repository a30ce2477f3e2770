package dev.oktaentra.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.ldap.testing.InMemoryActiveDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attributes Entra Connect's out-of-box rules leave objects out by (concept-azure-ad-connect-sync-default-
 * configuration, "User out-of-box rules") and the display name a takeover copies, read over LDAP and from ldifde.
 */
class ScopeAttributesReadTest {

    @TempDir
    Path dir;

    @Test
    void records_readCriticalSystemObjectsExchangeAttributesAndTheDisplayName() {
        try (InMemoryActiveDirectory ad = InMemoryActiveDirectory.builder().organizationalUnits("Staff").start()) {
            ad.addUser(ad.newUser("Staff", "krbtgt").userPrincipalName(null).mail(null).proxyAddresses(List.of())
                    .criticalSystemObject(true).build());
            ad.addUser(ad.newUser("Staff", "SM_1f05a927").mailNickname("SystemMailbox{1f05a927}")
                    .recipientTypeDetails(8_388_608L).displayName("Microsoft System Attendant").build());
            ad.addUser(ad.newUser("Staff", "jane").displayName("Doe, Jane").mailNickname("jane")
                    .recipientTypeDetails(1L).build());

            Map<String, OnPremUser> users;
            try (LdapDirectory directory = LdapDirectory.connect(ad.plaintextSettings()
                    .searchBases(List.of(ad.ouDn("Staff"))).build());
                    Stream<OnPremUser> read = directory.users()) {
                users = read.collect(Collectors.toMap(OnPremUser::samAccountName, Function.identity()));
            }

            assertThat(users.get("krbtgt").criticalSystemObject()).isTrue();
            assertThat(users.get("krbtgt").userPrincipalName()).isNull();
            assertThat(users.get("SM_1f05a927").mailNickname()).isEqualTo("SystemMailbox{1f05a927}");
            assertThat(users.get("SM_1f05a927").recipientTypeDetails()).isEqualTo(8_388_608L);
            assertThat(users.get("jane").criticalSystemObject()).isFalse();
            assertThat(users.get("jane").displayName()).isEqualTo("Doe, Jane");
            assertThat(users.get("jane").recipientTypeDetails()).isEqualTo(1L);
            assertThat(users.values()).allSatisfy(u -> assertThat(u.attributes().names())
                    .as("read into the model, not as extra attributes").doesNotContain("displayName",
                            "isCriticalSystemObject", "mailNickname", "msExchRecipientTypeDetails"));
        }
    }

    @Test
    void inMemoryAd_holdsTheAttributesAsAdDefinesThem_singleValuedBooleanAndInteger() {
        try (InMemoryActiveDirectory ad = InMemoryActiveDirectory.builder().organizationalUnits("Staff").start()) {
            OnPremUser jane = ad.addUser(ad.newUser("Staff", "jane").criticalSystemObject(true)
                    .recipientTypeDetails(1L).build());

            Entry entry = ad.entry(jane.distinguishedName());

            assertThat(entry.getAttributeValue("isCriticalSystemObject")).isEqualTo("TRUE");
            assertThat(entry.getAttributeValueAsLong("msExchRecipientTypeDetails")).isEqualTo(1L);
            for (String name : List.of("isCriticalSystemObject", "msExchRecipientTypeDetails", "mailNickname",
                    "displayName")) {
                assertThatThrownBy(() -> ad.replace(jane.distinguishedName(), name, "1", "2")).as(name)
                        .hasMessageContaining("single-valued");
            }
            assertThatThrownBy(() -> ad.add(new Entry("CN=bad," + ad.ouDn("Staff"),
                    new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                    new Attribute("cn", "bad"), new Attribute("sn", "bad"),
                    new Attribute("objectGUID", ObjectGuid.parse("3ab39606-c642-489b-84b6-58c038d3ef39").bytes()),
                    new Attribute("isCriticalSystemObject", "yes"))))
                    .as("a Boolean is TRUE or FALSE").hasMessageContaining("isCriticalSystemObject");
        }
    }

    @Test
    void ldifde_criticalFlagAndRecipientType_areRead_andABrokenOneIsRejectedWithItsLine() throws IOException {
        Path file = dir.resolve("export.ldf");
        Files.writeString(file, String.join("\r\n",
                "dn: CN=krbtgt,CN=Users,DC=contoso,DC=com",
                "changetype: add",
                "objectClass: user",
                "objectGUID:: BpazOkLGm0iEtljAONPvOQ==",
                "sAMAccountName: krbtgt",
                "isCriticalSystemObject: TRUE",
                "",
                "dn: CN=Box,CN=Users,DC=contoso,DC=com",
                "changetype: add",
                "objectClass: user",
                "objectGUID:: OrOWBsZCSJuEtljAONPvOQ==",
                "sAMAccountName: box",
                "msExchRecipientTypeDetails: UserMailbox",
                "", ""), StandardCharsets.UTF_8);

        List<DirectoryRecord<OnPremUser>> records;
        try (Stream<DirectoryRecord<OnPremUser>> read = LdifDirectory.open(file).records()) {
            records = read.collect(Collectors.toList());
        }

        assertThat(records.get(0).orElseThrow().criticalSystemObject()).isTrue();
        assertThat(records.get(1)).isInstanceOfSatisfying(DirectoryRecord.Rejected.class, r -> {
            assertThat(r.location()).isEqualTo("line 8");
            assertThat(r.reason()).isEqualTo("msExchRecipientTypeDetails is 'UserMailbox'; Exchange writes a 64-bit"
                    + " integer");
        });
    }
}
