package dev.oktaentra.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.ldap.testing.InMemoryActiveDirectory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compare-and-set writes, against a server like AD (value-level guards only) and one that also honours the RFC 4528
 * assertion control: the outcomes must be the same.
 */
class LdapWriterTest {

    private static final String CONSISTENCY = "mS-DS-ConsistencyGuid";
    private static final ObjectGuid OTHER = ObjectGuid.parse("8c4ac332-975f-4717-ad7b-ba4a4e968fff");
    private static final ObjectGuid THIRD = ObjectGuid.parse("56d352bc-dd5a-4480-bc39-cc297ef49faf");
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static Map<Boolean, InMemoryActiveDirectory> servers;
    private static Map<Boolean, LdapDirectory> directories;

    @BeforeAll
    static void start() {
        servers = Map.of(false, InMemoryActiveDirectory.builder().organizationalUnits("Staff", "Elsewhere").start(),
                true, InMemoryActiveDirectory.builder().organizationalUnits("Staff", "Elsewhere")
                        .withAssertionControl().start());
        directories = Map.of(false, connect(servers.get(false)), true, connect(servers.get(true)));
    }

    private static LdapDirectory connect(InMemoryActiveDirectory ad) {
        return LdapDirectory.connect(ad.plaintextSettings().searchBases(List.of(ad.ouDn("Staff")))
                .backFillAttributes("mail", "dNSHostName").build());
    }

    @AfterAll
    static void stop() {
        directories.values().forEach(LdapDirectory::close);
        servers.values().forEach(InMemoryActiveDirectory::close);
    }

    private static OnPremUser newUser(boolean assertion, ObjectGuid consistency, String mail) {
        InMemoryActiveDirectory ad = servers.get(assertion);
        return ad.addUser(ad.newUser("Staff", "w" + NAMES.incrementAndGet()).consistencyGuid(consistency).mail(mail)
                .build());
    }

