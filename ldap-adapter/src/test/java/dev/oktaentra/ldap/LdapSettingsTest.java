package dev.oktaentra.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LdapSettingsTest {

    private static final String PASSWORD = "S3cret-Pa55!";
    private static final String STORE_PASSWORD = "St0re-Pa55!";

    private static LdapSettings.Builder valid() {
        return LdapSettings.builder().host("dc1.contoso.com").bind("svc-sync@contoso.com", Secret.of(PASSWORD))
                .searchBase("OU=Staff,DC=Contoso,DC=com");
    }

    @Test
    void build_defaultsToLdapsWithTheSafeDefaults() {
        LdapSettings settings = valid().build();

        assertThat(settings.security()).isEqualTo(LdapSecurity.LDAPS);
        assertThat(settings.port()).isEqualTo(LdapSettings.DEFAULT_LDAPS_PORT);
        assertThat(settings.pageSize()).isEqualTo(1000);
        assertThat(settings.poolSize()).isEqualTo(LdapSettings.DEFAULT_POOL_SIZE);
        assertThat(settings.userFilter()).isEqualTo("(&(objectClass=user)(!(objectClass=computer)))");
        assertThat(settings.trustStore()).isEmpty();
        assertThat(settings.backFillAttributes()).containsExactly("mail");
        assertThat(settings.domain()).isEqualTo("contoso.com");
        assertThat(settings.url()).isEqualTo("ldaps://dc1.contoso.com:636");
    }

    @Test
    void build_usesPort389ForStartTlsAndPlaintextUnlessAPortIsGiven() {
        assertThat(valid().startTls().build().port()).isEqualTo(389);
        assertThat(valid().host("localhost").allowPlaintextOnLoopback().build().port()).isEqualTo(389);
        assertThat(valid().startTls().port(3268).build().port()).isEqualTo(3268);
    }

    @Test
    void allowPlaintextOnLoopback_refusesAHostThatIsNotLoopback() {
        assertThatThrownBy(() -> valid().allowPlaintextOnLoopback().build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'ldap://dc1.contoso.com:389'").hasMessageContaining("loopback");
        assertThatThrownBy(() -> valid().host("10.0.0.5").port(3389).allowPlaintextOnLoopback().build())
                .hasMessageContaining("'ldap://10.0.0.5:3389'").hasMessageContaining("loopback");
        assertThatThrownBy(() -> valid().host("127.0.0.1.nip.io").allowPlaintextOnLoopback().build())
                .hasMessageContaining("loopback");
        assertThat(valid().host("127.0.0.1").allowPlaintextOnLoopback().build().security())
                .isEqualTo(LdapSecurity.PLAINTEXT);
        assertThat(valid().host("::1").allowPlaintextOnLoopback().build().url()).isEqualTo("ldap://[::1]:389");
    }

    @Test
    void toString_neverShowsEitherPassword(@TempDir Path dir) throws Exception {
        Path store = Files.write(dir.resolve("trust.p12"), new byte[] {1});
        LdapSettings.Builder builder = valid().trustStore(store, Secret.of(STORE_PASSWORD));

        assertThat(builder.toString()).doesNotContain(PASSWORD).doesNotContain(STORE_PASSWORD);
        assertThat(builder.build().toString()).doesNotContain(PASSWORD).doesNotContain(STORE_PASSWORD)
                .contains("password=(redacted)", "svc-sync@contoso.com", "OU=Staff,DC=Contoso,DC=com");
    }

    @Test
    void bind_handsOutCopiesOfThePasswordSoTheAdapterCanWipeThem() {
        LdapSettings settings = valid().bind("svc-sync@contoso.com", Secret.of(PASSWORD)).build();
        char[] copy = settings.password();
        java.util.Arrays.fill(copy, '*');

        assertThat(new String(settings.password())).isEqualTo(PASSWORD);
    }

    @Test
    void bind_refusesAMissingPasswordBecauseAnEmptyOneWouldBindAnonymously() {
        assertThatThrownBy(() -> valid().bind("svc-sync@contoso.com", null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unauthenticated bind")
                .satisfies(e -> assertThat(((ConfigurationException) e).setting()).isEqualTo("bind"));
        assertThatThrownBy(() -> Secret.of(new char[0])).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void bind_refusesAnIdentityThatIsNeitherDnNorUpn() {
        assertThatThrownBy(() -> valid().bind("svc-sync", Secret.of(PASSWORD)))
                .hasMessageContaining("'svc-sync'").hasMessageContaining("neither a DN");
        assertThatThrownBy(() -> valid().bind("CN=svc,,DC=x", Secret.of(PASSWORD)))
                .hasMessageContaining("not a valid DN");
        assertThat(valid().bind("CONTOSO\\svc-sync", Secret.of(PASSWORD)).build().bindIdentity())
                .isEqualTo("CONTOSO\\svc-sync");
    }

    @Test
    void host_refusesAUrlAndNamesTheRightMethods() {
        assertThatThrownBy(() -> valid().host("ldaps://dc1.contoso.com"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'ldaps://dc1.contoso.com'")
                .hasMessageContaining("ldaps(), startTls() or allowPlaintextOnLoopback()");
        assertThatThrownBy(() -> valid().host(" ")).hasMessageContaining("host is required");
    }

    @Test
    void build_refusesNestedSearchBasesThatWouldReadUsersTwice() {
        assertThatThrownBy(() -> valid().searchBase("OU=EMEA,OU=Staff,DC=contoso,DC=com").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'OU=EMEA,OU=Staff,DC=contoso,DC=com' is inside 'OU=Staff,DC=Contoso,DC=com'");
    }

    @Test
    void build_refusesSearchBasesInTwoDomains() {
        assertThatThrownBy(() -> valid().searchBase("OU=Staff,DC=fabrikam,DC=com").build())
                .hasMessageContaining("contoso.com and fabrikam.com").hasMessageContaining("LdapDirectory.connect(List)");
    }

    @Test
    void build_needsADomainWhenTheBasesHaveNoDomainComponents() {
        assertThatThrownBy(() -> valid().searchBases(List.of("O=Contoso")).build())
                .hasMessageContaining("no DC= components");
        assertThat(valid().searchBases(List.of("O=Contoso")).domain("contoso.com").build().domain())
                .isEqualTo("contoso.com");
    }

    @Test
    void build_requiresHostBindAndSearchBase() {
        assertThatThrownBy(() -> LdapSettings.builder().bind("a@b", Secret.of(PASSWORD)).searchBase("DC=b")
                .build()).hasMessageContaining("host is required");
        assertThatThrownBy(() -> LdapSettings.builder().host("dc1").searchBase("DC=b").build())
                .hasMessageContaining("anonymous");
        assertThatThrownBy(() -> LdapSettings.builder().host("dc1").bind("a@b", Secret.of(PASSWORD)).build())
                .hasMessageContaining("searchBase");
    }

    @Test
    void setters_refuseOutOfRangeValuesNamingThem() {
        assertThatThrownBy(() -> valid().pageSize(0)).hasMessageContaining("pageSize 0");
        assertThatThrownBy(() -> valid().pageSize(20_000)).hasMessageContaining("pageSize 20000");
        assertThatThrownBy(() -> valid().poolSize(0)).hasMessageContaining("poolSize 0");
        assertThatThrownBy(() -> valid().port(70_000)).hasMessageContaining("port 70000");
        assertThatThrownBy(() -> valid().connectTimeout(Duration.ZERO)).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> valid().responseTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("responseTimeout");
        assertThatThrownBy(() -> valid().searchBase("not a dn")).hasMessageContaining("'not a dn'");
    }

    @Test
    void userFilter_mustParse() {
        assertThatThrownBy(() -> valid().userFilter("(objectClass=user"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'(objectClass=user'");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
        "(objectClass=user => it has 1 '(' but 0 ')': the '(' at character 1 is never closed",
        "(&(objectClass=user)(!(objectClass=computer)) => it has 4 '(' but 3 ')': the '(' at character 1 is never "
                + "closed",
        "(objectClass=user)) => the ')' at character 19 closes nothing (it has 1 '(' but 2 ')')",
        "(objectClass=user)(mail=*) => a second filter follows the first, which ends at character 18; combine "
                + "filters with (&(…)(…)) or (|(…)(…))",
        "(cn=a\\zz) => an hexadecimal value included non-hexadecimal character 'z' at character 7",
        "(=x) => the component starting at character 1 has an empty attribute description",
        "\"\" => it is too short to be a valid filter",
    })
    void userFilter_saysWhatIsWrongAndWhere(String filter, String reason) {
        assertThatThrownBy(() -> valid().userFilter(filter)).isInstanceOf(ConfigurationException.class)
                .hasMessage("userFilter " + dev.oktaentra.core.OktaEntraException.quote(filter)
                        + " is not an LDAP filter: " + reason);
    }

    @Test
    void attributeNames_mustBeAttributeNames() {
        assertThatThrownBy(() -> valid().extraAttributes("employee number"))
                .hasMessageContaining("'employee number'");
        assertThatThrownBy(() -> valid().backFillAttributes("objectGUID")).hasMessageContaining("never is");
        assertThat(valid().extraAttributes("extensionAttribute1", "msDS-cloudExtensionAttribute1").build()
                .extraAttributes()).containsExactly("extensionAttribute1", "msDS-cloudExtensionAttribute1");
    }

    @Test
    void trustStore_mustBeAReadableFile(@TempDir Path dir) {
        assertThatThrownBy(() -> valid().trustStore(dir.resolve("missing.p12"), null))
                .hasMessageContaining("missing.p12").hasMessageContaining("not a readable file");
    }
}
