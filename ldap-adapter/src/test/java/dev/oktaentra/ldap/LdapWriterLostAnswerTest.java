package dev.oktaentra.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.ldap.testing.InMemoryActiveDirectory;
import dev.oktaentra.ldap.testing.LostAnswer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The domain controller applied the modify but its answer was lost (the connection closed with a notice of
 * disconnection, or a busy/unavailable result after the change). The writer reads the value back: a write that
 * landed is APPLIED with the value it replaced, not ALREADY_APPLIED ("nothing written").
 */
class LdapWriterLostAnswerTest {

    private static final String CONSISTENCY = "mS-DS-ConsistencyGuid";
    private static final ObjectGuid OTHER = ObjectGuid.parse("8c4ac332-975f-4717-ad7b-ba4a4e968fff");

    private InMemoryActiveDirectory ad;
    private LdapDirectory directory;

    @BeforeEach
    void start() {
        ad = InMemoryActiveDirectory.builder().organizationalUnits("Staff").start();
        directory = LdapDirectory.connect(ad.plaintextSettings().searchBases(List.of(ad.ouDn("Staff"))).build());
    }

    @AfterEach
    void stop() {
        directory.close();
        ad.close();
    }

    private static AttributeWrite setGuid(OnPremUser user, ObjectGuid before, ObjectGuid after) {
        return new AttributeWrite(user.distinguishedName(), CONSISTENCY,
                before == null ? null : AttributeValue.ofBytes(before.bytes()), AttributeValue.ofBytes(after.bytes()));
    }

    @ParameterizedTest
    @EnumSource(LostAnswer.class)
    void write_whoseAnswerIsLostAfterTheDirectoryAppliedIt_isApplied(LostAnswer how) {
        OnPremUser user = ad.addUser(ad.newUser("Staff", "lost").consistencyGuid(OTHER).build());
        ad.loseModifyAnswers(how, 1);

        WriteResult result = directory.writer().write(List.of(setGuid(user, OTHER, user.objectGuid()))).get(0);

        assertThat(ad.entry(user.distinguishedName()).getAttributeValueBytes(CONSISTENCY))
                .isEqualTo(user.objectGuid().bytes());
        assertThat(result.status()).as(result.message()).isEqualTo(WriteStatus.APPLIED);
        assertThat(result.observed()).isEqualTo(AttributeValue.ofBytes(OTHER.bytes()));
        assertThat(result.message()).contains("answer was lost").contains("read back");
    }

    @Test
    void reads_afterTheServerDroppedTheConnection_bindAgainOnAFreshOne() {
        OnPremUser user = ad.addUser(ad.newUser("Staff", "dropped").consistencyGuid(OTHER).build());
        ad.loseModifyAnswers(LostAnswer.CONNECTION_CLOSED, 1);
        directory.writer().write(List.of(setGuid(user, OTHER, user.objectGuid())));

        // The pool's connection is gone; the next read needs a new one, bound with the same password.
        assertThat(directory.findByObjectGuid(user.objectGuid()).orElseThrow().orElseThrow().consistencyGuid())
                .isEqualTo(user.objectGuid());
    }

    @Test
    void write_repeatedAfterACrash_isStillAlreadyApplied() {
        OnPremUser user = ad.addUser(ad.newUser("Staff", "again").consistencyGuid(OTHER).build());
        directory.writer().write(List.of(setGuid(user, OTHER, user.objectGuid())));

        WriteResult again = directory.writer().write(List.of(setGuid(user, OTHER, user.objectGuid()))).get(0);

        assertThat(again.status()).isEqualTo(WriteStatus.ALREADY_APPLIED);
        assertThat(again.message()).contains("nothing written");
    }
}