    private static WriteResult write(boolean assertion, AttributeWrite write) {
        List<WriteResult> results = directories.get(assertion).writer().write(List.of(write));
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private static byte[] stored(boolean assertion, OnPremUser user, String attribute) {
        Entry entry = servers.get(assertion).entry(user.distinguishedName());
        return entry.getAttributeValueBytes(attribute);
    }

    private static AttributeWrite setGuid(OnPremUser user, ObjectGuid before, ObjectGuid after) {
        return new AttributeWrite(user.distinguishedName(), CONSISTENCY,
                before == null ? null : AttributeValue.ofBytes(before.bytes()),
                after == null ? null : AttributeValue.ofBytes(after.bytes()));
    }

    @ParameterizedTest(name = "assertion control {0}")
    @ValueSource(booleans = {false, true})
    void write_setsTheConsistencyGuidWhereEmpty(boolean assertion) {
        OnPremUser user = newUser(assertion, null, null);

        WriteResult result = write(assertion, setGuid(user, null, user.objectGuid()));

        assertThat(result.status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(result.observed()).isNull();
        assertThat(result.message()).isEmpty();
        assertThat(stored(assertion, user, CONSISTENCY)).isEqualTo(user.objectGuid().bytes());
        assertThat(directories.get(assertion).findByObjectGuid(user.objectGuid()).orElseThrow().orElseThrow()
                .consistencyGuid()).isEqualTo(user.objectGuid());
    }

    @ParameterizedTest(name = "assertion control {0}")
    @ValueSource(booleans = {false, true})
    void write_repeatedAfterACrash_isAlreadyApplied(boolean assertion) {
        OnPremUser user = newUser(assertion, null, null);
        AttributeWrite write = setGuid(user, null, user.objectGuid());
        write(assertion, write);

        WriteResult again = write(assertion, write);

        assertThat(again.status()).isEqualTo(WriteStatus.ALREADY_APPLIED);
        assertThat(again.succeeded()).isTrue();
        assertThat(again.observed()).isEqualTo(AttributeValue.ofBytes(user.objectGuid().bytes()));
    }

    @ParameterizedTest(name = "assertion control {0}")
    @ValueSource(booleans = {false, true})
    void write_refusesWhenValueChangedUnderneath(boolean assertion) {
        OnPremUser user = newUser(assertion, null, null);
        servers.get(assertion).replace(user.distinguishedName(), CONSISTENCY, OTHER.bytes());

        WriteResult result = write(assertion, setGuid(user, null, user.objectGuid()));

        assertThat(result.status()).isEqualTo(WriteStatus.CONFLICT);
        assertThat(result.observed()).isEqualTo(AttributeValue.ofBytes(OTHER.bytes()));
        assertThat(result.message()).contains("(empty)", OTHER.toString(), "not written");
        assertThat(stored(assertion, user, CONSISTENCY)).isEqualTo(OTHER.bytes());
    }

    @ParameterizedTest(name = "assertion control {0}")
    @ValueSource(booleans = {false, true})
    void write_replacesOnlyTheValueThePlanSaw(boolean assertion) {
        OnPremUser user = newUser(assertion, OTHER, null);
        OnPremUser changed = newUser(assertion, OTHER, null);
        servers.get(assertion).replace(changed.distinguishedName(), CONSISTENCY, THIRD.bytes());

        List<WriteResult> results = directories.get(assertion).writer().write(List.of(
                setGuid(user, OTHER, user.objectGuid()), setGuid(changed, OTHER, changed.objectGuid())));

        assertThat(results).extracting(WriteResult::status).containsExactly(WriteStatus.APPLIED, WriteStatus.CONFLICT);
        assertThat(stored(assertion, user, CONSISTENCY)).isEqualTo(user.objectGuid().bytes());
        assertThat(stored(assertion, changed, CONSISTENCY)).isEqualTo(THIRD.bytes());
        assertThat(results.get(1).observed()).isEqualTo(AttributeValue.ofBytes(THIRD.bytes()));
    }

    @ParameterizedTest(name = "assertion control {0}")
    @ValueSource(booleans = {false, true})
    void write_inverseRemovesTheValueToRestoreAnEmptyAttribute(boolean assertion) {
        OnPremUser user = newUser(assertion, null, null);
        AttributeWrite write = setGuid(user, null, user.objectGuid());
        write(assertion, write);

        WriteResult undone = write(assertion, write.inverse());
        WriteResult undoneAgain = write(assertion, write.inverse());

        assertThat(undone.status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(stored(assertion, user, CONSISTENCY)).isNull();
        assertThat(undoneAgain.status()).isEqualTo(WriteStatus.ALREADY_APPLIED);
    }

    @ParameterizedTest(name = "assertion control {0}")
    @ValueSource(booleans = {false, true})
    void write_backFillsMailOnlyWhereEmpty(boolean assertion) {
        OnPremUser empty = newUser(assertion, null, null);
        OnPremUser filled = newUser(assertion, null, "kept@contoso.com");

        List<WriteResult> results = directories.get(assertion).writer().write(List.of(
                new AttributeWrite(empty.distinguishedName(), "mail", null, AttributeValue.ofString("new@contoso.com")),
                new AttributeWrite(filled.distinguishedName(), "mail", AttributeValue.ofString("kept@contoso.com"),
                        AttributeValue.ofString("new@contoso.com"))));

        assertThat(results).extracting(WriteResult::status).containsExactly(WriteStatus.APPLIED, WriteStatus.REFUSED);
        assertThat(results.get(1).message()).contains("only where empty");
        assertThat(servers.get(assertion).entry(empty.distinguishedName()).getAttributeValue("mail"))
                .isEqualTo("new@contoso.com");
        assertThat(servers.get(assertion).entry(filled.distinguishedName()).getAttributeValue("mail"))
                .isEqualTo("kept@contoso.com");
    }

    @ParameterizedTest(name = "assertion control {0}")
    @ValueSource(booleans = {false, true})
    void write_backFillConflictsWhenSomeoneFilledTheAttributeFirst(boolean assertion) {
        OnPremUser user = newUser(assertion, null, null);
        servers.get(assertion).replace(user.distinguishedName(), "mail", "first@contoso.com");

        WriteResult result = write(assertion, new AttributeWrite(user.distinguishedName(), "mail", null,
                AttributeValue.ofString("mine@contoso.com")));

        assertThat(result.status()).isEqualTo(WriteStatus.CONFLICT);
        assertThat(result.observed()).isEqualTo(AttributeValue.ofString("first@contoso.com"));
        assertThat(result.message()).contains("'first@contoso.com'");
    }

    @Test
    void write_refusesWhatItDoesNotOwnWithoutContactingTheServer() {
        OnPremUser user = newUser(false, null, null);
        OnPremUser outside = servers.get(false).addUser(servers.get(false).newUser("Elsewhere", "out").build());
        DirectoryWriter writer = directories.get(false).writer();

        List<WriteResult> results = writer.write(List.of(
                new AttributeWrite(user.distinguishedName(), "userPrincipalName", null, AttributeValue.ofString("x")),
                new AttributeWrite(user.distinguishedName(), "objectGUID", null, AttributeValue.ofBytes(OTHER.bytes())),
                setGuid(outside, null, outside.objectGuid()),
                new AttributeWrite("not a dn", CONSISTENCY, null, AttributeValue.ofBytes(OTHER.bytes())),
                new AttributeWrite(user.distinguishedName(), CONSISTENCY, null, AttributeValue.ofBytes(new byte[3]))));

        assertThat(results).extracting(WriteResult::status).containsOnly(WriteStatus.REFUSED);
        assertThat(results.get(0).message()).contains("not writable", "[mS-DS-ConsistencyGuid, dNSHostName, mail]");
        assertThat(results.get(2).message()).contains("outside the OUs selected for sync");
        assertThat(results.get(3).message()).contains("'not a dn' is not a DN");
        assertThat(results.get(4).message()).contains("16 bytes");
        assertThat(stored(false, outside, CONSISTENCY)).isNull();
    }

    @Test
    void write_reportsTheDirectorysErrorAndCarriesOn() {
        OnPremUser user = newUser(false, null, null);
        String missing = "CN=nobody," + servers.get(false).ouDn("Staff");

        List<WriteResult> results = directories.get(false).writer().write(List.of(
                new AttributeWrite(missing, CONSISTENCY, null, AttributeValue.ofBytes(OTHER.bytes())),
                // The schema does not allow dNSHostName on a user: the server refuses with objectClassViolation.
                new AttributeWrite(user.distinguishedName(), "dNSHostName", null, AttributeValue.ofString("x")),
                setGuid(user, null, user.objectGuid())));

        assertThat(results).extracting(WriteResult::status)
                .containsExactly(WriteStatus.FAILED, WriteStatus.FAILED, WriteStatus.APPLIED);
        assertThat(results.get(0).message()).contains("no object " + missing, "result 32");
        assertThat(results.get(1).message()).contains("result 65 (object class violation)");
    }

    @Test
    void writableAttributes_areTheConsistencyGuidAndTheBackFills() {
        DirectoryWriter writer = directories.get(false).writer();

        assertThat(writer.writableAttributes()).containsExactly(CONSISTENCY, "dNSHostName", "mail");
        assertThat(writer.name()).isEqualTo(directories.get(false).name());
    }
}
