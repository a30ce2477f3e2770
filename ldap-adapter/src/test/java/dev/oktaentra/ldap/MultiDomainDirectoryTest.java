package dev.oktaentra.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.ldap.testing.InMemoryActiveDirectory;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two forests read as one on-premises directory, each user keeping its domain. */
class MultiDomainDirectoryTest {

    private static InMemoryActiveDirectory contoso;
    private static InMemoryActiveDirectory fabrikam;

    @BeforeAll
    static void start() {
        contoso = InMemoryActiveDirectory.builder().domain("contoso.com").start();
        fabrikam = InMemoryActiveDirectory.builder().domain("fabrikam.com").seed(99).start();
        contoso.seedUsers("Staff", 30);
        fabrikam.seedUsers("Staff", 20);
    }

    @AfterAll
    static void stop() {
        contoso.close();
        fabrikam.close();
    }

    private static LdapDirectory both() {
        return LdapDirectory.connect(List.of(contoso.ldapsSettings().build(), fabrikam.startTlsSettings().build()));
    }

    @Test
    void records_comeFromEveryDomainEachWithItsOrigin() {
        try (LdapDirectory directory = both(); Stream<OnPremUser> users = directory.users()) {
            Map<String, Long> perDomain = users.collect(Collectors.groupingBy(OnPremUser::origin,
                    Collectors.counting()));

            assertThat(perDomain).containsExactlyInAnyOrderEntriesOf(Map.of("contoso.com", 30L, "fabrikam.com", 20L));
            assertThat(directory.domains()).containsExactly("contoso.com", "fabrikam.com");
            assertThat(directory.name()).contains("(contoso.com), ldap://").endsWith("(fabrikam.com)");
        }
    }

    @Test
    void lookUpsAndWrites_reachTheDomainThatHoldsTheUser() {
        try (LdapDirectory directory = both()) {
            OnPremUser user = directory.findByUserPrincipalName("user000005@fabrikam.com").orElseThrow()
                    .orElseThrow();

            var results = directory.writer().write(List.of(new AttributeWrite(user.distinguishedName(),
                    "mS-DS-ConsistencyGuid", null, AttributeValue.ofBytes(user.objectGuid().bytes()))));

            assertThat(user.origin()).isEqualTo("fabrikam.com");
            assertThat(results.get(0).status()).isEqualTo(WriteStatus.APPLIED);
            assertThat(fabrikam.entry(user.distinguishedName()).getAttributeValueBytes("mS-DS-ConsistencyGuid"))
                    .isEqualTo(user.objectGuid().bytes());
        }
    }

    @Test
    void connect_refusesTheSameDomainTwice() {
        assertThatThrownBy(() -> LdapDirectory.connect(List.of(contoso.ldapsSettings().build(),
                contoso.startTlsSettings().build())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("contoso.com is given twice");
    }

    @Test
    void connect_failsWholeWhenOneDomainIsUnreachable() {
        InMemoryActiveDirectory gone = InMemoryActiveDirectory.builder().domain("gone.example").start();
        LdapSettings goneSettings = gone.plaintextSettings().build();
        gone.close();

        assertThatThrownBy(() -> LdapDirectory.connect(List.of(contoso.ldapsSettings().build(), goneSettings)))
                .isInstanceOf(LdapDirectoryException.class).hasMessageContaining("(gone.example)")
                .hasMessageContaining("cannot connect");
    }
}
