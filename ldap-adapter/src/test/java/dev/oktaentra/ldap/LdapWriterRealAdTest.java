package dev.oktaentra.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.ldap.testing.RealActiveDirectory;
import dev.oktaentra.ldap.testing.ScratchOu;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compare-and-set writes against a real Active Directory (Samba 4, {@code .ci/samba-ad}), which, like AD, offers no
 * RFC 4528 assertion control: the guard is the modify itself. Samba answers as AD does, {@code attributeOrValueExists}
 * (20, {@code 0000200D}) for a second value of a single-valued attribute and {@code noSuchAttribute} (16) for
 * deleting a value that is not there. Each test writes to users of its own in a scratch OU, deleted afterwards.
 */
class LdapWriterRealAdTest {

    private static final String CONSISTENCY = "mS-DS-ConsistencyGuid";
    private static final ObjectGuid OTHER = ObjectGuid.parse("8c4ac332-975f-4717-ad7b-ba4a4e968fff");
    private static final ObjectGuid THIRD = ObjectGuid.parse("56d352bc-dd5a-4480-bc39-cc297ef49faf");

    private static RealActiveDirectory dc;
    private static ScratchOu ou;
    private static LdapDirectory ad;

    @BeforeAll
    static void connect() {
        dc = RealActiveDirectory.fromEnvironment().orElse(null);
        if (dc == null) {
            return;
        }
        ou = dc.scratchOu("writes");
        ad = LdapDirectory.connect(dc.ldapsSettings().searchBase(ou.dn()).build());
    }

    /** One line on every test saying how to run it, when no DC is configured (and none is required). */
    @BeforeEach
    void requireTheRealAd() {
        assumeTrue(dc != null, RealActiveDirectory.HOW_TO_RUN);
    }

    @AfterAll
    static void clean() {
        if (ad != null) {
            ad.close();
        }
        if (ou != null) {
            ou.close();
        }
    }

    private static OnPremUser added(String name, String mail) {
        String dn = ou.addUser(name, mail);
        DirectoryRecord<OnPremUser> record = ad.findByUserPrincipalName(ou.samAccountName(name) + "@" + dc.domainName())
                .orElseThrow();
        OnPremUser user = ((DirectoryRecord.Usable<OnPremUser>) record).user();
        assertThat(user.distinguishedName()).isEqualTo(dn);
        return user;
    }

    private static WriteResult write(AttributeWrite write) {
        List<WriteResult> results = ad.writer().write(List.of(write));
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private static AttributeWrite guid(OnPremUser user, ObjectGuid before, ObjectGuid after) {
        return new AttributeWrite(user.distinguishedName(), CONSISTENCY,
                before == null ? null : AttributeValue.ofBytes(before.bytes()),
                after == null ? null : AttributeValue.ofBytes(after.bytes()));
    }

    @Test
    void consistencyGuid_writtenWhereEmpty_readsBackByteExact() {
        OnPremUser user = added("cas1", null);
        byte[] objectGuid = user.objectGuid().bytes();

        WriteResult result = write(guid(user, null, user.objectGuid()));

        assertThat(result.status()).as(result.message()).isEqualTo(WriteStatus.APPLIED);
        assertThat(ou.read(user.distinguishedName(), CONSISTENCY)).singleElement().isEqualTo(objectGuid);
        OnPremUser reread = ((DirectoryRecord.Usable<OnPremUser>) ad.findByObjectGuid(user.objectGuid())
                .orElseThrow()).user();
        assertThat(reread.consistencyGuid()).isEqualTo(user.objectGuid());
        assertThat(write(guid(user, null, user.objectGuid())).status()).as("the same write again, as a resumed run")
                .isEqualTo(WriteStatus.ALREADY_APPLIED);
    }

    @Test
    void consistencyGuid_whenAnotherValueArrivedSincePlanning_isAConflictAndLeftAlone() {
        OnPremUser user = added("cas2", null);
        assertThat(write(guid(user, null, OTHER)).status()).isEqualTo(WriteStatus.APPLIED);

        WriteResult planSawEmpty = write(guid(user, null, user.objectGuid()));
        WriteResult planSawThird = write(guid(user, THIRD, user.objectGuid()));

        assertThat(planSawEmpty.status()).as(planSawEmpty.message()).isEqualTo(WriteStatus.CONFLICT);
        assertThat(planSawEmpty.observed()).isEqualTo(AttributeValue.ofBytes(OTHER.bytes()));
        assertThat(planSawEmpty.message()).contains(OTHER.toString()).contains("plan again");
        assertThat(planSawThird.status()).as(planSawThird.message()).isEqualTo(WriteStatus.CONFLICT);
        assertThat(ou.read(user.distinguishedName(), CONSISTENCY)).singleElement().isEqualTo(OTHER.bytes());
    }

    @Test
    void consistencyGuid_replacedFromTheValueThePlanSaw_andRolledBack() {
        OnPremUser user = added("cas3", null);
        AttributeWrite first = guid(user, null, OTHER);
        AttributeWrite correction = guid(user, OTHER, user.objectGuid());
        assertThat(write(first).status()).isEqualTo(WriteStatus.APPLIED);

        assertThat(write(correction).status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(ou.read(user.distinguishedName(), CONSISTENCY)).singleElement()
                .isEqualTo(user.objectGuid().bytes());
        assertThat(write(correction.inverse()).status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(write(first.inverse()).status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(ou.read(user.distinguishedName(), CONSISTENCY)).isEmpty();
    }

    @Test
    void mailBackFill_writtenWhereEmpty_thenRolledBack() {
        OnPremUser user = added("mail1", null);
        String mail = ou.samAccountName("mail1") + "@contoso.com";
        AttributeWrite backFill = new AttributeWrite(user.distinguishedName(), "mail", null,
                AttributeValue.ofString(mail));

        WriteResult applied = write(backFill);

        assertThat(applied.status()).as(applied.message()).isEqualTo(WriteStatus.APPLIED);
        assertThat(ou.read(user.distinguishedName(), "mail")).singleElement()
                .isEqualTo(mail.getBytes(StandardCharsets.UTF_8));
        WriteResult rolledBack = write(backFill.inverse());
        assertThat(rolledBack.status()).as(rolledBack.message()).isEqualTo(WriteStatus.APPLIED);
        assertThat(ou.read(user.distinguishedName(), "mail")).isEmpty();
    }

    @Test
    void mailBackFill_whenSomeoneSetAMailSincePlanning_isAConflictAndKeepsTheirs() {
        OnPremUser user = added("mail2", "theirs@contoso.com");

        WriteResult result = write(new AttributeWrite(user.distinguishedName(), "mail", null,
                AttributeValue.ofString("ours@contoso.com")));

        assertThat(result.status()).as(result.message()).isEqualTo(WriteStatus.CONFLICT);
        assertThat(result.observed()).isEqualTo(AttributeValue.ofString("theirs@contoso.com"));
        assertThat(ou.read(user.distinguishedName(), "mail")).singleElement()
                .isEqualTo("theirs@contoso.com".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rollbackOfABackFill_whenTheMailWasChangedSince_isAConflictAndKeepsTheNewMail() {
        OnPremUser user = added("mail3", "changed@contoso.com");

        WriteResult result = write(new AttributeWrite(user.distinguishedName(), "mail",
                AttributeValue.ofString("backfilled@contoso.com"), null));

        assertThat(result.status()).as(result.message()).isEqualTo(WriteStatus.CONFLICT);
        assertThat(ou.read(user.distinguishedName(), "mail")).singleElement()
                .isEqualTo("changed@contoso.com".getBytes(StandardCharsets.UTF_8));
    }
}
