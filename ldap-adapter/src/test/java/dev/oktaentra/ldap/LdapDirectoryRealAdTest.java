package dev.oktaentra.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.ldap.testing.RealActiveDirectory;
import dev.oktaentra.ldap.testing.RealAdSeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter reading a real Active Directory: Samba 4 as a domain controller ({@code .ci/samba-ad}), whose schema,
 * paging and continuation references are AD's and not ours. The 10,000 seeded users are read once, over LDAPS
 * verified against the DC's CA, while the SDK's own debug log counts the pages asked for: Samba, unlike AD, does
 * not cap an unpaged search at 1,000 results (AD's {@code MaxPageSize}, Microsoft KB315071, "How to view and set
 * LDAP policy in Active Directory by using Ntdsutil.exe"), so only the page count proves the adapter pages.
 */
class LdapDirectoryRealAdTest {

    private static RealActiveDirectory dc;
    private static RealAdSeed seed;
    private static Map<String, OnPremUser> read;
    private static List<DirectoryRecord<OnPremUser>> rejected;
    private static Map<String, List<String>> requestsByBase;
    private static Path export;

    @BeforeAll
    static void readTheSeed() {
        dc = RealActiveDirectory.fromEnvironment().orElse(null);
        if (dc == null) {
            return;
        }
        seed = dc.seed();
        read = new HashMap<>();
        try (LdapTraffic traffic = LdapTraffic.listen();
                LdapDirectory ad = LdapDirectory.connect(dc.ldapsSettings().searchBases(seed.searchBases()).build());
                Stream<DirectoryRecord<OnPremUser>> records = ad.records()) {
            Map<Boolean, List<DirectoryRecord<OnPremUser>>> byKind = records
                    .collect(Collectors.partitioningBy(r -> r instanceof DirectoryRecord.Usable));
            rejected = byKind.get(false);
            for (DirectoryRecord<OnPremUser> record : byKind.get(true)) {
                OnPremUser user = ((DirectoryRecord.Usable<OnPremUser>) record).user();
                read.put(user.samAccountName().toLowerCase(Locale.ROOT), user);
            }
            requestsByBase = seed.searchBases().stream()
                    .collect(Collectors.toMap(base -> base, traffic::searchRequests));
        }
    }

    /** One line on every test saying how to run it, when no DC is configured (and none is required). */
    @BeforeEach
    void requireTheRealAd() {
        assumeTrue(dc != null, RealActiveDirectory.HOW_TO_RUN);
    }

    @Test
    void records_readTheTenThousandUsers_pageByPage_fromEachSelectedOu() {
        assertThat(rejected).isEmpty();
        assertThat(read).hasSize(RealAdSeed.USERS);
        assertThat(read.values()).allSatisfy(user -> assertThat(user.origin()).isEqualTo(seed.domainName()));
        assertThat(read.keySet()).as("computers are users in AD, and left out").noneMatch(sam -> sam.endsWith("$"));
        for (String base : seed.searchBases()) {
            int users = seed.usersUnder(base);
            int pages = (users + LdapSettings.DEFAULT_PAGE_SIZE - 1) / LdapSettings.DEFAULT_PAGE_SIZE;
            assertThat(read.values().stream().filter(u -> u.distinguishedName().endsWith("," + base)))
                    .as(base).hasSize(users);
            assertThat(requestsByBase.get(base)).as("page requests under " + base).hasSize(pages)
                    .allSatisfy(request -> assertThat(request)
                            .contains("SimplePagedResultsControl(pageSize=" + LdapSettings.DEFAULT_PAGE_SIZE));
        }
    }

    @Test
    void records_fromTheDomainRoot_passOverTheContinuationReferences() {
        Map<String, String> everyone = dc.tools().ldbsearchGuidText(dc.domainDn());
        everyone.keySet().removeIf(sam -> sam.endsWith("$"));
        Map<String, String> found = new HashMap<>();

        try (LdapTraffic traffic = LdapTraffic.listen();
                LdapDirectory ad = LdapDirectory.connect(dc.ldapsSettings().searchBase(dc.domainDn()).build());
                Stream<OnPremUser> users = ad.users()) {
            users.forEach(u -> found.put(u.samAccountName().toLowerCase(Locale.ROOT), u.objectGuid().toString()));

            assertThat(traffic.references()).as("AD refers a subtree search of the domain to the configuration"
                    + " partition").anySatisfy(reference -> assertThat(reference).contains("CN=Configuration,"));
        }
        assertThat(found).containsAllEntriesOf(everyone).hasSameSizeAs(everyone)
                .containsKeys("administrator", "guest", "krbtgt");
    }

    /**
     * Samba, as AD, marks krbtgt {@code isCriticalSystemObject: TRUE}, by which Entra Connect's out-of-box rules leave
     * it out ("IsPresent([isCriticalSystemObject])", concept-azure-ad-connect-sync-default-configuration); the users
     * the seed added carry no such flag.
     */
    @Test
    void records_markKrbtgtAsACriticalSystemObject_andNoSeededUser() {
        try (LdapDirectory ad = LdapDirectory.connect(dc.ldapsSettings().searchBase("CN=Users," + dc.domainDn())
                .userFilter("(&(objectClass=user)(sAMAccountName=krbtgt))").build());
                Stream<OnPremUser> users = ad.users()) {
            OnPremUser krbtgt = users.findFirst().orElseThrow();
            assertThat(krbtgt.samAccountName()).isEqualToIgnoringCase("krbtgt");
            assertThat(krbtgt.criticalSystemObject()).isTrue();
        }
        assertThat(read.values()).noneMatch(OnPremUser::criticalSystemObject);
    }

    /**
     * Two oracles no code here wrote: Samba's {@code ldbsearch} prints each objectGUID as GUID text (its own
     * mixed-endian decoding), and OpenLDAP's {@code ldapsearch} prints the stored bytes in Base64, which is the
     * ImmutableID by definition ("Base64 of objectGUID": Microsoft, "Migrate Okta sync provisioning to Microsoft
     * Entra Connect", https://learn.microsoft.com/entra/identity/hybrid/connect/migrate-okta-sync-provisioning).
     */
    @Test
    void objectGuid_asAnImmutableId_isWhatSambasOwnToolsReport() {
        Map<String, String> guidText = dc.tools().ldbsearchGuidText(seed.parentDn());
        guidText.keySet().removeIf(sam -> sam.endsWith("$"));
        Map<String, String> base64 = LdapsearchOutput.base64ObjectGuids(export());

        assertThat(guidText).hasSize(RealAdSeed.USERS);
        assertThat(base64).hasSize(RealAdSeed.USERS);
        assertThat(read).allSatisfy((sam, user) -> {
            assertThat(user.objectGuid().toString()).as(sam).isEqualTo(guidText.get(sam));
            assertThat(user.objectGuid().toImmutableId().value()).as(sam).isEqualTo(base64.get(sam));
        });
        for (int number : new int[] {1, 7_000, RealAdSeed.USERS}) {
            String sam = RealAdSeed.samAccountName(number);
            assertThat(read.get(sam).objectGuid().toString()).as(sam)
                    .isEqualTo(dc.tools().sambaToolGuidText(sam));
        }
    }

    @Test
    void ldifDirectory_readsTheLdapsearchExport_asLdapReadsTheDirectory() {
        Map<String, OnPremUser> fromFile = new HashMap<>();
        try (LdifDirectory file = LdifDirectory.open(export());
                Stream<DirectoryRecord<OnPremUser>> records = file.records()) {
            records.forEach(record -> {
                assertThat(record).isInstanceOf(DirectoryRecord.Usable.class);
                OnPremUser user = ((DirectoryRecord.Usable<OnPremUser>) record).user();
                fromFile.put(user.samAccountName().toLowerCase(Locale.ROOT), user);
            });
        }

        assertThat(fromFile).hasSize(RealAdSeed.USERS);
        assertThat(fromFile).allSatisfy((sam, user) -> assertThat(user).as(sam).isEqualTo(read.get(sam)));
        OnPremUser noMail = fromFile.get(RealAdSeed.samAccountName(RealAdSeed.NO_MAIL_EVERY));
        assertThat(noMail.mail()).isNull();
        assertThat(noMail.attributes().first("employeeID")).hasValueSatisfying(
                id -> assertThat(id.asString()).isEqualTo("E00500"));
    }

    /**
     * A stream closed mid-way ends its paged search with a page size of 0 (RFC 2696 section 3), which the DC accepts,
     * and the one pooled connection serves the next search from the start; Samba, as AD, keeps a paged search's state
     * per connection.
     */
    @Test
    void records_closedAfterAPageAndOneEntry_endThePagedSearch_andTheConnectionServesTheNext() {
        String staff = seed.searchBases().get(0);
        try (LdapTraffic traffic = LdapTraffic.listen();
                LdapDirectory ad = LdapDirectory.connect(dc.ldapsSettings().searchBase(staff).poolSize(1).build())) {
            for (int i = 0; i < 3; i++) {
                try (Stream<OnPremUser> users = ad.users()) {
                    assertThat(users.limit(LdapSettings.DEFAULT_PAGE_SIZE + 1).count())
                            .isEqualTo(LdapSettings.DEFAULT_PAGE_SIZE + 1);
                }
            }
            try (Stream<OnPremUser> users = ad.users()) {
                assertThat(users.count()).isEqualTo(seed.usersUnder(staff));
            }
            assertThat(traffic.resultsOf(staff, "SimplePagedResultsControl(pageSize=0,")).hasSize(3)
                    .allSatisfy(result -> assertThat(result).startsWith("SearchResult(resultCode=0 (success)"));
        }
    }

    @Test
    void records_underAnOuThatIsNotThere_failNamingTheOu() {
        String missing = "OU=Stafff," + seed.parentDn();
        try (LdapDirectory ad = LdapDirectory.connect(dc.ldapsSettings().searchBase(missing).build())) {
            assertThatThrownBy(() -> {
                try (Stream<OnPremUser> users = ad.users()) {
                    users.count();
                }
            }).isInstanceOf(LdapDirectoryException.class).hasMessageContaining(missing)
                    .hasMessageContaining("result 32 (no such object)");
        }
    }

    /** The seed exported once with OpenLDAP's ldapsearch, paged, over LDAPS. */
    private static synchronized Path export() {
        if (export == null) {
            try {
                Path dir = Files.createTempDirectory("oktaentra-real-ad-");
                dir.toFile().deleteOnExit();
                export = dc.tools().ldapsearchExport(seed.parentDn(), dir.resolve("seed.ldif"));
                export.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return export;
    }
}
